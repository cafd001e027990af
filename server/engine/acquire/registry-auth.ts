import net from 'node:net'
import { readAll } from './digest'
import { AcquireError } from './errors'
import { responseError } from './http-errors'
import { send, type TransportOptions } from './http-transport'
import { parseChallenges } from './www-authenticate'

export interface Credentials {
  username: string
  password: string
}

const TOKEN_RESPONSE_LIMIT = 64 * 1024
const DEFAULT_TOKEN_SECONDS = 60

interface CachedToken {
  value: string
  expiresAt: number
}

/**
 * Authentication for one registry: remembers the challenge scheme after the first
 * 401, so later requests carry credentials up front, and caches Bearer tokens per
 * scope set until they expire (Docker token spec).
 *
 * @example
 * const auth = new RegistryAuth(new URL('https://registry.example.com'), transport, { username, password })
 * const header = await auth.header(['repository:demo/app:pull'])
 */
export class RegistryAuth {
  private scheme: 'bearer' | 'basic' | undefined
  private realm: { url: URL; service?: string } | undefined
  private tokens = new Map<string, CachedToken>()
  private pending = new Map<string, Promise<string>>()

  constructor(
    private registry: URL,
    private transport: TransportOptions,
    private credentials: Credentials | undefined,
    private now: () => number = Date.now,
  ) {}

  /** The Authorization value to send up front for these scopes, if the scheme is known. */
  async header(scopes: string[], signal?: AbortSignal): Promise<string | undefined> {
    if (this.scheme === 'basic') return this.basic()
    if (this.scheme === 'bearer') return `Bearer ${await this.token(scopes, false, signal)}`
    return undefined
  }

  /**
   * Learns from a 401 and returns the Authorization value worth one retry, or undefined
   * when retrying cannot help (no credentials, or Basic credentials already refused).
   */
  async afterUnauthorized(res: Response, scopes: string[], used: string | undefined, signal?: AbortSignal): Promise<string | undefined> {
    const challenges = parseChallenges(res.headers.get('www-authenticate'))
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm)
    if (bearer?.params.realm) {
      this.scheme = 'bearer'
      this.realm = { url: this.checkRealm(bearer.params.realm), ...(bearer.params.service ? { service: bearer.params.service } : {}) }
      // The challenge may name a wider scope than we asked for (e.g. a mount); add it.
      const wanted = [...new Set([...scopes, ...(bearer.params.scope?.split(' ').filter(Boolean) ?? [])])]
      return `Bearer ${await this.token(wanted, true, signal)}`
    }
    if (challenges.some((c) => c.scheme === 'basic')) {
      this.scheme = 'basic'
      return used?.startsWith('Basic ') ? undefined : this.basic()
    }
    return undefined
  }

  private basic(): string | undefined {
    if (!this.credentials) return undefined
    return `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`
  }

  private async token(scopes: string[], refresh: boolean, signal?: AbortSignal): Promise<string> {
    const key = [...new Set(scopes)].sort().join(' ')
    const cached = this.tokens.get(key)
    if (cached && !refresh && cached.expiresAt > this.now()) return cached.value
    const running = this.pending.get(key)
    if (running) return running
    const request = this.fetchToken(key ? key.split(' ') : [], signal).finally(() => this.pending.delete(key))
    this.pending.set(key, request)
    return request
  }

  private async fetchToken(scopes: string[], signal?: AbortSignal): Promise<string> {
    const realm = this.realm
    if (!realm) throw new AcquireError('BAD_RESPONSE', `${this.registry.host}: no token realm known.`)
    const url = new URL(realm.url)
    if (realm.service) url.searchParams.set('service', realm.service)
    for (const scope of scopes) url.searchParams.append('scope', scope)
    const what = `${this.registry.host}: token service ${url.host}`
    const basic = this.basic()
    const res = await send(this.transport, url, {
      what,
      signal,
      followRedirects: true,
      checkRedirect: (next) => this.checkRealm(next.toString()),
      ...(basic ? { authorization: { origin: url.origin, value: basic } } : {}),
    })
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel()
      const who = this.credentials ? 'the username or password' : 'anonymous access'
      throw new AcquireError('UNAUTHORIZED', `${what} refused ${who}${scopes.length ? ` for ${scopes.join(' ')}` : ''} (HTTP ${res.status}).`)
    }
    if (!res.ok || !res.body) throw await responseError(res, what)
    const body = await readAll(res.body, TOKEN_RESPONSE_LIMIT, `${what} response`)
    let doc: { token?: unknown; access_token?: unknown; expires_in?: unknown }
    try {
      doc = JSON.parse(body.toString('utf8')) as typeof doc
    } catch {
      throw new AcquireError('BAD_RESPONSE', `${what} answered with something other than JSON.`)
    }
    const token = typeof doc.token === 'string' && doc.token ? doc.token : doc.access_token
    if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) throw new AcquireError('BAD_RESPONSE', `${what} answered without a usable token.`)
    const seconds = typeof doc.expires_in === 'number' && doc.expires_in > 0 ? doc.expires_in : DEFAULT_TOKEN_SECONDS
    // Renew a little early, so a token never expires between check and use.
    const margin = Math.min(10, seconds / 4)
    this.tokens.set([...new Set(scopes)].sort().join(' '), { value: token, expiresAt: this.now() + (seconds - margin) * 1000 })
    return token
  }

  /**
   * A token realm is a URL the registry tells us to call, with credentials: refuse
   * plain http (unless the registry itself is http) and private or loopback hosts other
   * than the registry's own, so a hostile registry cannot aim us at internal services.
   */
  private checkRealm(value: string): URL {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      throw new AcquireError('BAD_RESPONSE', `${this.registry.host}: malformed token realm.`)
    }
    const bad = (why: string) => new AcquireError('BAD_RESPONSE', `${this.registry.host}: refusing token realm on ${url.host}: ${why}.`)
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.transport.allowHttp)) throw bad('not https')
    if (url.username || url.password) throw bad('it embeds credentials')
    if (url.hostname !== this.registry.hostname && isPrivateHost(url.hostname)) throw bad('private or loopback address')
    return url
  }
}

/**
 * Loopback, private, link-local and unspecified addresses, and `localhost`. Host names
 * are not resolved: that would be a second lookup an attacker can race.
 *
 * @example isPrivateHost('169.254.169.254') // true
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  const kind = net.isIP(host)
  if (kind === 4) return isPrivateV4(host)
  if (kind !== 6) return false
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)
  if (mapped?.[1]) return isPrivateV4(mapped[1])
  return host === '::' || host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host)
}

function isPrivateV4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number)
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)
}
