import http from 'node:http'
import type https from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'
import type { ConnectionCheckStatus, TestInstanceConnectionResult } from '@contract/instances'
import type { RegistryTarget } from './connection-diagnostics'

/*
 * Real servers on 127.0.0.1 for the connection-diagnostics tests, closed after each test:
 * a minimal distribution API behind Basic auth, and whatever else a test serves.
 */

const servers: (http.Server | https.Server)[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

export async function listen(server: http.Server | https.Server): Promise<number> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

export async function serve(handler: Handler): Promise<string> {
  return `http://127.0.0.1:${await listen(http.createServer(handler))}`
}

export async function closedPort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

const basicOk = (req: http.IncomingMessage) =>
  req.headers.authorization === `Basic ${Buffer.from('ci:right').toString('base64')}`

/** A minimal distribution API: `/v2/` and the catalog behind Basic auth (or open), with overrides per path. */
export function registry(
  opts: {
    auth?: boolean
    catalog?: (res: http.ServerResponse) => void
    v2Authorized?: (res: http.ServerResponse) => void
  } = {},
): Handler {
  return (req, res) => {
    res.setHeader('docker-distribution-api-version', 'registry/2.0')
    if (opts.auth && !basicOk(req)) {
      res.writeHead(401, {
        'www-authenticate': 'Basic realm="Layerscope test"',
        'content-type': 'application/json',
      })
      res.end('{"errors":[{"code":"UNAUTHORIZED"}]}')
      return
    }
    if (req.url === '/v2/' && opts.v2Authorized) return opts.v2Authorized(res)
    if (req.url?.startsWith('/v2/_catalog')) {
      if (opts.catalog) return opts.catalog(res)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ repositories: ['demo/app', 'demo/base'] }))
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{}')
  }
}

export const target = (endpoint: string, extra: Partial<RegistryTarget> = {}): RegistryTarget => ({
  endpoint,
  username: null,
  password: null,
  insecureTls: false,
  ...extra,
})

export function statuses(result: TestInstanceConnectionResult): Record<string, ConnectionCheckStatus> {
  return Object.fromEntries(result.checks.map((c) => [c.step, c.status]))
}

export function failed(result: TestInstanceConnectionResult) {
  if (result.ok) throw new Error(`expected a failure, got: ${result.message}`)
  return result
}
