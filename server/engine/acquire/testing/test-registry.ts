import { randomUUID } from 'node:crypto'
import type { Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import { onTestFinished } from 'vitest'
import { digestOf } from '../digest'
import type { ImageSource } from '../image-source'
import { MemoryRegistryStore } from './memory-registry-store'
import { type NeededScope, type TestAuth, TestAuthority } from './test-registry-auth'

export interface TestRegistryFaults {
  /** The first `count` API requests answer `status` (with Retry-After when given). */
  failFirst?: { count: number; status: 429 | 500 | 503; retryAfter?: string }
  /** Blob bodies have their last byte flipped (same length, wrong digest). */
  corruptBlobs?: boolean
  /** Manifests claim a config one byte longer than it is (digest header still consistent). */
  lyingManifests?: boolean
  /** Blob GETs redirect (307) to a second origin, as registries do to a CDN. */
  redirectBlobs?: boolean
}

export interface TestRegistryOptions extends TestRegistryFaults {
  /** Copied in at start: every repository and tag. */
  from?: ImageSource
  auth?: TestAuth
  /** Largest page for `_catalog` and `tags/list`, to force Link pagination. */
  pageSize?: number
  /** Serve https with this key and certificate (PEM). */
  tls?: { key: string; cert: string }
}

export interface TestRegistry {
  url: string
  /** The second origin blob redirects point at. */
  cdnUrl: string
  store: MemoryRegistryStore
  authority: TestAuthority
  faults: TestRegistryFaults
  /** Every request: method, path and query, whether it carried Authorization, status. */
  requests: { method: string; path: string; authorized: boolean; status: number }[]
  /** Authorization headers that reached the CDN origin (must stay empty). */
  cdnAuthorizations: string[]
  stop(): Promise<void>
}

/**
 * A small OCI distribution API server on 127.0.0.1 for tests: pull (manifests, blobs,
 * catalog and tags with Link pagination), monolithic push, Basic or Bearer-token
 * auth, and injectable faults. Call it inside a test: it stops when the test ends.
 *
 * @example
 * const registry = await startTestRegistry({ from: demoSource, auth: { mode: 'bearer', username: 'u', password: 'p' } })
 * const source = await openRegistrySource({ url: registry.url, username: 'u', password: 'p' })
 */
export async function startTestRegistry(opts: TestRegistryOptions = {}): Promise<TestRegistry> {
  const store = new MemoryRegistryStore()
  if (opts.from) await store.copyFrom(opts.from)
  const app = new Hono()
  const listeners: ServerType[] = []
  const urlOf = (i: number) => `${opts.tls ? 'https' : 'http'}://127.0.0.1:${((listeners[i] as Server).address() as AddressInfo).port}`
  const registry: TestRegistry = {
    url: '',
    cdnUrl: '',
    store,
    authority: new TestAuthority(opts.auth ?? { mode: 'none' }, () => `${registry.url}/token`),
    faults: { ...opts },
    requests: [],
    cdnAuthorizations: [],
    stop: async () => {
      await Promise.all(listeners.map((l) => new Promise((resolve) => ((l as Server).closeAllConnections(), l.close(resolve)))))
    },
  }
  const pageSize = opts.pageSize ?? 100
  let failuresLeft = opts.failFirst?.count ?? 0

  app.all('*', async (c) => {
    const url = new URL(c.req.url)
    const authorization = c.req.header('authorization')
    const res = await handle(c.req.raw, url, authorization)
    registry.requests.push({ method: c.req.method, path: url.pathname + url.search, authorized: authorization !== undefined, status: res.status })
    return res
  })

  async function handle(req: Request, url: URL, authorization: string | undefined): Promise<Response> {
    const path = url.pathname
    if (path.startsWith('/_cdn/')) {
      if (authorization) registry.cdnAuthorizations.push(authorization)
      return serveBlob(path.slice('/_cdn/'.length), req.method)
    }
    if (path === '/token') return registry.authority.issue(authorization, url)
    const fail = registry.faults.failFirst
    if (fail && failuresLeft > 0) {
      failuresLeft--
      return Response.json({ errors: [{ code: 'UNAVAILABLE' }] }, { status: fail.status, headers: fail.retryAfter ? { 'retry-after': fail.retryAfter } : {} })
    }
    const route = routeOf(req.method, path)
    if (!route) return error(404, 'NOT_FOUND')
    const denied = registry.authority.check(authorization, route.scope)
    if (denied) return denied
    return route.run(req, url)
  }

  function routeOf(method: string, path: string): { scope: NeededScope | null; run: (req: Request, url: URL) => Promise<Response> | Response } | undefined {
    const pull = (name: string): NeededScope => ({ type: 'repository', name, action: method === 'GET' || method === 'HEAD' ? 'pull' : 'push' })
    if (path === '/v2/' || path === '/v2') return { scope: null, run: () => Response.json({}, { headers: { 'docker-distribution-api-version': 'registry/2.0' } }) }
    if (path === '/v2/_catalog') return { scope: { type: 'registry', name: 'catalog', action: '*' }, run: (_r, url) => page(url, 'repositories', [...store.repos.keys()].sort()) }
    let m = /^\/v2\/(.+)\/tags\/list$/.exec(path)
    if (m?.[1]) {
      const name = m[1]
      return { scope: pull(name), run: (_r, url) => (store.repos.has(name) ? page(url, 'tags', [...(store.repos.get(name)?.tags.keys() ?? [])].sort(), name) : error(404, 'NAME_UNKNOWN')) }
    }
    m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(path)
    if (m?.[1] && m[2]) {
      const [name, ref] = [m[1], m[2]]
      return { scope: pull(name), run: (req) => (method === 'PUT' ? putManifest(req, name, ref) : getManifest(name, ref, method)) }
    }
    m = /^\/v2\/(.+)\/blobs\/uploads\/([^/]*)$/.exec(path)
    if (m?.[1] !== undefined && m[2] !== undefined) {
      const [name, id] = [m[1], m[2]]
      return { scope: pull(name), run: (req, url) => upload(req, url, name, id) }
    }
    m = /^\/v2\/(.+)\/blobs\/([^/]+)$/.exec(path)
    if (m?.[1] && m[2]) {
      const digest = m[2]
      if (registry.faults.redirectBlobs && method === 'GET') return { scope: pull(m[1]), run: () => new Response(null, { status: 307, headers: { location: `${registry.cdnUrl}/_cdn/${digest}` } }) }
      return { scope: pull(m[1]), run: () => serveBlob(digest, method) }
    }
    return undefined
  }

  function page(url: URL, field: string, all: string[], name?: string): Response {
    const n = Math.min(Number(url.searchParams.get('n') ?? pageSize) || pageSize, pageSize)
    const last = url.searchParams.get('last')
    const start = last ? all.findIndex((x) => x > last) : 0
    const items = start < 0 ? [] : all.slice(start, start + n)
    const more = start >= 0 && start + n < all.length
    const headers: Record<string, string> = more ? { link: `<${url.pathname}?last=${encodeURIComponent(items.at(-1) ?? '')}&n=${n}>; rel="next"` } : {}
    return Response.json(name ? { name, [field]: items } : { [field]: items }, { headers })
  }

  function getManifest(name: string, ref: string, method: string): Response {
    const found = store.manifest(name, ref)
    if (!found) return error(404, 'MANIFEST_UNKNOWN')
    let { bytes } = found.manifest
    if (registry.faults.lyingManifests) {
      const doc = JSON.parse(bytes.toString('utf8')) as { config?: { size: number } }
      if (doc.config) doc.config.size += 1
      bytes = Buffer.from(JSON.stringify(doc))
    }
    const headers = { 'content-type': found.manifest.mediaType, 'docker-content-digest': ref.includes(':') ? ref : digestOf(bytes), 'content-length': String(bytes.length) }
    return new Response(method === 'HEAD' ? null : new Uint8Array(bytes), { headers })
  }

  async function putManifest(req: Request, name: string, ref: string): Promise<Response> {
    const bytes = Buffer.from(await req.arrayBuffer())
    const mediaType = req.headers.get('content-type') ?? ''
    const missing = store.missingReferences(name, bytes, mediaType)
    if (missing.length) return error(400, 'MANIFEST_BLOB_UNKNOWN')
    if (ref.includes(':') && digestOf(bytes) !== ref) return error(400, 'DIGEST_INVALID')
    const digest = store.putManifest(name, ref, bytes, mediaType)
    return new Response(null, { status: 201, headers: { 'docker-content-digest': digest, location: `/v2/${name}/manifests/${digest}` } })
  }

  const uploads = new Map<string, Buffer[]>()
  async function upload(req: Request, url: URL, name: string, id: string): Promise<Response> {
    if (req.method === 'POST' && !id) {
      const uuid = randomUUID()
      uploads.set(uuid, [])
      return new Response(null, { status: 202, headers: { location: `/v2/${name}/blobs/uploads/${uuid}`, 'docker-upload-uuid': uuid, range: '0-0' } })
    }
    const parts = uploads.get(id)
    if (!parts) return error(404, 'BLOB_UPLOAD_UNKNOWN')
    parts.push(Buffer.from(await req.arrayBuffer()))
    if (req.method === 'PATCH') return new Response(null, { status: 202, headers: { location: url.pathname } })
    const bytes = Buffer.concat(parts)
    const digest = url.searchParams.get('digest') ?? ''
    if (req.method !== 'PUT' || digestOf(bytes) !== digest) return error(400, 'DIGEST_INVALID')
    uploads.delete(id)
    store.blobs.set(digest, bytes)
    return new Response(null, { status: 201, headers: { 'docker-content-digest': digest, location: `/v2/${name}/blobs/${digest}` } })
  }

  function serveBlob(digest: string, method: string): Response {
    const blob = store.blobs.get(digest)
    if (!blob) return error(404, 'BLOB_UNKNOWN')
    let body = blob
    if (registry.faults.corruptBlobs && blob.length) {
      body = Buffer.from(blob)
      body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 0xff
    }
    const headers = { 'content-type': 'application/octet-stream', 'content-length': String(body.length), 'docker-content-digest': digest }
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), { headers })
  }

  for (let i = 0; i < 2; i++) {
    const base = { fetch: app.fetch, port: 0, hostname: '127.0.0.1', overrideGlobalObjects: false }
    const options = opts.tls ? { ...base, createServer: createHttpsServer, serverOptions: opts.tls } : base
    await new Promise<void>((resolve) => listeners.push(serve(options, () => resolve())))
  }
  registry.url = urlOf(0)
  registry.cdnUrl = urlOf(1)
  onTestFinished(() => registry.stop())
  return registry
}

function error(status: number, code: string): Response {
  return Response.json({ errors: [{ code, message: code.toLowerCase().replace(/_/g, ' ') }] }, { status })
}
