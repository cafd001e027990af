import fs from 'node:fs/promises'
import path from 'node:path'
import { type BuiltImage, hexOf, MEDIA_TYPES } from './image-writer'
import { createTar, type TarEntry } from './tar-writer'

/**
 * Writes one tar in the `docker save` format. `classic` (default, Docker up to 24):
 * `manifest.json` (`[{Config, RepoTags, Layers}]`), `repositories`, the config as
 * `<image id>.json` and each layer uncompressed as `<diffID hex>/layer.tar` beside `VERSION`
 * and a v1 `json`. `oci` (Docker 25 and later): the same `manifest.json` pointing into an OCI
 * layout (`oci-layout`, `index.json`, `blobs/sha256/…`) that also holds the manifests.
 *
 * @example
 * await writeDockerArchive(file, [{ image, repoTags: ['demo/alpine-base:3.18'] }])
 */
export async function writeDockerArchive(file: string, images: { image: BuiltImage; repoTags: string[] }[], layout: 'classic' | 'oci' = 'classic'): Promise<void> {
  const entries = layout === 'oci' ? ociArchiveEntries(images) : classicArchiveEntries(images)
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(file, createTar(entries))
}

function classicArchiveEntries(images: { image: BuiltImage; repoTags: string[] }[]): TarEntry[] {
  const entries: TarEntry[] = []
  const manifest: { Config: string; RepoTags: string[]; Layers: string[] }[] = []
  const repositories: Record<string, Record<string, string>> = {}
  const written = new Set<string>()
  for (const { image, repoTags } of images) {
    const layerIds = image.layers.map((l) => hexOf(l.diffId))
    image.layers.forEach((layer, i) => {
      const id = hexOf(layer.diffId)
      if (written.has(id)) return
      written.add(id)
      const v1 = { id, ...(i > 0 ? { parent: layerIds[i - 1] } : {}), created: image.config.created, container_config: { Cmd: null } }
      entries.push({ path: `${id}/`, type: 'dir' }, { path: `${id}/VERSION`, content: '1.0' }, { path: `${id}/json`, content: JSON.stringify(v1) }, { path: `${id}/layer.tar`, content: layer.tar })
    })
    const configName = `${hexOf(image.configDescriptor.digest)}.json`
    if (!written.has(configName)) {
      written.add(configName)
      entries.push({ path: configName, content: blobOf(image, image.configDescriptor.digest) })
    }
    manifest.push({ Config: configName, RepoTags: repoTags, Layers: layerIds.map((id) => `${id}/layer.tar`) })
    for (const repoTag of repoTags) {
      const { repo, tag } = splitRepoTag(repoTag)
      repositories[repo] = { ...repositories[repo], [tag]: layerIds.at(-1) ?? '' }
    }
  }
  entries.push({ path: 'manifest.json', content: JSON.stringify(manifest) }, { path: 'repositories', content: JSON.stringify(repositories) })
  return entries
}

function ociArchiveEntries(images: { image: BuiltImage; repoTags: string[] }[]): TarEntry[] {
  const blobs = new Map<string, Buffer>()
  for (const { image } of images) for (const [digest, bytes] of image.blobs) blobs.set(digest, bytes)
  const blobPath = (digest: string) => `blobs/sha256/${hexOf(digest)}`
  const manifest = images.map(({ image, repoTags }) => ({
    Config: blobPath(image.configDescriptor.digest),
    RepoTags: repoTags,
    Layers: image.layers.map((l) => blobPath(l.descriptor.digest)),
  }))
  const index = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociIndex,
    manifests: images.flatMap(({ image, repoTags }) =>
      repoTags.map((repoTag) => ({ ...image.manifest, annotations: { 'io.containerd.image.name': repoTag, 'org.opencontainers.image.ref.name': splitRepoTag(repoTag).tag } })),
    ),
  }
  return [
    { path: 'blobs/', type: 'dir' },
    { path: 'blobs/sha256/', type: 'dir' },
    ...[...blobs].sort(([a], [b]) => a.localeCompare(b)).map(([digest, bytes]): TarEntry => ({ path: blobPath(digest), content: bytes })),
    { path: 'index.json', content: JSON.stringify(index) },
    { path: 'manifest.json', content: JSON.stringify(manifest) },
    { path: 'oci-layout', content: JSON.stringify({ imageLayoutVersion: '1.0.0' }) },
  ]
}

function blobOf(image: BuiltImage, digest: string): Buffer {
  const bytes = image.blobs.get(digest)
  if (!bytes) throw new Error(`blob ${digest} is missing from the built image`)
  return bytes
}

function splitRepoTag(repoTag: string): { repo: string; tag: string } {
  const colon = repoTag.lastIndexOf(':')
  // A colon inside a registry host:port is not a tag separator.
  if (colon < 0 || repoTag.slice(colon).includes('/')) return { repo: repoTag, tag: 'latest' }
  return { repo: repoTag.slice(0, colon), tag: repoTag.slice(colon + 1) }
}
