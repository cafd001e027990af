import type { z } from 'zod'
import { insecureFetch } from '../../engine/acquire/insecure-fetch'
import { parseRetryAfter, UpstreamError } from '../upstream-error'
import { runtimeError } from './storage-image'

export interface StackroxClientOptions {
  /** Central's URL, e.g. https://central.example.com (no trailing slash needed). */
  endpoint: string
  apiToken: string
  insecureTls: boolean
  requestTimeoutMs?: number
  retryBudgetMs?: number
  retryBaseMs?: number
}

export const DEFAULT_STACKROX_CLIENT_TIMING = { requestTimeoutMs: 30_000, retryBudgetMs: 30_000, retryBaseMs: 500 }

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN'])
const TLS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|EPROTO/
const CONNECT = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET'])

/**
 * StackRox Central's REST API with an API token as bearer token. Answers are parsed with
 * the given schema; 429, 5xx, timeouts and dropped connections are retried with
 * exponential backoff inside a bounded total time; failures become UpstreamErrors that
 * name the HTTP status and Central's message, never the token.
 */
export class StackroxClient {
  private readonly timing: typeof DEFAULT_STACKROX_CLIENT_TIMING
  private readonly base: string

  constructor(private readonly opts: StackroxClientOptions) {
    this.base = opts.endpoint.replace(/\/+$/, '')
    this.timing = {
      requestTimeoutMs: opts.requestTimeoutMs ?? DEFAULT_STACKROX_CLIENT_TIMING.requestTimeoutMs,
      retryBudgetMs: opts.retryBudgetMs ?? DEFAULT_STACKROX_CLIENT_TIMING.retryBudgetMs,
      retryBaseMs: opts.retryBaseMs ?? DEFAULT_STACKROX_CLIENT_TIMING.retryBaseMs,
    }
  }

  /**
   * @example
   * const image = await client.call('POST', '/v1/images/scan', storageImage, { what: 'scanning nginx:1.25', body: { imageName: 'nginx:1.25', force: true } })
   */
  async call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, opts: { what: string; body?: unknown; signal?: AbortSignal | undefined }): Promise<z.infer<S>> {
    const started = Date.now()
    for (let attempt = 1; ; attempt++) {
      opts.signal?.throwIfAborted()
      const outcome = await this.once(method, path, opts.body, opts.signal)
      if ('json' in outcome) {
        const parsed = schema.safeParse(outcome.json)
        if (parsed.success) return parsed.data
        const issue = parsed.error.issues[0]
        throw new UpstreamError('REGISTRY_ERROR', 'registry', `Central answered ${method} ${path} in an unexpected shape (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}).`, 'Check that the URL is a StackRox Central.', 'url')
      }
      // Central's Retry-After, when it gives one, is a floor: retrying sooner is refused again.
      const pause = Math.max(outcome.retryAfterMs ?? 0, Math.round(this.timing.retryBaseMs * 2 ** (attempt - 1) * (0.8 + 0.4 * Math.random())))
      if (!outcome.retryable || Date.now() - started + pause > this.timing.retryBudgetMs) throw outcome.error(attempt > 1 ? ` after ${attempt} attempts` : '', opts.what)
      await new Promise((resolve) => setTimeout(resolve, pause))
    }
  }

  private async once(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<{ json: unknown } | { retryable: boolean; retryAfterMs?: number | null; error: (tried: string, what: string) => UpstreamError }> {
    const host = new URL(this.base).host
    const timeout = AbortSignal.timeout(this.timing.requestTimeoutMs)
    const init: RequestInit = {
      method,
      headers: { authorization: `Bearer ${this.opts.apiToken}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    }
    let res: Response
    try {
      res = await (this.opts.insecureTls ? insecureFetch : fetch)(`${this.base}${path}`, init)
    } catch (err) {
      if (signal?.aborted) throw err
      const code = systemCode(err)
      if (timeout.aborted) return { retryable: true, error: (tried, what) => new UpstreamError('REGISTRY_UNREACHABLE', 'connect', `${host} did not answer in time while ${what}${tried}.`, null, 'url') }
      if (DNS.has(code)) return { retryable: false, error: () => new UpstreamError('REGISTRY_UNREACHABLE', 'dns', `DNS: ${host} cannot be resolved (${code}).`, 'Check the URL.', 'url') }
      if (TLS.test(code)) return { retryable: false, error: () => new UpstreamError('REGISTRY_UNREACHABLE', 'tls', `TLS: the certificate of ${host} was not accepted (${code}).`, 'Fix the certificate, or allow insecure TLS for this instance.', 'insecureTls') }
      const retryable = code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET'
      return { retryable, error: (tried, what) => new UpstreamError('REGISTRY_UNREACHABLE', 'connect', `${host} cannot be reached while ${what}${tried} (${CONNECT.has(code) ? code : code || 'connection failed'}).`, null, 'url') }
    }
    const text = await res.text()
    let json: unknown
    try {
      json = text ? JSON.parse(text) : {}
    } catch {
      json = undefined
    }
    if (res.ok) {
      if (json === undefined) return { retryable: false, error: () => new UpstreamError('REGISTRY_ERROR', 'registry', `${host} answered ${method} ${path} with something that is not JSON.`, 'Check that the URL is a StackRox Central.', 'url') }
      return { json }
    }
    const said = runtimeError.safeParse(json)
    const message = said.success && (said.data.message || said.data.error) ? `: ${said.data.message || said.data.error}` : ''
    const status = res.status
    const ref = `(HTTP ${status}${message})`
    if (status === 401) return { retryable: false, error: (_, what) => new UpstreamError('REGISTRY_AUTH_FAILED', 'auth', `Central refused the API token while ${what} ${ref}.`, 'The token is wrong, expired or revoked: create a new one under Platform Configuration → Integrations → API Token.', 'apiToken') }
    if (status === 403) return { retryable: false, error: (_, what) => new UpstreamError('UPSTREAM_PERMISSION_DENIED', 'permission', `The API token may not do this while ${what} ${ref}.`, "Give the token's role read access to Image (and write access to scan).", 'apiToken') }
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'))
      return { retryable: true, retryAfterMs, error: (tried, what) => new UpstreamError('UPSTREAM_THROTTLED', 'throttled', `Central throttled the requests while ${what}${tried} ${ref}.`, 'Try again in a minute.', null, retryAfterMs) }
    }
    if (status >= 500) return { retryable: true, error: (tried, what) => new UpstreamError('REGISTRY_ERROR', 'registry', `Central failed while ${what}${tried} ${ref}.`, null, null) }
    if (status === 404 && !said.success) return { retryable: false, error: (_, what) => new UpstreamError('REGISTRY_ERROR', 'registry', `${host} has no ${path} while ${what} (HTTP 404).`, 'Check that the URL is a StackRox Central.', 'url') }
    return { retryable: false, error: (_, what) => new UpstreamError('REGISTRY_ERROR', 'registry', `Central refused the request while ${what} ${ref}.`, null, null) }
  }
}

function systemCode(err: unknown): string {
  // fetch wraps the socket error: TypeError('fetch failed', { cause: { code } }).
  const e = err as { code?: unknown; cause?: { code?: unknown } }
  const code = e.cause?.code ?? e.code
  return typeof code === 'string' ? code : ''
}
