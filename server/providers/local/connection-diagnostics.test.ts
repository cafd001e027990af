import { describe, expect, it } from 'vitest'
import { diagnoseRegistry } from './connection-diagnostics'
import { closedPort, failed, registry, serve, statuses, target } from './connection-diagnostics.testing'

/*
 * Every failure here is real: servers on 127.0.0.1 that refuse, answer like a web site,
 * ask for credentials or throttle, a closed port, and a `.invalid` host (RFC 2606: never
 * resolves). TLS failures are in connection-diagnostics-tls.test.ts.
 */

describe('diagnoseRegistry: a working registry', () => {
  it('passes every step and counts the catalog', async () => {
    const url = await serve(registry({ auth: true }))
    const result = await diagnoseRegistry(target(url, { username: 'ci', password: 'right' }))
    expect(result).toMatchObject({
      ok: true,
      repositoryCount: 2,
      message: 'Registry answered; 2 repositories found.',
    })
    expect(statuses(result)).toEqual({
      resolve: 'SKIPPED',
      connect: 'PASSED',
      tls: 'SKIPPED',
      api: 'PASSED',
      credentials: 'PASSED',
      catalog: 'PASSED',
    })
    expect(result.checks.find((c) => c.step === 'api')?.detail).toContain('Basic realm Layerscope test')
  })

  it('resolves a host name before connecting', async () => {
    const url = (await serve(registry())).replace('127.0.0.1', 'localhost')
    const result = await diagnoseRegistry(target(url))
    expect(result.ok).toBe(true)
    expect(result.checks[0]).toMatchObject({
      step: 'resolve',
      status: 'PASSED',
      detail: expect.stringMatching(/^localhost resolves to /) as unknown,
    })
  })
})

describe('diagnoseRegistry: each failure names its step', () => {
  // A machine without a reachable DNS server answers EAI_AGAIN after its resolver's timeout: still a DNS failure.
  it('dns: an unresolvable .invalid host', { timeout: 20_000 }, async () => {
    const result = failed(
      await diagnoseRegistry(target('https://registry.layerscope.invalid'), { timeoutMs: 15_000 }),
    )
    expect(result).toMatchObject({ stage: 'dns', code: 'REGISTRY_UNREACHABLE', field: 'url' })
    expect(result.message).toMatch(/^cannot resolve registry\.layerscope\.invalid/)
    expect(statuses(result)).toEqual({
      resolve: 'FAILED',
      connect: 'NOT_RUN',
      tls: 'NOT_RUN',
      api: 'NOT_RUN',
      credentials: 'NOT_RUN',
      catalog: 'NOT_RUN',
    })
    expect(result.hint).toMatch(/host name|DNS/)
  })

  it('connect: a refused port', async () => {
    const port = await closedPort()
    const result = failed(await diagnoseRegistry(target(`http://127.0.0.1:${port}`)))
    expect(result).toMatchObject({
      stage: 'connect',
      code: 'REGISTRY_UNREACHABLE',
      message: `cannot reach 127.0.0.1:${port}: connection refused (ECONNREFUSED).`,
    })
    expect(result.hint).toContain(`Nothing listens on 127.0.0.1:${port}`)
    expect(statuses(result)).toMatchObject({ resolve: 'SKIPPED', connect: 'FAILED', api: 'NOT_RUN' })
  })

  it('registry: a web server without /v2/', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end('<h1>Not found</h1>')
    })
    const result = failed(await diagnoseRegistry(target(url)))
    expect(result).toMatchObject({
      stage: 'registry',
      code: 'REGISTRY_ERROR',
      message: expect.stringContaining(
        'is not an OCI registry: GET /v2/ answered HTTP 404 with a web page',
      ) as unknown,
    })
    expect(statuses(result)).toMatchObject({ connect: 'PASSED', api: 'FAILED', credentials: 'NOT_RUN' })
  })

  it('registry: a web page answering 200 at /v2/', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end('<html>portal</html>')
    })
    expect(failed(await diagnoseRegistry(target(url))).stage).toBe('registry')
  })

  it('auth: no credentials for a registry that wants them, with the realm it names', async () => {
    const url = await serve(registry({ auth: true }))
    const result = failed(await diagnoseRegistry(target(url)))
    expect(result).toMatchObject({ stage: 'auth', code: 'REGISTRY_AUTH_FAILED', field: 'username' })
    expect(result.message).toContain('requires credentials (Basic realm Layerscope test)')
    expect(statuses(result)).toMatchObject({ api: 'PASSED', credentials: 'FAILED', catalog: 'NOT_RUN' })
  })

  it('auth: a wrong password, never echoed', async () => {
    const url = await serve(registry({ auth: true }))
    const result = failed(await diagnoseRegistry(target(url, { username: 'ci', password: 'wrong-secret' })))
    expect(result).toMatchObject({ stage: 'auth', code: 'REGISTRY_AUTH_FAILED', field: 'password' })
    expect(result.message).toMatch(/authentication failed \(HTTP 401\) \(Basic realm Layerscope test\)/)
    expect(JSON.stringify(result)).not.toContain('wrong-secret')
  })

  it('auth: the token service refuses, named with its realm and service', async () => {
    let realm = ''
    const url = await serve((req, res) => {
      if (req.url?.startsWith('/token')) {
        res.writeHead(401, { 'content-type': 'application/json' })
        res.end('{"details":"bad credentials"}')
        return
      }
      res.writeHead(401, {
        'www-authenticate': `Bearer realm="${realm}",service="test-registry"`,
        'docker-distribution-api-version': 'registry/2.0',
      })
      res.end()
    })
    realm = `${url}/token`
    const result = failed(await diagnoseRegistry(target(url, { username: 'ci', password: 'wrong' })))
    expect(result).toMatchObject({ stage: 'auth', code: 'REGISTRY_AUTH_FAILED' })
    expect(result.message).toContain(
      `the token service refused the username or password (Bearer realm ${realm}, service test-registry)`,
    )
  })

  it('permission: signed in, but /v2/ is forbidden to the account', async () => {
    const url = await serve(
      registry({
        auth: true,
        v2Authorized: (res) => {
          res.writeHead(403, { 'content-type': 'application/json' })
          res.end('{"errors":[{"code":"DENIED"}]}')
        },
      }),
    )
    const result = failed(await diagnoseRegistry(target(url, { username: 'ci', password: 'right' })))
    expect(result).toMatchObject({ stage: 'permission', code: 'REGISTRY_AUTH_FAILED' })
    expect(statuses(result)).toMatchObject({ credentials: 'FAILED', catalog: 'NOT_RUN' })
  })

  it('permission: the catalog is denied, so nothing could be indexed', async () => {
    const url = await serve(
      registry({
        auth: true,
        catalog: (res) => {
          res.writeHead(403, { 'content-type': 'application/json' })
          res.end('{"errors":[{"code":"DENIED"}]}')
        },
      }),
    )
    const result = failed(await diagnoseRegistry(target(url, { username: 'ci', password: 'right' })))
    expect(result).toMatchObject({
      stage: 'permission',
      message: expect.stringContaining('may not list the catalog (HTTP 403, DENIED)') as unknown,
    })
    expect(result.hint).toContain('registry:catalog:*')
    expect(statuses(result)).toMatchObject({ credentials: 'PASSED', catalog: 'FAILED' })
  })

  it('throttled: a 429 with Retry-After, answered at once', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(429, { 'retry-after': '120' })
      res.end()
    })
    const started = Date.now()
    const result = failed(await diagnoseRegistry(target(url)))
    expect(result).toMatchObject({
      stage: 'throttled',
      code: 'REGISTRY_ERROR',
      message: expect.stringContaining('HTTP 429, retry after 120 s') as unknown,
    })
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

describe('diagnoseRegistry: cancellation', () => {
  it('throws the abort instead of reporting a failed step', async () => {
    const url = await serve(registry())
    const controller = new AbortController()
    controller.abort(new DOMException('cancelled', 'AbortError'))
    await expect(diagnoseRegistry(target(url), { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    })
  })
})
