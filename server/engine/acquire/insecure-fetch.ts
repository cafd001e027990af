import https from 'node:https'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'

/** The part of `fetch` the registry client uses; tests inject their own. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

const NULL_BODY = new Set([101, 103, 204, 205, 304])

/**
 * A `fetch` for registries whose certificate the user chose not to verify (the
 * per-instance "insecure TLS" switch). Node's global fetch can only skip verification
 * through an undici dispatcher, which is not a dependency here, so this goes through
 * `https.request` with `rejectUnauthorized: false`. Redirects are not followed: the
 * registry client follows them itself. Plain-http URLs use the global fetch.
 *
 * @example
 * const res = await insecureFetch('https://10.0.0.5:5000/v2/', { method: 'GET' })
 */
export const insecureFetch: FetchLike = (url, init) => {
  const target = new URL(url)
  if (target.protocol !== 'https:') return fetch(url, init)
  return new Promise<Response>((resolve, reject) => {
    const headers: Record<string, string> = {}
    new Headers(init.headers).forEach((value, key) => (headers[key] = value))
    const req = https.request(target, { method: init.method ?? 'GET', headers, rejectUnauthorized: false, ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
      const out = new Headers()
      for (const [key, value] of Object.entries(res.headers)) {
        if (Array.isArray(value)) for (const v of value) out.append(key, v)
        else if (value !== undefined) out.set(key, value)
      }
      const status = res.statusCode ?? 502
      const body = NULL_BODY.has(status) ? null : (Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>)
      if (!body) res.resume()
      resolve(new Response(body, { status, statusText: res.statusMessage ?? '', headers: out }))
    })
    req.on('error', reject)
    const body = init.body
    if (body === undefined || body === null) req.end()
    else if (typeof body === 'string' || body instanceof Uint8Array) req.end(body)
    else if (body instanceof ReadableStream) Readable.fromWeb(body as NodeReadableStream<Uint8Array>).pipe(req)
    else req.destroy(new TypeError('insecureFetch: unsupported body type'))
  })
}
