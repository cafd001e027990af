import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import zlib from 'node:zlib'
import { createTar, type TarEntry } from './tar-writer'

/** Builds OCI images in memory from tar entries, and writes OCI layouts and docker-save archives. */
export const MT = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const

export interface ImageConfigSpec {
  architecture: string
  os: string
  variant?: string
  created: string
  author?: string
  config: Record<string, unknown>
  history: { created: string; created_by: string; empty_layer?: boolean; comment?: string }[]
}

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  platform?: { os: string; architecture: string; variant?: string }
  annotations?: Record<string, string>
}

export interface BuiltImage {
  kind: 'image'
  manifest: Descriptor
  config: ImageConfigSpec & { rootfs: { type: 'layers'; diff_ids: string[] } }
  configDescriptor: Descriptor
  layers: { descriptor: Descriptor; tar: Buffer }[]
  /** Every blob by digest, manifest included. */
  blobs: Map<string, Buffer>
}

export interface BuiltIndex {
  kind: 'index'
  manifest: Descriptor
  images: BuiltImage[]
  blobs: Map<string, Buffer>
}

export const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

/** A layer built once can be shared by several images, as base layers are in real registries. */
export function buildLayer(entries: TarEntry[]): { tar: Buffer; gz: Buffer } {
  const tar = createTar(entries)
  return { tar, gz: zlib.gzipSync(tar, { level: 6 }) }
}

export function buildImage(spec: { layers: { tar: Buffer; gz: Buffer }[]; config: ImageConfigSpec; format?: 'oci' | 'docker' }): BuiltImage {
  const docker = spec.format === 'docker'
  const blobs = new Map<string, Buffer>()
  const layers = spec.layers.map((l) => {
    const descriptor = { mediaType: docker ? MT.dockerLayerGzip : MT.ociLayerGzip, digest: sha256(l.gz), size: l.gz.length }
    blobs.set(descriptor.digest, l.gz)
    return { descriptor, tar: l.tar }
  })
  const config = { ...spec.config, rootfs: { type: 'layers' as const, diff_ids: spec.layers.map((l) => sha256(l.tar)) } }
  const configBytes = Buffer.from(JSON.stringify(config))
  const configDescriptor = { mediaType: docker ? MT.dockerConfig : MT.ociConfig, digest: sha256(configBytes), size: configBytes.length }
  blobs.set(configDescriptor.digest, configBytes)
  const manifestBytes = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: docker ? MT.dockerManifest : MT.ociManifest, config: configDescriptor, layers: layers.map((l) => l.descriptor) }),
  )
  const manifest = { mediaType: docker ? MT.dockerManifest : MT.ociManifest, digest: sha256(manifestBytes), size: manifestBytes.length }
  blobs.set(manifest.digest, manifestBytes)
  return { kind: 'image', manifest, config, configDescriptor, layers, blobs }
}

export function buildIndex(images: BuiltImage[]): BuiltIndex {
  const blobs = new Map<string, Buffer>()
  for (const img of images) for (const [d, b] of img.blobs) blobs.set(d, b)
  const manifests = images.map((img) => ({
    ...img.manifest,
    platform: { os: img.config.os, architecture: img.config.architecture, ...(img.config.variant ? { variant: img.config.variant } : {}) },
  }))
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociIndex, manifests }))
  const manifest = { mediaType: MT.ociIndex, digest: sha256(bytes), size: bytes.length }
  blobs.set(manifest.digest, bytes)
  return { kind: 'index', manifest, images, blobs }
}

/** Writes an OCI image layout: `oci-layout`, `index.json` naming each tag, `blobs/sha256/…`. */
export async function writeOciLayout(dir: string, entries: { image: BuiltImage | BuiltIndex; imageName: string; tag: string }[]) {
  await fs.mkdir(path.join(dir, 'blobs', 'sha256'), { recursive: true })
  for (const { image } of entries) {
    for (const [digest, bytes] of image.blobs) await fs.writeFile(path.join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), bytes)
  }
  await fs.writeFile(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  const index = {
    schemaVersion: 2,
    mediaType: MT.ociIndex,
    manifests: entries.map((e) => ({
      ...e.image.manifest,
      annotations: { 'io.containerd.image.name': `${e.imageName}:${e.tag}`, 'org.opencontainers.image.ref.name': e.tag },
    })),
  }
  await fs.writeFile(path.join(dir, 'index.json'), JSON.stringify(index, null, 2))
}

/** Writes a classic `docker save` archive: manifest.json, repositories, `<id>.json`, `<id>/layer.tar`. */
export async function writeDockerArchive(file: string, images: { image: BuiltImage; repoTags: string[] }[]) {
  const entries: TarEntry[] = []
  const manifest: { Config: string; RepoTags: string[]; Layers: string[] }[] = []
  const repositories: Record<string, Record<string, string>> = {}
  const seen = new Set<string>()
  for (const { image, repoTags } of images) {
    const configHex = image.configDescriptor.digest.slice(7)
    const configName = `${configHex}.json`
    const layerNames: string[] = []
    for (const layer of image.layers) {
      const id = sha256(layer.tar).slice(7)
      const name = `${id}/layer.tar`
      layerNames.push(name)
      if (seen.has(id)) continue
      seen.add(id)
      entries.push({ path: id, type: 'dir' }, { path: `${id}/VERSION`, content: '1.0' }, { path: name, content: layer.tar })
    }
    entries.push({ path: configName, content: image.blobs.get(image.configDescriptor.digest) ?? '' })
    manifest.push({ Config: configName, RepoTags: repoTags, Layers: layerNames })
    const top = layerNames.at(-1)?.split('/')[0] ?? ''
    for (const rt of repoTags) {
      const i = rt.lastIndexOf(':')
      ;(repositories[rt.slice(0, i)] ??= {})[rt.slice(i + 1)] = top
    }
  }
  entries.push({ path: 'manifest.json', content: JSON.stringify(manifest) }, { path: 'repositories', content: JSON.stringify(repositories) })
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(file, createTar(entries))
}
