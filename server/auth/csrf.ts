import { CSRF_HEADER } from '@contract/auth'
import { ApiError } from '../errors'
import type { FrameAncestors } from '../http/security-headers'
import type { Identity } from './identify'
import { safeEqual } from './secrets'

/** What a write request says about where it comes from; every field as the client sent it. */
export interface WriteRequest {
  /** X-CSRF-Token. */
  csrfToken: string | undefined
  secFetchSite: string | undefined
  origin: string | undefined
  referer: string | undefined
  /** The Host header: our own origin as the browser addressed us (scheme aside, see isOwnOrigin). */
  host: string | undefined
}

const refused = (why: string) =>
  new ApiError('CSRF_TOKEN_INVALID', `Writes from pages of another site are refused (${why}).`)

/**
 * Cookie sessions and proxy users are what a browser sends by itself, so their writes must
 * prove they come from our page: the session's token in X-CSRF-Token (synchronizer
 * pattern). Bearer tokens are never sent by a browser on its own and need none.
 *
 * Where no token exists (sign-in off, where everyone is the local operator, or signing in)
 * the write must come from our own page, or from a portal EMBED_ALLOWED_ORIGINS trusts:
 * judged by Sec-Fetch-Site, which browsers set and pages cannot; where a browser sends none
 * (older ones), by Origin, else Referer. A request with none of the three is not made by a
 * browser (curl, a script) and cannot be a forged one: it passes, as it would with a token.
 */
export function checkCsrf(
  req: WriteRequest,
  identity: Identity | undefined,
  frameAncestors: FrameAncestors,
): void {
  const via = identity?.principal.via
  if (via === 'token') return
  if (via === 'session' || via === 'proxy') {
    const sent = req.csrfToken
    if (!sent || !identity?.csrfToken || !safeEqual(sent, identity.csrfToken)) {
      throw new ApiError(
        'CSRF_TOKEN_INVALID',
        `Writes need the session's CSRF token in the ${CSRF_HEADER} header (getSession answers it); reload the page and try again.`,
      )
    }
    return
  }
  checkWriteOrigin(req, frameAncestors)
}

/** The origin checks of checkCsrf for writes without a CSRF token; throws CSRF_TOKEN_INVALID. */
export function checkWriteOrigin(req: WriteRequest, frameAncestors: FrameAncestors): void {
  const site = req.secFetchSite?.toLowerCase()
  // `none`: the person started it (address bar, bookmark), no page did.
  if (site === 'same-origin' || site === 'none') return
  const from = req.origin ?? originOfUrl(req.referer)
  if (site === 'same-site' || site === 'cross-site') {
    // Another page made this request; only a portal allowed to embed the app may.
    if (from && isEmbedOrigin(from, frameAncestors)) return
    throw refused(`Sec-Fetch-Site: ${site}${from ? ` from ${from}` : ''}`)
  }
  if (site !== undefined) throw refused(`unknown Sec-Fetch-Site "${site}"`)
  if (req.origin === undefined && req.referer === undefined) return
  // A Referer the browser trimmed away or an opaque origin ("null": sandboxed frames, data: URLs) proves nothing.
  if (!from) throw refused(req.origin !== undefined ? `Origin ${req.origin}` : 'a Referer without an origin')
  if (isOwnOrigin(from, req.host) || isEmbedOrigin(from, frameAncestors)) return
  throw refused(`Origin ${from}`)
}

/** `https://a.example:8443/x?y` → `https://a.example:8443`; undefined for what is not an http(s) URL. */
export function originOfUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined
  } catch {
    return undefined
  }
}

/**
 * Whether an origin is this server as the browser addressed it (the Host header, which a
 * page cannot set). The scheme is not compared: behind a TLS-terminating proxy the browser
 * says https and we see http, and one host and port serve only one of them.
 */
export function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false
  const parsed = originOfUrl(origin)
  if (!parsed) return false
  const url = new URL(parsed)
  const ownHost = host.trim().toLowerCase()
  // URL drops a scheme's default port; a Host header may carry it.
  const defaultPort = url.protocol === 'https:' ? '443' : '80'
  return url.host === ownHost || `${url.host}:${defaultPort}` === ownHost
}

/**
 * Whether an origin is one EMBED_ALLOWED_ORIGINS lists, matched as CSP frame-ancestors
 * matches it: same scheme, same port (the scheme's default when absent), and the same host
 * or, for `https://*.example.com`, a subdomain of it. `'self'` is our own origin, which
 * isOwnOrigin answers.
 */
export function isEmbedOrigin(origin: string, frameAncestors: FrameAncestors): boolean {
  if (frameAncestors === 'none') return false
  const parsed = originOfUrl(origin)
  if (!parsed) return false
  const url = new URL(parsed)
  const portOf = (u: URL) => u.port || (u.protocol === 'https:' ? '443' : '80')
  return frameAncestors.some((entry) => {
    if (entry === "'self'") return false
    const wildcard = entry.includes('://*.')
    const allowed = originOfUrl(wildcard ? entry.replace('://*.', '://wildcard.') : entry)
    if (!allowed) return false
    const a = new URL(allowed)
    if (a.protocol !== url.protocol || portOf(a) !== portOf(url)) return false
    if (!wildcard) return a.hostname === url.hostname
    const suffix = a.hostname.slice('wildcard'.length)
    return url.hostname.endsWith(suffix) && url.hostname.length > suffix.length
  })
}
