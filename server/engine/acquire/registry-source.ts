import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { digestOf, readAll, verifiedStream, verifyBytes } from './digest'
import { AcquireError } from './errors'
import { responseError } from './http-errors'
import type { Descriptor, ImageSource, Platform, RawManifest, ResolvedImage, SignalOption } from './image-source'
import { LIMITS, parseJsonObject, parseManifest } from './manifest'
import { INDEX_TYPES, MANIFEST_ACCEPT, MANIFEST_TYPES, normalizeMediaType } from './media-types'
import { assertDigest, assertRepositoryName, assertTagOrDigest, isValidDigest, isValidRepositoryName, isValidTag } from './reference'
import { CATALOG_SCOPE, pullScope, RegistryClient, type RegistryOptions } from './registry-client'
import { type ContentReader, resolveImage } from './resolve-image'

export interface RegistrySourceOptions extends RegistryOptions {
  /** Most repositories or tags one listing may return (default 100,000). */
  maxListEntries?: number
}

export interface RegistrySource extends ImageSource {
  ping(opts?: SignalOption): Promise<void>
}

const PAGE_SIZE = 1000
const MAX_PAGES = 1000
const LIST_PAGE_BYTES = 8 * 1024 * 1024
const CACHE_BYTES = 32 * 1024 * 1024

/**
 * An OCI distribution API v2 registry as an ImageSource.
 *
 * @example
 * const source = await openRegistrySource({ url: 'https://registry.example.com', username: 'ci', password })
 * await source.ping()
 * const image = await source.resolve('team/app', '1.4', { platform: 'linux/arm64' })
 */
export async function openRegistrySource(opts: RegistrySourceOptions): Promise<RegistrySource> {
  return Promise.resolve(new RegistryImageSource(new RegistryClient(opts), opts.maxListEntries ?? 100_000))
}

class RegistryImageSource implements RegistrySource {
  /** Content-addressed, so caching by digest is safe; keyed per repository, as access is. */
  private cache = new Map<string, RawManifest | Buffer>()
  private cacheBytes = 0
  private reader: ContentReader

  constructor(
    private client: RegistryClient,
    private maxEntries: number,
  ) {
    this.reader = { describe: (repo) => `${client.host}/${repo}`, readBlob: (repo, desc, limit, signal) => this.readSmall(repo, desc, limit, signal) }
  }

  async ping(opts: SignalOption = {}): Promise<void> {
    const res = await this.client.request('/v2/', { scopes: [], signal: opts.signal, what: this.client.host })
    if (!res.ok) throw await responseError(res, this.client.host)
    await res.body?.cancel()
  }

  listRepositories(opts: SignalOption = {}): Promise<string[]> {
    return this.paginate(`/v2/_catalog?n=${PAGE_SIZE}`, [CATALOG_SCOPE], `${this.client.host} catalog`, 'repositories', isValidRepositoryName, opts.signal)
  }

  listTags(repository: string, opts: SignalOption = {}): Promise<string[]> {
    assertRepositoryName(repository)
    return this.paginate(`/v2/${repository}/tags/list?n=${PAGE_SIZE}`, [pullScope(repository)], `${this.client.host}/${repository} tags`, 'tags', isValidTag, opts.signal)
  }

  async resolve(repository: string, reference: string, opts: { platform?: Platform | string; signal?: AbortSignal } = {}): Promise<ResolvedImage> {
    const top = await this.readManifest(repository, reference, opts)
    return resolveImage(this.reader, top, { repository, reference, platform: opts.platform, signal: opts.signal })
  }

  async readManifest(repository: string, reference: string, opts: SignalOption = {}): Promise<RawManifest> {
    assertRepositoryName(repository)
    assertTagOrDigest(reference)
    const cached = this.cache.get(`${repository}@${reference}`)
    if (cached && !Buffer.isBuffer(cached)) return cached
    const byDigest = reference.includes(':')
    const what = `${this.client.host}/${repository}${byDigest ? '@' : ':'}${reference}`
    const res = await this.client.request(`/v2/${repository}/manifests/${reference}`, {
      headers: { accept: MANIFEST_ACCEPT },
      scopes: [pullScope(repository)],
      signal: opts.signal,
      followRedirects: true,
      what,
    })
    if (!res.ok || !res.body) throw await responseError(res, what)
    if (Number(res.headers.get('content-length') ?? 0) > LIMITS.manifestBytes) {
      await res.body.cancel()
      throw new AcquireError('TOO_LARGE', `${what}: manifest is larger than the ${LIMITS.manifestBytes}-byte limit.`)
    }
    const bytes = await readAll(res.body, LIMITS.manifestBytes, `${what} manifest`)
    const digest = byDigest ? reference : (res.headers.get('docker-content-digest') ?? '').trim()
    // A tag pull is checked against the registry's own claim when it makes one.
    if (isValidDigest(digest)) verifyBytes(bytes, { digest, size: bytes.length }, what)
    const raw: RawManifest = { digest: isValidDigest(digest) ? digest : digestOf(bytes), mediaType: parseManifest(bytes, res.headers.get('content-type'), what).mediaType, bytes }
    this.remember(`${repository}@${raw.digest}`, raw)
    return raw
  }

  async openBlob(repository: string, descriptor: Descriptor, opts: SignalOption = {}): Promise<Readable> {
    assertRepositoryName(repository)
    assertDigest(descriptor.digest)
    const what = `${this.client.host}/${repository}@${descriptor.digest}`
    const res = await this.client.request(`/v2/${repository}/blobs/${descriptor.digest}`, { scopes: [pullScope(repository)], signal: opts.signal, followRedirects: true, what })
    if (!res.ok || !res.body) throw await responseError(res, what)
    // A proxy that re-encodes the body makes Content-Length meaningless; the stream check still holds.
    const length = res.headers.get('content-encoding') ? null : res.headers.get('content-length')
    if (length !== null && Number(length) !== descriptor.size) {
      await res.body.cancel()
      throw new AcquireError('SIZE_MISMATCH', `${what}: the registry sends ${length} bytes, but ${descriptor.size} were declared.`)
    }
    return verifiedStream(Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>), descriptor, what)
  }

  close(): Promise<void> {
    this.cache.clear()
    this.cacheBytes = 0
    return Promise.resolve()
  }

  /** Child manifests come from /manifests/, configs from /blobs/; both verified. */
  private async readSmall(repository: string, desc: Descriptor, limit: number, signal?: AbortSignal): Promise<Buffer> {
    const what = `${this.client.host}/${repository}@${desc.digest}`
    const mt = normalizeMediaType(desc.mediaType)
    if (INDEX_TYPES.includes(mt) || MANIFEST_TYPES.includes(mt)) {
      const raw = await this.readManifest(repository, desc.digest, { signal: signal ?? undefined })
      verifyBytes(raw.bytes, desc, what)
      return raw.bytes
    }
    const cached = this.cache.get(`${repository}@${desc.digest}`)
    if (Buffer.isBuffer(cached) && cached.length === desc.size) return cached
    const bytes = await readAll(await this.openBlob(repository, desc, signal ? { signal } : {}), limit, what)
    this.remember(`${repository}@${desc.digest}`, bytes)
    return bytes
  }

  /** Oldest out first, bounded in bytes: hostile registries serve 4 MiB manifests too. */
  private remember(key: string, value: RawManifest | Buffer) {
    const size = (v: RawManifest | Buffer) => (Buffer.isBuffer(v) ? v.length : v.bytes.length)
    if (this.cache.has(key) || size(value) > CACHE_BYTES / 8) return
    this.cache.set(key, value)
    this.cacheBytes += size(value)
    for (const [oldest, v] of this.cache) {
      if (this.cacheBytes <= CACHE_BYTES) break
      this.cache.delete(oldest)
      this.cacheBytes -= size(v)
    }
  }

  /** Follows `Link: <…>; rel="next"` pages, bounded in pages, entries and bytes. */
  private async paginate(first: string, scopes: string[], what: string, field: string, valid: (s: string) => boolean, signal?: AbortSignal): Promise<string[]> {
    const found = new Set<string>()
    const visited = new Set<string>()
    let next: URL | undefined = this.client.url(first)
    for (let page = 0; next && !visited.has(next.href); page++) {
      if (page >= MAX_PAGES) throw new AcquireError('TOO_LARGE', `${what}: more than ${MAX_PAGES} pages.`)
      visited.add(next.href)
      const res = await this.client.request(next, { scopes, signal, followRedirects: true, what })
      if (!res.ok || !res.body) throw await responseError(res, what)
      const doc = parseJsonObject(await readAll(res.body, LIST_PAGE_BYTES, what), what, 'listing')
      const items = doc[field]
      if (items !== null && items !== undefined && !Array.isArray(items)) throw new AcquireError('BAD_RESPONSE', `${what}: "${field}" is not a list.`)
      for (const item of items ?? []) {
        if (typeof item === 'string' && valid(item)) found.add(item)
      }
      if (found.size > this.maxEntries) throw new AcquireError('TOO_LARGE', `${what}: more than ${this.maxEntries} entries.`)
      next = nextPage(res.headers.get('link'), next, this.client.base, what)
    }
    return [...found].sort()
  }
}

/** The `rel="next"` target of a Link header; it must stay on the registry's origin. */
function nextPage(link: string | null, current: URL, base: URL, what: string): URL | undefined {
  if (!link) return undefined
  for (const part of link.split(',')) {
    const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim())
    if (!m?.[1] || !/(?:^|;)\s*rel="?([^";]*\s)?next(\s[^";]*)?"?\s*(?:;|$)/i.test(m[2] ?? '')) continue
    const url = new URL(m[1], current)
    if (url.origin !== base.origin) throw new AcquireError('BAD_RESPONSE', `${what}: next page link leaves the registry (${url.host}).`)
    return url
  }
  return undefined
}
