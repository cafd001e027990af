import { Readable } from 'node:stream'
import { readAll, verifyBytes } from './digest'
import { AcquireError } from './errors'
import { responseError } from './http-errors'
import type { Descriptor, ImageSource, RawManifest, SignalOption } from './image-source'
import { parseManifest } from './manifest'
import { assertRepositoryName, assertTagOrDigest } from './reference'
import { pushScope, RegistryClient, type RegistryOptions } from './registry-client'

/** Blobs up to this size are sent from memory (so a retry can resend them); larger ones stream. */
const BUFFERED_BLOB = 64 * 1024 * 1024
const MAX_NESTING = 3

/**
 * Copies one image, or a whole index with every platform in it, from any source to
 * a registry over the distribution API: blobs the target already has are skipped
 * (HEAD), the rest are uploaded monolithically (POST, then PUT ?digest=), child
 * manifests go up by digest and the top manifest last, under `toTag`. The bytes are
 * copied unchanged, so digests stay the same.
 *
 * @example
 * const { digest } = await pushImage(dirSource, 'demo/shop-app', '1.0.0', { url: registry.url }, 'demo/shop-app', '1.0.0')
 */
export async function pushImage(
  from: ImageSource,
  fromRepo: string,
  reference: string,
  to: RegistryOptions,
  toRepo: string,
  toTag: string,
  opts: SignalOption = {},
): Promise<{ digest: string; mediaType: string }> {
  assertRepositoryName(toRepo)
  assertTagOrDigest(toTag)
  const client = new RegistryClient(to)
  const scopes = [pushScope(toRepo)]
  const signal = opts.signal
  const pushed = new Set<string>()

  const pushBlob = async (desc: Descriptor) => {
    if (pushed.has(desc.digest)) return
    const what = `${client.host}/${toRepo}@${desc.digest}`
    const head = await client.request(`/v2/${toRepo}/blobs/${desc.digest}`, { method: 'HEAD', scopes, signal, followRedirects: true, what })
    await head.body?.cancel()
    if (head.status === 404) {
      const start = await client.request(`/v2/${toRepo}/blobs/uploads/`, { method: 'POST', scopes, signal, what })
      const location = start.headers.get('location')
      if (start.status !== 202 || !location) throw start.ok ? new AcquireError('BAD_RESPONSE', `${what}: upload started without a location.`) : await responseError(start, what)
      await start.body?.cancel()
      const target = new URL(location, client.url('/v2/'))
      target.searchParams.set('digest', desc.digest)
      const body = await blobBody(from, fromRepo, desc, signal)
      const put = await client.request(target, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body, scopes, signal, what })
      if (put.status !== 201 && !put.ok) throw await responseError(put, what)
      await put.body?.cancel()
    } else if (!head.ok) {
      throw await responseError(head, what)
    }
    pushed.add(desc.digest)
  }

  const putManifest = async (ref: string, raw: RawManifest) => {
    const what = `${client.host}/${toRepo}:${ref}`
    const res = await client.request(`/v2/${toRepo}/manifests/${ref}`, { method: 'PUT', headers: { 'content-type': raw.mediaType }, body: () => asBody(raw.bytes), scopes, signal, what })
    if (!res.ok) throw await responseError(res, what)
    await res.body?.cancel()
    const stored = res.headers.get('docker-content-digest')
    if (stored && stored !== raw.digest) throw new AcquireError('DIGEST_MISMATCH', `${what}: the registry stored ${stored}, not ${raw.digest}.`)
  }

  const pushTree = async (raw: RawManifest, depth: number): Promise<void> => {
    const parsed = parseManifest(raw.bytes, raw.mediaType, `${fromRepo}@${raw.digest}`)
    if (parsed.kind === 'manifest') {
      for (const blob of [parsed.config, ...parsed.layers]) await pushBlob(blob)
      return
    }
    if (depth >= MAX_NESTING) throw new AcquireError('INVALID_MANIFEST', `${fromRepo}@${raw.digest}: indexes nested more than ${MAX_NESTING} deep.`)
    for (const child of parsed.manifests) {
      const childRaw = await from.readManifest(fromRepo, child.digest, opts)
      verifyBytes(childRaw.bytes, child, `${fromRepo}@${child.digest}`)
      await pushTree(childRaw, depth + 1)
      await putManifest(child.digest, childRaw)
    }
  }

  const top = await from.readManifest(fromRepo, reference, opts)
  await pushTree(top, 0)
  await putManifest(toTag, top)
  return { digest: top.digest, mediaType: top.mediaType }
}

/** Small blobs are read (and verified) once into memory; big ones stream and are re-opened on retry. */
async function blobBody(from: ImageSource, repo: string, desc: Descriptor, signal?: AbortSignal): Promise<() => Promise<BodyInit> | BodyInit> {
  const open = () => from.openBlob(repo, desc, signal ? { signal } : {})
  if (desc.size > BUFFERED_BLOB) return async () => Readable.toWeb(await open()) as unknown as ReadableStream<Uint8Array>
  const bytes = await readAll(await open(), BUFFERED_BLOB, `${repo}@${desc.digest}`)
  return () => asBody(bytes)
}

/** Node's Buffer is a Uint8Array, which fetch sends as is; only the DOM typings disagree. */
function asBody(bytes: Buffer): BodyInit {
  return bytes as unknown as Uint8Array<ArrayBuffer>
}
