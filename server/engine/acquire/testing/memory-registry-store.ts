import { digestOf, readAll } from '../digest'
import type { ImageSource } from '../image-source'
import { parseManifest } from '../manifest'

export interface StoredManifest {
  bytes: Buffer
  mediaType: string
}

/**
 * What a registry stores: blobs by digest, and per repository manifests by digest plus tags.
 *
 * @example
 * store.putManifest('demo/old', 'v1', schema1Bytes, MediaType.dockerSchema1Signed)
 */
export class MemoryRegistryStore {
  readonly blobs = new Map<string, Buffer>()
  readonly repos = new Map<string, { tags: Map<string, string>; manifests: Map<string, StoredManifest> }>()

  repo(name: string) {
    let repo = this.repos.get(name)
    if (!repo) {
      repo = { tags: new Map(), manifests: new Map() }
      this.repos.set(name, repo)
    }
    return repo
  }

  /** A manifest by tag or digest, if the repository has it. */
  manifest(name: string, reference: string): { digest: string; manifest: StoredManifest } | undefined {
    const repo = this.repos.get(name)
    const digest = reference.includes(':') ? reference : repo?.tags.get(reference)
    const manifest = digest ? repo?.manifests.get(digest) : undefined
    return digest && manifest ? { digest, manifest } : undefined
  }

  /** Stores a manifest as is (tests use this to plant broken ones) and returns its digest. */
  putManifest(name: string, reference: string, bytes: Buffer, mediaType: string): string {
    const digest = digestOf(bytes)
    const repo = this.repo(name)
    repo.manifests.set(digest, { bytes, mediaType })
    if (!reference.includes(':')) repo.tags.set(reference, digest)
    return digest
  }

  /** Blobs and child manifests a manifest refers to that the store lacks (push order check). */
  missingReferences(name: string, bytes: Buffer, mediaType: string): string[] {
    const parsed = parseManifest(bytes, mediaType, name)
    const repo = this.repos.get(name)
    if (parsed.kind === 'index') return parsed.manifests.map((m) => m.digest).filter((d) => !repo?.manifests.has(d))
    return [parsed.config, ...parsed.layers].map((b) => b.digest).filter((d) => !this.blobs.has(d))
  }

  /** Copies every repository and tag of a source, manifests and blobs, into memory. */
  async copyFrom(source: ImageSource): Promise<void> {
    for (const repository of await source.listRepositories()) {
      for (const tag of await source.listTags(repository)) {
        const top = await source.readManifest(repository, tag)
        await this.copyTree(source, repository, top.digest, top.bytes, top.mediaType)
        this.repo(repository).tags.set(tag, top.digest)
      }
    }
  }

  private async copyTree(source: ImageSource, repository: string, digest: string, bytes: Buffer, mediaType: string): Promise<void> {
    this.repo(repository).manifests.set(digest, { bytes, mediaType })
    const parsed = parseManifest(bytes, mediaType, repository)
    if (parsed.kind === 'index') {
      for (const child of parsed.manifests) {
        const raw = await source.readManifest(repository, child.digest)
        await this.copyTree(source, repository, raw.digest, raw.bytes, raw.mediaType)
      }
      return
    }
    for (const blob of [parsed.config, ...parsed.layers]) {
      if (!this.blobs.has(blob.digest)) this.blobs.set(blob.digest, await readAll(await source.openBlob(repository, blob), Number.MAX_SAFE_INTEGER, blob.digest))
    }
  }
}
