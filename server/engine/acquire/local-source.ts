import { Readable } from 'node:stream'
import { readAll, verifiedStream } from './digest'
import { AcquireError } from './errors'
import type { Descriptor, ImageSource, Platform, RawManifest, ResolvedImage, SignalOption } from './image-source'
import type { LocalTag } from './layout-names'
import { LIMITS, parseManifest } from './manifest'
import { assertDigest, assertRepositoryName, assertTagOrDigest } from './reference'
import { type ContentReader, resolveImage } from './resolve-image'

/** Content-addressed bytes on disk or in an archive. */
export interface BlobStore {
  /** Names the store in messages (a file or directory name, never a full path). */
  label: string
  /** The stored size, or undefined when the blob is absent. */
  size(digest: string): Promise<number | undefined>
  /** The raw, unverified bytes. */
  open(digest: string, signal?: AbortSignal): Promise<Readable>
}

/**
 * Reads a small blob from a store, verified against its descriptor.
 *
 * @example const bytes = await readStoreBlob(store, indexDescriptor, 4 << 20)
 */
export async function readStoreBlob(store: BlobStore, desc: Descriptor, limit: number, signal?: AbortSignal): Promise<Buffer> {
  const what = `${store.label}: blob ${desc.digest}`
  if (desc.size > limit) throw new AcquireError('TOO_LARGE', `${what} declares ${desc.size} bytes, over the ${limit}-byte limit.`)
  return readAll(verifiedStream(await store.open(desc.digest, signal), desc, what), limit, what)
}

/**
 * An ImageSource over local content: a list of tags plus a blob store. Manifests a
 * source makes up (a classic `docker save` has none) come in `extraManifests`.
 *
 * @example
 * const source = new LocalImageSource(store, [{ repository: 'demo/app', tag: '1.0', descriptor }])
 */
export class LocalImageSource implements ImageSource {
  private byRepo = new Map<string, Map<string, Descriptor>>()
  private reader: ContentReader

  constructor(
    private store: BlobStore,
    tags: LocalTag[],
    private extraManifests = new Map<string, RawManifest>(),
    private onClose: () => Promise<void> = () => Promise.resolve(),
  ) {
    for (const t of tags) {
      const repo = this.byRepo.get(t.repository) ?? new Map<string, Descriptor>()
      // The first entry naming a tag wins, as in a registry a tag points to one thing.
      if (!repo.has(t.tag)) repo.set(t.tag, t.descriptor)
      this.byRepo.set(t.repository, repo)
    }
    this.reader = { describe: (repo) => `${store.label}: ${repo}`, readBlob: (_repo, desc, limit, signal) => this.readBytes(desc, limit, signal) }
  }

  listRepositories(): Promise<string[]> {
    return Promise.resolve([...this.byRepo.keys()].sort())
  }

  listTags(repository: string): Promise<string[]> {
    return Promise.resolve([...this.tagsOf(repository).keys()].sort())
  }

  async resolve(repository: string, reference: string, opts: { platform?: Platform | string; signal?: AbortSignal } = {}): Promise<ResolvedImage> {
    const top = await this.readManifest(repository, reference, opts)
    return resolveImage(this.reader, top, { repository, reference, platform: opts.platform, signal: opts.signal })
  }

  async readManifest(repository: string, reference: string, opts: SignalOption = {}): Promise<RawManifest> {
    assertTagOrDigest(reference)
    const tags = this.tagsOf(repository)
    let desc = reference.includes(':') ? undefined : tags.get(reference)
    if (!reference.includes(':') && !desc) throw new AcquireError('NOT_FOUND', `${this.store.label}: ${repository} has no tag ${reference}.`)
    const digest = desc?.digest ?? reference
    const extra = this.extraManifests.get(digest)
    if (extra) return extra
    if (!desc) {
      const size = await this.store.size(digest)
      if (size === undefined) throw new AcquireError('NOT_FOUND', `${this.store.label}: ${repository} has no manifest ${digest}.`)
      desc = { mediaType: '', digest, size }
    }
    if (desc.size > LIMITS.manifestBytes) throw new AcquireError('TOO_LARGE', `${this.store.label}: manifest ${digest} is over the ${LIMITS.manifestBytes}-byte limit.`)
    const bytes = await this.readBytes(desc, LIMITS.manifestBytes, opts.signal)
    return { digest, mediaType: parseManifest(bytes, desc.mediaType, `${this.store.label}: ${repository}@${digest}`).mediaType, bytes }
  }

  async openBlob(repository: string, descriptor: Descriptor, opts: SignalOption = {}): Promise<Readable> {
    this.tagsOf(repository)
    assertDigest(descriptor.digest)
    return this.open(descriptor, opts.signal)
  }

  /** Whether this source holds the blob; lets a directory source ask its parts in turn. */
  async hasBlob(digest: string): Promise<boolean> {
    return this.extraManifests.has(digest) || (await this.store.size(digest)) !== undefined
  }

  close(): Promise<void> {
    return this.onClose()
  }

  private tagsOf(repository: string): Map<string, Descriptor> {
    assertRepositoryName(repository)
    const tags = this.byRepo.get(repository)
    if (!tags) throw new AcquireError('NOT_FOUND', `${this.store.label}: no repository ${repository}.`)
    return tags
  }

  private async open(desc: Descriptor, signal?: AbortSignal): Promise<Readable> {
    const what = `${this.store.label}: blob ${desc.digest}`
    const extra = this.extraManifests.get(desc.digest)
    const stored = extra ? extra.bytes.length : await this.store.size(desc.digest)
    if (stored === undefined) throw new AcquireError('NOT_FOUND', `${what} is missing.`)
    if (stored !== desc.size) throw new AcquireError('SIZE_MISMATCH', `${what} is ${stored} bytes, but ${desc.size} were declared.`)
    const raw = extra ? Readable.from([extra.bytes]) : await this.store.open(desc.digest, signal)
    return verifiedStream(raw, desc, what)
  }

  private async readBytes(desc: Descriptor, limit: number, signal?: AbortSignal): Promise<Buffer> {
    return readAll(await this.open(desc, signal), limit, `${this.store.label}: blob ${desc.digest}`)
  }
}
