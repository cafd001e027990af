import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import zlib from 'node:zlib'
import { createTar, type TarEntry } from './tar-writer'

/**
 * Builds container images in memory (layers, config, manifest, index) and writes them as
 * OCI image layouts (`docker save` archives: docker-archive-writer.ts). Everything is
 * content-addressed and serialised without timestamps of its own, so the same spec always
 * gives the same digests.
 */

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const

export type ImageFormat = 'oci' | 'docker'
export type LayerCompression = 'gzip' | 'none'

export interface Platform {
  os: string
  architecture: string
  variant?: string
}

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  platform?: Platform
  annotations?: Record<string, string>
}

export interface ContainerConfig {
  User?: string
  Env?: string[]
  Cmd?: string[]
  Entrypoint?: string[]
  WorkingDir?: string
  ExposedPorts?: Record<string, Record<string, never>>
  Healthcheck?: { Test: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; Retries?: number }
  Labels?: Record<string, string>
  Volumes?: Record<string, Record<string, never>>
  StopSignal?: string
}

export interface HistoryEntry {
  created: string
  created_by: string
  empty_layer?: boolean
  comment?: string
}

export interface ImageConfigSpec {
  architecture: string
  os: string
  variant?: string
  created: string
  author?: string
  config: ContainerConfig
  history: HistoryEntry[]
}

/** One layer, kept both as the tar (for diff_ids and docker archives) and as its blob. */
export interface BuiltLayer {
  tar: Buffer
  diffId: string
  blob: Buffer
  compression: LayerCompression
}

export interface ImageSpec {
  /** Entries per layer, or a layer already built (to share the same bytes between images). */
  layers: (TarEntry[] | BuiltLayer)[]
  config: ImageConfigSpec
  /** `oci` (default) or Docker schema2 media types. */
  format?: ImageFormat
  annotations?: Record<string, string>
}

export interface BuiltImage {
  kind: 'image'
  format: ImageFormat
  /** The manifest's descriptor: its digest is the image's digest. */
  manifest: Descriptor
  config: ImageConfigSpec & { rootfs: { type: 'layers'; diff_ids: string[] } }
  configDescriptor: Descriptor
  layers: (BuiltLayer & { descriptor: Descriptor })[]
  platform: Platform
  /** Every blob by digest: layers, config and the manifest itself. */
  blobs: Map<string, Buffer>
}

export interface BuiltIndex {
  kind: 'index'
  manifest: Descriptor
  images: BuiltImage[]
  platforms: Platform[]
  blobs: Map<string, Buffer>
}

export const sha256 = (bytes: Buffer | string): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`
export const hexOf = (digest: string): string => digest.slice('sha256:'.length)

/**
 * Tars and (by default) gzips one layer. zlib's deflate is deterministic for the same input
 * and level; the gzip header's OS byte is set to 255 ("unknown", as Go writes it) so the
 * blob does not depend on the operating system that wrote it.
 *
 * @example
 * const base = buildLayer([{ path: 'etc/', type: 'dir' }])
 * buildImage({ layers: [base, appEntries], config }) // base bytes shared with other images
 */
export function buildLayer(entries: TarEntry[], compression: LayerCompression = 'gzip'): BuiltLayer {
  const tar = createTar(entries)
  let blob = tar
  if (compression === 'gzip') {
    blob = zlib.gzipSync(tar, { level: 6 })
    blob[9] = 0xff
  }
  return { tar, diffId: sha256(tar), blob, compression }
}

/** Layers, config and manifest of one image; history must have one non-empty entry per layer. */
export function buildImage(spec: ImageSpec): BuiltImage {
  const format = spec.format ?? 'oci'
  const docker = format === 'docker'
  const layers = spec.layers.map((l) => (Array.isArray(l) ? buildLayer(l) : l))
  const withLayer = spec.config.history.filter((h) => !h.empty_layer).length
  if (withLayer !== layers.length) throw new Error(`image has ${layers.length} layers but ${withLayer} non-empty history entries`)

  const blobs = new Map<string, Buffer>()
  const builtLayers = layers.map((layer) => {
    const gz = layer.compression === 'gzip'
    const mediaType = docker ? (gz ? MEDIA_TYPES.dockerLayerGzip : MEDIA_TYPES.dockerLayer) : gz ? MEDIA_TYPES.ociLayerGzip : MEDIA_TYPES.ociLayer
    const descriptor = descriptorOf(mediaType, layer.blob, docker)
    blobs.set(descriptor.digest, layer.blob)
    return { ...layer, descriptor }
  })

  const { created, author, architecture, os, variant, config, history } = spec.config
  // Key order as Docker and BuildKit write configs, so the JSON looks like the real thing.
  const fullConfig = {
    created,
    ...(author ? { author } : {}),
    architecture,
    os,
    ...(variant ? { variant } : {}),
    config,
    rootfs: { type: 'layers' as const, diff_ids: layers.map((l) => l.diffId) },
    history,
  }
  const configBytes = Buffer.from(JSON.stringify(fullConfig))
  const configDescriptor = descriptorOf(docker ? MEDIA_TYPES.dockerConfig : MEDIA_TYPES.ociConfig, configBytes, docker)
  blobs.set(configDescriptor.digest, configBytes)

  const mediaType = docker ? MEDIA_TYPES.dockerManifest : MEDIA_TYPES.ociManifest
  const manifestBytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      config: configDescriptor,
      layers: builtLayers.map((l) => l.descriptor),
      ...(spec.annotations && !docker ? { annotations: spec.annotations } : {}),
    }),
  )
  const manifest = descriptorOf(mediaType, manifestBytes, docker)
  blobs.set(manifest.digest, manifestBytes)
  const platform = { os, architecture, ...(variant ? { variant } : {}) }
  return { kind: 'image', format, manifest, config: fullConfig, configDescriptor, layers: builtLayers, platform, blobs }
}

/** An OCI image index over per-platform images (platform defaults to the image's own). */
export function buildIndex(images: { image: BuiltImage; platform?: Platform }[]): BuiltIndex {
  const blobs = new Map<string, Buffer>()
  for (const { image } of images) for (const [digest, bytes] of image.blobs) blobs.set(digest, bytes)
  const platforms = images.map(({ image, platform }) => platform ?? image.platform)
  const manifests = images.map(({ image }, i) => ({ ...image.manifest, platform: platforms[i] }))
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests }))
  const manifest = descriptorOf(MEDIA_TYPES.ociIndex, bytes, false)
  blobs.set(manifest.digest, bytes)
  return { kind: 'index', manifest, images: images.map((i) => i.image), platforms, blobs }
}

/**
 * Writes an OCI image layout: `oci-layout`, `index.json` with one entry per reference
 * (annotated as containerd's export does: `org.opencontainers.image.ref.name` is the tag,
 * `io.containerd.image.name` the full name) and `blobs/sha256/<hex>`.
 *
 * @example
 * await writeOciLayout(dir, [{ image, refName: '1.0', imageName: 'demo/app:1.0' }])
 */
export async function writeOciLayout(dir: string, images: { image: BuiltImage | BuiltIndex; refName: string; imageName?: string }[]): Promise<void> {
  const blobDir = path.join(dir, 'blobs', 'sha256')
  await fs.mkdir(blobDir, { recursive: true })
  const blobs = new Map<string, Buffer>()
  for (const { image } of images) for (const [digest, bytes] of image.blobs) blobs.set(digest, bytes)
  for (const [digest, bytes] of [...blobs].sort(([a], [b]) => a.localeCompare(b))) await fs.writeFile(path.join(blobDir, hexOf(digest)), bytes)
  const manifests = images.map(({ image, refName, imageName }) => ({
    mediaType: image.manifest.mediaType,
    digest: image.manifest.digest,
    size: image.manifest.size,
    annotations: { ...(imageName ? { 'io.containerd.image.name': imageName } : {}), 'org.opencontainers.image.ref.name': refName },
  }))
  await fs.writeFile(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  await fs.writeFile(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests }))
}

/**
 * Docker writes schema2 descriptors as mediaType, size, digest; OCI as mediaType, digest,
 * size. Keeping each order makes a classic `docker save` archive's manifest (which readers
 * must re-create, byte for byte, to get its digest) the one `docker push` would send.
 */
function descriptorOf(mediaType: string, bytes: Buffer, docker: boolean): Descriptor {
  const digest = sha256(bytes)
  return docker ? { mediaType, size: bytes.length, digest } : { mediaType, digest, size: bytes.length }
}
