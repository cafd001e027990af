import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { LIST_IMAGE, STORAGE_IMAGE } from './storage-image-fixture'

export interface FakeCentralFaults {
  /** The next N requests answer 429. */
  throttle: number
  /** The next N requests answer 503. */
  unavailable: number
  delayMs: number
}

export interface FakeCentral {
  url: string
  faults: FakeCentralFaults
  /** `METHOD path` of requests with a valid token, and the scan requests' bodies. */
  calls: string[]
  scanRequests: unknown[]
  close(): Promise<void>
}

/**
 * A stand-in for StackRox Central on 127.0.0.1: bearer-token checked, answering
 * GET /v1/images, GET /v1/images/{id} and POST /v1/images/scan with the fixture, and
 * grpc-gateway error bodies ({ error, code, message, details }) for failures.
 */
export async function startFakeCentral(token: string): Promise<FakeCentral> {
  const faults: FakeCentralFaults = { throttle: 0, unavailable: 0, delayMs: 0 }
  const calls: string[] = []
  const scanRequests: unknown[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const send = (status: number, body: unknown) => setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)), faults.delayMs)
      const fail = (status: number, code: number, message: string) => send(status, { error: message, code, message, details: [] })
      if (req.headers.authorization !== `Bearer ${token}`) return fail(401, 16, 'credentials not found: token validation failed')
      if (faults.throttle > 0) {
        faults.throttle--
        return fail(429, 8, 'too many requests')
      }
      if (faults.unavailable > 0) {
        faults.unavailable--
        return fail(503, 14, 'service unavailable')
      }
      const url = new URL(req.url ?? '/', 'http://x')
      calls.push(`${req.method} ${url.pathname}`)
      if (req.method === 'GET' && url.pathname === '/v1/images') {
        const offset = Number(url.searchParams.get('pagination.offset') ?? 0)
        return send(200, { images: offset === 0 ? [LIST_IMAGE] : [] })
      }
      if (req.method === 'GET' && url.pathname.startsWith('/v1/images/')) {
        return decodeURIComponent(url.pathname.slice('/v1/images/'.length)) === STORAGE_IMAGE.id ? send(200, STORAGE_IMAGE) : fail(404, 5, 'image not found')
      }
      if (req.method === 'POST' && url.pathname === '/v1/images/scan') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { imageName?: string }
        scanRequests.push(body)
        if (!body.imageName) return fail(400, 3, 'image name is required')
        return send(200, STORAGE_IMAGE)
      }
      return fail(404, 5, 'Not Found')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    calls,
    scanRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
