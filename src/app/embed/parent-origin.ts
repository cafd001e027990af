/**
 * The server puts EMBED_ALLOWED_ORIGINS into index.html as this meta element (no script
 * needed, so the page stays within `script-src 'self'`): `none`, or the frame-ancestors
 * sources separated by spaces.
 */
export const EMBED_ORIGINS_META = 'layerscope-embed-origins'

/**
 * The allowed frame-ancestors sources from the meta element's content; `none`, an empty
 * or a missing value allow nobody.
 *
 * @example
 * parseAllowedOrigins("'self' https://portal.example.com") // ["'self'", 'https://portal.example.com']
 */
export function parseAllowedOrigins(content: string | null | undefined): string[] {
  const items = (content ?? '').split(/\s+/).filter(Boolean)
  return items.some((i) => i === 'none' || i === "'none'") ? [] : items
}

const SOURCE_RE = /^(https?):\/\/(\*\.)?([^:/*]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' }

function matchesSource(url: URL, source: string): boolean {
  const m = SOURCE_RE.exec(source)
  if (!m) return false
  const [, scheme = '', wildcard, host = '', port] = m
  if (url.protocol !== `${scheme.toLowerCase()}:`) return false
  // As in CSP, a source without a port means the scheme's default port.
  if ((url.port || DEFAULT_PORTS[url.protocol]) !== (port ?? DEFAULT_PORTS[url.protocol])) return false
  const hostname = url.hostname
  const wanted = host.toLowerCase()
  // `*.example.com` matches any subdomain of example.com, not example.com itself (CSP host-source).
  return wildcard ? hostname.endsWith(`.${wanted}`) : hostname === wanted
}

/**
 * Whether `origin` is one of the allowed frame-ancestors sources. Schemes must match
 * exactly (stricter than CSP, which also lets an `http:` source match `https:`): the
 * embedded page only ever talks to a parent it was told about.
 *
 * @example
 * isAllowedOrigin('https://a.corp.example.com', ['https://*.corp.example.com'], 'https://ls.example.com') // true
 * isAllowedOrigin('https://ls.example.com', ["'self'"], 'https://ls.example.com') // true
 */
export function isAllowedOrigin(origin: string, allowed: readonly string[], selfOrigin: string): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false // includes the opaque origin "null" of sandboxed and file: parents
  }
  if (url.origin !== origin) return false
  return allowed.some((source) => (source === "'self'" ? origin === selfOrigin : matchesSource(url, source)))
}

/** What of `window` the parent origin is read from (a test passes a plain object). */
export interface FramedWindow {
  parent: unknown
  location: { origin: string; ancestorOrigins?: { length: number; item(index: number): string | null } }
  document: { referrer: string }
}

/**
 * The origin of the page that frames this one, or null when the page is not framed or
 * the origin cannot be known. `location.ancestorOrigins` (Chromium, Safari) cannot be
 * forged by the parent; elsewhere the referrer of the first load is used, which a
 * parent with `Referrer-Policy: no-referrer` withholds.
 */
export function parentOriginOf(win: FramedWindow): string | null {
  if (win.parent === win) return null
  const ancestors = win.location.ancestorOrigins
  if (ancestors && ancestors.length > 0) return ancestors.item(0)
  if (!win.document.referrer) return null
  try {
    return new URL(win.document.referrer).origin
  } catch {
    return null
  }
}

/**
 * The origin to post to the parent with, or null: the parent's origin, and only when it
 * is one the server allows to frame this app. Never `'*'`.
 */
export function allowedParentOrigin(win: FramedWindow, allowed: readonly string[]): string | null {
  const origin = parentOriginOf(win)
  return origin && isAllowedOrigin(origin, allowed, win.location.origin) ? origin : null
}
