import { execFileSync } from 'node:child_process'
import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDirectorySource } from './directory-source'
import { AcquireError } from './errors'
import type { ImageSource } from './image-source'
import type { FetchLike } from './insecure-fetch'
import { decompressLayer } from './layer-stream'
import { MediaType } from './media-types'
import { openRegistrySource, type RegistrySourceOptions } from './registry-source'
import { type DemoFixture, drain, tarPaths, writeDemoImages } from './testing/demo-fixture'
import { startTestRegistry, type TestRegistryOptions } from './testing/test-registry'

const user = { username: 'alice', password: 's3cret-pass' }
const fast = { retries: 3, baseDelayMs: 5 }
let demo: DemoFixture
let local: ImageSource

beforeAll(async () => {
  demo = await writeDemoImages()
  local = await openDirectorySource(demo.dir)
})
afterAll(async () => {
  await local?.close()
  await demo?.remove()
})

async function setup(registry: Omit<TestRegistryOptions, 'from'> = {}, client: Omit<RegistrySourceOptions, 'url'> = {}) {
  const server = await startTestRegistry({ from: local, ...registry })
  const source = await openRegistrySource({ url: server.url, retry: fast, ...client })
  return { server, source }
}

async function rejection(promise: Promise<unknown>): Promise<AcquireError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AcquireError)
  return err as AcquireError
}

describe('registry source: authentication', () => {
  it('runs the Bearer token flow and caches a token per scope', async () => {
    const { server, source } = await setup({ auth: { mode: 'bearer', ...user } }, user)
    await source.ping()
    expect(await source.listRepositories()).toEqual(['demo/alpine-base', 'demo/dotnet-api', 'demo/legacy-api', 'demo/shop-app', 'demo/ubuntu-web'])
    const image = await source.resolve('demo/shop-app', '1.0.0')
    expect(image.digest).toBe(demo.images.find((i) => i.repository === 'demo/shop-app')?.digest)
    const layer = image.layers.at(-1)
    if (!layer) throw new Error('no layers')
    expect(await tarPaths(decompressLayer(await source.openBlob('demo/shop-app', layer), layer.mediaType))).not.toHaveLength(0)
    const tokensSoFar = server.authority.tokenRequests.length
    await source.resolve('demo/shop-app', 'latest')
    await source.listTags('demo/shop-app')
    expect(server.authority.tokenRequests.length).toBe(tokensSoFar)
    expect(server.authority.tokenRequests.map((t) => t.scopes.join(' '))).toEqual(['', 'registry:catalog:*', 'repository:demo/shop-app:pull'])
    expect(server.authority.tokenRequests.every((t) => t.authenticated)).toBe(true)
  })

  it('pulls anonymously when the token service allows it, and reads access_token', async () => {
    const { source } = await setup({ auth: { mode: 'bearer', ...user, anonymousPull: true, tokenField: 'access_token' } })
    expect((await source.resolve('demo/legacy-api', '2.3.1')).layers).toHaveLength(4)
    expect((await rejection(source.listRepositories())).code).toBe('UNAUTHORIZED')
  })

  it('sends Basic credentials, up front after the first challenge', async () => {
    const { server, source } = await setup({ auth: { mode: 'basic', ...user } }, user)
    await source.ping()
    await source.resolve('demo/alpine-base', '3.18')
    expect(await source.listTags('demo/alpine-base')).toEqual(['3.18'])
    expect(server.requests.filter((r) => r.status === 401)).toHaveLength(1)
  })

  it.each(['basic', 'bearer'] as const)('refuses a wrong password (%s) with UNAUTHORIZED, never echoing it', async (mode) => {
    const { source } = await setup({ auth: { mode, ...user } }, { username: user.username, password: 'wrong-horse' })
    const err = await rejection(source.ping())
    expect(err.code).toBe('UNAUTHORIZED')
    expect(err.message).toContain('127.0.0.1')
    expect(err.message).not.toContain('wrong-horse')
    expect((await rejection(source.resolve('demo/shop-app', '1.0.0'))).code).toBe('UNAUTHORIZED')
  })

  it('refuses a token realm on a private address other than the registry', async () => {
    const asked: string[] = []
    const fake: FetchLike = (url) => {
      asked.push(url)
      return Promise.resolve(new Response(null, { status: 401, headers: { 'www-authenticate': 'Bearer realm="http://169.254.169.254/token",service="x"' } }))
    }
    const source = await openRegistrySource({ url: 'http://registry.test', ...user, fetch: fake })
    const err = await rejection(source.ping())
    expect(err.code).toBe('BAD_RESPONSE')
    expect(err.message).toContain('private or loopback')
    expect(asked).toEqual(['http://registry.test/v2/'])
  })

  it('reports anonymous access to a Basic registry as UNAUTHORIZED', async () => {
    const { source } = await setup({ auth: { mode: 'basic', ...user } })
    expect((await rejection(source.ping())).code).toBe('UNAUTHORIZED')
  })
})

describe('registry source: network and faults', () => {
  it('reports a closed port as UNREACHABLE', async () => {
    const srv = net.createServer()
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
    const { port } = srv.address() as net.AddressInfo
    await new Promise((r) => srv.close(r))
    const source = await openRegistrySource({ url: `http://127.0.0.1:${port}`, retry: { retries: 1, baseDelayMs: 5 } })
    const err = await rejection(source.ping())
    expect(err).toMatchObject({ code: 'UNREACHABLE', retryable: true })
    expect(err.message).toContain(`127.0.0.1:${port}`)
  })

  it('retries 503s with backoff and recovers', async () => {
    const { server, source } = await setup({ failFirst: { count: 3, status: 503 } })
    expect((await source.resolve('demo/legacy-api', '2.3.1')).platform).toEqual({ os: 'linux', architecture: 'amd64' })
    expect(server.requests.slice(0, 3).map((r) => r.status)).toEqual([503, 503, 503])
  })

  it('waits as long as Retry-After asks, and gives up at once when it asks too much', async () => {
    const { source } = await setup({ failFirst: { count: 1, status: 429, retryAfter: '1' } })
    const started = Date.now()
    await source.listTags('demo/shop-app')
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    const patient = await setup({ failFirst: { count: 1, status: 429, retryAfter: '3600' } })
    const err = await rejection(patient.source.listTags('demo/shop-app'))
    expect(err).toMatchObject({ code: 'RATE_LIMITED', retryable: true })
  })

  it('gives up after the configured retries', async () => {
    const { server, source } = await setup({ failFirst: { count: 10, status: 503 } }, { retry: { retries: 2, baseDelayMs: 5 } })
    expect((await rejection(source.listTags('demo/shop-app'))).code).toBe('UNREACHABLE')
    expect(server.requests).toHaveLength(3)
  })

  it('detects a corrupted blob while streaming it', async () => {
    const { server, source } = await setup()
    const image = await source.resolve('demo/shop-app', '1.0.0')
    server.faults.corruptBlobs = true
    const layer = image.layers[0]
    if (!layer) throw new Error('no layers')
    const err = await rejection(drain(await source.openBlob('demo/shop-app', layer)))
    expect(err.code).toBe('DIGEST_MISMATCH')
    expect(err.message).toContain(layer.digest)
  })

  it('detects a manifest whose declared sizes lie', async () => {
    const { source } = await setup({ lyingManifests: true })
    expect((await rejection(source.resolve('demo/shop-app', '1.0.0'))).code).toBe('SIZE_MISMATCH')
  })

  it('checks manifests against Docker-Content-Digest', async () => {
    const tamper: FetchLike = async (url, init) => {
      const res = await fetch(url, init)
      if (!url.includes('/manifests/')) return res
      const headers = new Headers(res.headers)
      headers.set('docker-content-digest', `sha256:${'a'.repeat(64)}`)
      return new Response(res.body, { status: res.status, headers })
    }
    const { source } = await setup({}, { fetch: tamper })
    expect((await rejection(source.resolve('demo/shop-app', '1.0.0'))).code).toBe('DIGEST_MISMATCH')
  })

  it('follows blob redirects without taking the Authorization header along', async () => {
    const { server, source } = await setup({ auth: { mode: 'bearer', ...user }, redirectBlobs: true }, user)
    const image = await source.resolve('demo/ubuntu-web', '22.04')
    for (const layer of image.layers) expect((await drain(await source.openBlob('demo/ubuntu-web', layer))).length).toBe(layer.size)
    expect(server.requests.some((r) => r.status === 307)).toBe(true)
    expect(server.cdnAuthorizations).toEqual([])
  })
})

describe('registry source: content', () => {
  it('selects a platform of the demo multi-platform index', async () => {
    const { source } = await setup()
    const summary = demo.images.find((i) => i.repository === 'demo/ubuntu-web' && i.tag === '22.04')
    const amd64 = await source.resolve('demo/ubuntu-web', '22.04')
    expect(amd64).toMatchObject({ digest: summary?.digest, mediaType: MediaType.ociIndex, platform: { os: 'linux', architecture: 'amd64' } })
    expect(amd64.platforms.map((p) => `${p.os}/${p.architecture}`)).toEqual(['linux/amd64', 'linux/arm64'])
    expect(amd64.manifestDigest).not.toBe(amd64.digest)
    const arm = await source.resolve('demo/ubuntu-web', '22.04', { platform: 'linux/arm64/v8' })
    expect(arm.config.architecture).toBe('arm64')
    expect(arm.manifestDigest).not.toBe(amd64.manifestDigest)
    expect((await source.resolve('demo/ubuntu-web', amd64.digest, { platform: { os: 'linux', architecture: 'arm64' } })).manifestDigest).toBe(arm.manifestDigest)
    const missing = await rejection(source.resolve('demo/ubuntu-web', '22.04', { platform: 'linux/s390x' }))
    expect(missing.code).toBe('NOT_FOUND')
    expect(missing.message).toContain('linux/amd64, linux/arm64')
  })

  it('pages the catalog and tag lists through Link headers', async () => {
    const { server, source } = await setup({ pageSize: 1 })
    expect(await source.listRepositories()).toEqual(['demo/alpine-base', 'demo/dotnet-api', 'demo/legacy-api', 'demo/shop-app', 'demo/ubuntu-web'])
    expect(await source.listTags('demo/shop-app')).toEqual(['1.0.0', 'latest'])
    expect(server.requests.filter((r) => r.path.startsWith('/v2/_catalog'))).toHaveLength(5)
    expect(server.requests.some((r) => r.path.includes('last=demo%2Falpine-base'))).toBe(true)
    expect((await rejection(source.listTags('demo/nothing-here'))).code).toBe('NOT_FOUND')
  })

  it('refuses schema 1 manifests and artifacts that are not images', async () => {
    const { server, source } = await setup()
    server.store.putManifest('demo/old', 'v1', Buffer.from(JSON.stringify({ schemaVersion: 1, name: 'demo/old', tag: 'v1', fsLayers: [] })), MediaType.dockerSchema1Signed)
    expect((await rejection(source.resolve('demo/old', 'v1'))).code).toBe('UNSUPPORTED_MEDIA_TYPE')
    const chart = { schemaVersion: 2, mediaType: MediaType.ociManifest, config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: `sha256:${'b'.repeat(64)}`, size: 2 }, layers: [] }
    server.store.putManifest('demo/chart', '1.0', Buffer.from(JSON.stringify(chart)), MediaType.ociManifest)
    const err = await rejection(source.resolve('demo/chart', '1.0'))
    expect(err.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    expect(err.message).toContain('helm')
  })

  it('passes cancellation through as an abort, not a registry error', async () => {
    const { source } = await setup()
    const image = await source.resolve('demo/shop-app', '1.0.0')
    const layer = image.layers[0]
    if (!layer) throw new Error('no layers')
    await expect(source.resolve('demo/shop-app', '1.0.0', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' })
    const controller = new AbortController()
    const stream = await source.openBlob('demo/shop-app', layer, { signal: controller.signal })
    controller.abort()
    await expect(drain(stream)).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('validates names before asking the registry', async () => {
    const { server, source } = await setup()
    expect((await rejection(source.resolve('Demo/Shop', 'latest'))).code).toBe('INVALID_REFERENCE')
    expect((await rejection(source.resolve('demo/shop-app', '../../etc'))).code).toBe('INVALID_REFERENCE')
    expect(server.requests).toHaveLength(0)
  })
})

describe('registry source: TLS', () => {
  const hasOpenssl = (() => {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()

  it.skipIf(!hasOpenssl)('refuses a self-signed certificate unless TLS checks are turned off', async () => {
    const key = path.join(demo.scratch, 'key.pem')
    const cert = path.join(demo.scratch, 'cert.pem')
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' })
    const tls = { key: await fs.readFile(key, 'utf8'), cert: await fs.readFile(cert, 'utf8') }
    const { server, source } = await setup({ tls, auth: { mode: 'bearer', ...user } }, user)
    expect(server.url).toMatch(/^https:/)
    expect((await rejection(source.ping())).code).toBe('TLS')
    const insecure = await openRegistrySource({ url: server.url, ...user, insecureTls: true, retry: fast })
    await insecure.ping()
    const image = await insecure.resolve('demo/alpine-base', '3.18')
    expect((await drain(await insecure.openBlob('demo/alpine-base', image.configDescriptor))).length).toBe(image.configDescriptor.size)
  })
})
