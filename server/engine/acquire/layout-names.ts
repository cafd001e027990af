import { AcquireError } from './errors'
import type { Descriptor } from './image-source'
import { parseManifest } from './manifest'
import { INDEX_TYPES, normalizeMediaType } from './media-types'
import { DOCKER_HUB, isValidRepositoryName, isValidTag, parseReference } from './reference'

export const ANNOTATION_REF_NAME = 'org.opencontainers.image.ref.name'
export const ANNOTATION_IMAGE_NAME = 'io.containerd.image.name'

/** A tag of a local image: which repository, and the manifest or index it names. */
export interface LocalTag {
  repository: string
  tag: string
  descriptor: Descriptor
}

/**
 * The repository and tag an OCI layout entry stands for. The repository comes from
 * containerd's image-name annotation (registry host and tag stripped), else from
 * `fallbackRepository`; the tag from `org.opencontainers.image.ref.name`, taking the
 * tag part when it holds a whole reference. Null when no valid name results.
 *
 * @example
 * nameLayoutEntry({ 'io.containerd.image.name': 'docker.io/demo/app:1.0', 'org.opencontainers.image.ref.name': '1.0' }, 'x')
 * // { repository: 'demo/app', tag: '1.0' }
 */
export function nameLayoutEntry(annotations: Record<string, string> | undefined, fallbackRepository: string): { repository: string; tag: string } | null {
  const imageName = annotations?.[ANNOTATION_IMAGE_NAME]
  const refName = annotations?.[ANNOTATION_REF_NAME]
  const image = imageName ? parseLocalName(imageName) : null
  let repository = image?.repository ?? fallbackRepository
  let tag = image?.tag
  if (refName) {
    if (isValidTag(refName)) tag = refName
    else {
      const full = parseLocalName(refName)
      if (full?.tag) tag = full.tag
      if (full && !image) repository = full.repository
    }
  }
  if (!tag || !isValidTag(tag) || !isValidRepositoryName(repository)) return null
  return { repository, tag }
}

/**
 * A local image name in Docker's familiar form: registry dropped, and Docker Hub's
 * implied `library/` too, so `docker.io/library/alpine:3.19` (containerd's spelling) and
 * `alpine:3.19` (a classic RepoTag) both name repository `alpine`.
 *
 * @example parseLocalName('docker.io/library/alpine:3.19') // { repository: 'alpine', tag: '3.19' }
 */
export function parseLocalName(reference: string): { repository: string; tag?: string } | null {
  try {
    const ref = parseReference(reference, { defaultTag: false })
    const official = ref.registry === DOCKER_HUB && /^library\/[^/]+$/.test(ref.repository)
    return { repository: official ? ref.repository.slice('library/'.length) : ref.repository, ...(ref.tag ? { tag: ref.tag } : {}) }
  } catch {
    return null
  }
}

/**
 * Turns a directory or file name into a valid repository name (`My Images_v2` →
 * `my-images_v2`); path separators stay, so `team/app` stays two components.
 *
 * @example toRepositoryName('Shop App.tar') // 'shop-app.tar'
 */
export function toRepositoryName(name: string): string {
  const parts = name
    .toLowerCase()
    .split('/')
    .map((part) =>
      part
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/([._-])[._-]+/g, '$1')
        .replace(/^[._-]+|[._-]+$/g, ''),
    )
    .filter(Boolean)
  const joined = parts.join('/')
  return isValidRepositoryName(joined) ? joined : 'image'
}

/**
 * Every named entry of an OCI layout's `index.json`. Unnamed entries that are indexes
 * are opened in turn (layouts may nest them), to a bounded depth.
 *
 * @example
 * const tags = await listLayoutTags(indexBytes, (d) => store.read(d), 'shop-app', 'shop-app/index.json')
 */
export async function listLayoutTags(indexBytes: Buffer, read: (d: Descriptor) => Promise<Buffer>, fallbackRepository: string, what: string, depth = 0): Promise<LocalTag[]> {
  const index = parseManifest(indexBytes, INDEX_TYPES[0], what)
  if (index.kind !== 'index') throw new AcquireError('INVALID_MANIFEST', `${what}: index.json is not an image index.`)
  const out: LocalTag[] = []
  for (const descriptor of index.manifests) {
    const name = nameLayoutEntry(descriptor.annotations, fallbackRepository)
    if (name) out.push({ ...name, descriptor })
    else if (depth < 2 && INDEX_TYPES.includes(normalizeMediaType(descriptor.mediaType))) {
      out.push(...(await listLayoutTags(await read(descriptor), read, fallbackRepository, `${what} → ${descriptor.digest}`, depth + 1)))
    }
  }
  return out
}
