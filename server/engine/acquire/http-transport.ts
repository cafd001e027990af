import { setTimeout as sleep } from 'node:timers/promises'
import { AcquireError, isAbortError } from './errors'
import type { FetchLike } from './insecure-fetch'

export interface RetryOptions {
  /** Extra attempts after the first (default 3). */
  retries?: number
  /** First backoff step; doubles each attempt, with jitter (default 250 ms). */
  baseDelayMs?: number
  /** Longest wait, Retry-After included; a longer Retry-After ends the retries (default 30 s). */
  maxDelayMs?: number
}

export interface TransportOptions {
  fetch: FetchLike
  retry?: RetryOptions
  userAgent: string
  /** Time allowed until response headers arrive (default 30 s); bodies are not timed. */
  timeoutMs?: number
  /** Whether redirects may go to plain http (only when the registry itself is http or TLS is off). */
  allowHttp: boolean
}

export interface SendInit {
  method?: string
  headers?: Record<string, string>
  /** A factory, so a retried or redirected request can send the body again. */
  body?: () => Promise<BodyInit> | BodyInit
  signal?: AbortSignal | undefined
  /** Authorization is sent only to this origin, never to a redirect target elsewhere. */
  authorization?: { origin: string; value: string } | undefined
  followRedirects?: boolean
  /** Vets each redirect target before it is requested (throws to refuse). */
  checkRedirect?: (next: URL) => unknown
  /** Names the target in messages (host, repository). */
  what: string
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504])
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 10
const TLS_CODES = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|EPROTO$)/

/**
 * Sends one HTTP request the way a registry client must: retries with exponential
 * backoff and jitter on network errors, 429 and 5xx (honouring Retry-After), follows
 * redirects by hand so Authorization never leaves the registry's origin, and turns
 * network failures into AcquireErrors. Returns the final response whatever its status.
 *
 * @example
 * const res = await send(transport, new URL('https://r.example.com/v2/'), { what: 'r.example.com' })
 */
export async function send(t: TransportOptions, url: URL, init: SendInit): Promise<Response> {
  let target = url
  let method = init.method ?? 'GET'
  let body = init.body
  for (let hop = 0; ; hop++) {
    const res = await sendWithRetry(t, target, { ...init, method, body })
    const location = res.headers.get('location')
    if (!init.followRedirects || !REDIRECT_STATUS.has(res.status) || !location) return res
    await res.body?.cancel()
    if (hop >= MAX_REDIRECTS) throw new AcquireError('BAD_RESPONSE', `${init.what}: more than ${MAX_REDIRECTS} redirects.`)
    const next = new URL(location, target)
    if (next.protocol !== 'https:' && !(next.protocol === 'http:' && t.allowHttp)) {
      throw new AcquireError('BAD_RESPONSE', `${init.what}: refusing a redirect to a ${next.protocol} URL on ${next.host}.`)
    }
    init.checkRedirect?.(next)
    if (res.status === 303) {
      method = method === 'HEAD' ? 'HEAD' : 'GET'
      body = undefined
    }
    target = next
  }
}

async function sendWithRetry(t: TransportOptions, url: URL, init: SendInit & { method: string }): Promise<Response> {
  const retries = t.retry?.retries ?? 3
  const base = t.retry?.baseDelayMs ?? 250
  const maxDelay = t.retry?.maxDelayMs ?? 30_000
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= retries
    let res: Response
    try {
      res = await sendOnce(t, url, init)
    } catch (err) {
      if (last || !(err instanceof AcquireError) || !err.retryable) throw err
      await sleep(backoff(base, attempt, maxDelay), undefined, init.signal ? { signal: init.signal } : {})
      continue
    }
    if (last || !RETRY_STATUS.has(res.status)) return res
    const delay = retryAfterMs(res.headers.get('retry-after')) ?? backoff(base, attempt, maxDelay)
    // A server asking for a long pause gets its answer now rather than a stalled scan.
    if (delay > maxDelay) return res
    await res.body?.cancel()
    await sleep(delay, undefined, init.signal ? { signal: init.signal } : {})
  }
}

async function sendOnce(t: TransportOptions, url: URL, init: SendInit & { method: string }): Promise<Response> {
  const headers: Record<string, string> = { 'user-agent': t.userAgent, ...init.headers }
  if (init.authorization && url.origin === init.authorization.origin) headers.authorization = init.authorization.value
  const timeout = new AbortController()
  const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal
  const timer = setTimeout(() => timeout.abort(), t.timeoutMs ?? 30_000)
  try {
    const body = init.body ? await init.body() : undefined
    const requestInit: RequestInit & { duplex?: 'half' } = { method: init.method, headers, redirect: 'manual', signal }
    if (body !== undefined) {
      requestInit.body = body
      if (body instanceof ReadableStream) requestInit.duplex = 'half'
    }
    return await t.fetch(url.toString(), requestInit)
  } catch (err) {
    if (init.signal?.aborted) throw init.signal.reason ?? err
    if (timeout.signal.aborted) {
      throw new AcquireError('UNREACHABLE', `${init.what}: no response from ${url.host} within ${Math.round((t.timeoutMs ?? 30_000) / 1000)} s.`, { retryable: true })
    }
    throw networkError(err, url, init.what)
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Maps what fetch throws onto UNREACHABLE (worth retrying) or TLS (not).
 *
 * @example
 * throw networkError(err, url, 'registry.example.com')
 */
export function networkError(err: unknown, url: URL, what: string): unknown {
  if (err instanceof AcquireError || isAbortError(err)) return err
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause
  const rawCode = cause?.code ?? (err as { code?: unknown }).code
  const code = typeof rawCode === 'string' ? rawCode : ''
  if (TLS_CODES.test(code)) {
    return new AcquireError('TLS', `${what}: TLS with ${url.host} failed (${code}); check the certificate, or allow insecure TLS for this registry.`, { cause: err })
  }
  const detail = code || (err instanceof Error ? err.message : 'network error')
  return new AcquireError('UNREACHABLE', `${what}: cannot reach ${url.host} (${detail}).`, { retryable: true, cause: err })
}

/** Full jitter between half and all of the exponential step. */
function backoff(base: number, attempt: number, cap: number): number {
  const step = Math.min(cap, base * 2 ** attempt)
  return Math.round(step / 2 + Math.random() * (step / 2))
}

/**
 * Retry-After in milliseconds: delta-seconds or an HTTP date; null when absent or bad.
 *
 * @example retryAfterMs('2') // 2000
 */
export function retryAfterMs(value: string | null): number | null {
  if (!value) return null
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now())
}
