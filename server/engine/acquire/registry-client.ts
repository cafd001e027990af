import { AcquireError } from './errors'
import { send, type RetryOptions, type SendInit, type TransportOptions } from './http-transport'
import { type FetchLike, insecureFetch } from './insecure-fetch'
import { DOCKER_HUB, DOCKER_HUB_API } from './reference'
import { type Credentials, RegistryAuth } from './registry-auth'

export interface RegistryOptions {
  /** `https://registry.example.com`, `http://127.0.0.1:5000`, or a bare host (https). */
  url: string
  username?: string | undefined
  password?: string | undefined
  /** Skip certificate verification (per-registry opt-in). */
  insecureTls?: boolean | undefined
  /** Injected for tests; defaults to the global fetch (or an unverified-TLS one). */
  fetch?: FetchLike | undefined
  retry?: RetryOptions | undefined
  userAgent?: string | undefined
  /** Time allowed for response headers per request (default 30 s). */
  timeoutMs?: number | undefined
}

export const DEFAULT_USER_AGENT = 'layerscope-scanner/0.1'

/** Token scopes (Docker token spec). @example pullScope('demo/app') // 'repository:demo/app:pull' */
export const pullScope = (repository: string) => `repository:${repository}:pull`
/** @example pushScope('demo/app') // 'repository:demo/app:pull,push' */
export const pushScope = (repository: string) => `repository:${repository}:pull,push`
export const CATALOG_SCOPE = 'registry:catalog:*'

/**
 * The registry's base URL, with credentials written into it moved out (they must
 * never reach a log or message) and Docker Hub's name mapped to its API host.
 *
 * @example normalizeRegistryUrl('localhost:5000/v2/') // { base: URL('https://localhost:5000') }
 */
export function normalizeRegistryUrl(input: string): { base: URL; credentials?: Credentials } {
  const raw = input.trim()
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`)
  } catch {
    throw new AcquireError('INVALID_REFERENCE', 'Invalid registry URL.')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AcquireError('INVALID_REFERENCE', `Registry URL must be http or https, not ${url.protocol}`)
  const credentials = url.username ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : undefined
  url.username = ''
  url.password = ''
  url.search = ''
  url.hash = ''
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/v2$/, '')
  if (url.hostname === DOCKER_HUB || url.hostname === `index.${DOCKER_HUB}`) url.hostname = DOCKER_HUB_API
  return { base: url, ...(credentials ? { credentials } : {}) }
}

export interface RegistryRequest extends Omit<SendInit, 'authorization'> {
  /** Token scopes the request needs (`repository:<name>:pull`, …). */
  scopes: string[]
}

/**
 * HTTP to one registry: authentication (Bearer token or Basic, learnt from the first
 * challenge), retries and redirects. Responses of any status come back; callers turn
 * the ones they do not expect into errors with `responseError`.
 *
 * @example
 * const client = new RegistryClient({ url: 'https://registry.example.com', username, password })
 * const res = await client.request('/v2/_catalog', { scopes: [CATALOG_SCOPE], what: client.host })
 */
export class RegistryClient {
  readonly base: URL
  /** host[:port], for messages. */
  readonly host: string
  private transport: TransportOptions
  private auth: RegistryAuth

  constructor(opts: RegistryOptions) {
    const { base, credentials } = normalizeRegistryUrl(opts.url)
    this.base = base
    this.host = base.host
    const creds = opts.username ? { username: opts.username, password: opts.password ?? '' } : credentials
    this.transport = {
      fetch: opts.fetch ?? (opts.insecureTls ? insecureFetch : (url, init) => fetch(url, init)),
      userAgent: opts.userAgent ?? DEFAULT_USER_AGENT,
      allowHttp: base.protocol === 'http:' || opts.insecureTls === true,
      ...(opts.retry ? { retry: opts.retry } : {}),
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    }
    this.auth = new RegistryAuth(base, this.transport, creds)
  }

  /** An absolute URL for an API path such as `/v2/_catalog`. */
  url(path: string): URL {
    return new URL(`${this.base.pathname.replace(/\/+$/, '')}${path}`, this.base.origin)
  }

  /**
   * Sends a request with whatever credentials the registry wants, retrying once after
   * a 401 when new credentials (a fresh or wider token) can help.
   *
   * @example
   * const res = await client.request('/v2/', { scopes: [], what: client.host })
   */
  async request(target: string | URL, init: RegistryRequest): Promise<Response> {
    const url = typeof target === 'string' ? this.url(target) : target
    const attempt = (value: string | undefined) => send(this.transport, url, { ...init, authorization: value ? { origin: this.base.origin, value } : undefined })
    const first = await this.auth.header(init.scopes, init.signal)
    const res = await attempt(first)
    if (res.status !== 401) return res
    const retry = await this.auth.afterUnauthorized(res, init.scopes, first, init.signal)
    if (retry === undefined) return res
    await res.body?.cancel()
    return attempt(retry)
  }
}
