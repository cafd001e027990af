/** The theme a portal asks for with `?theme=`; absent, the viewer's own preference applies. */
export type EmbedTheme = 'light' | 'dark'

/**
 * Where links inside an embedded page open: `frame` keeps in-app navigation inside the
 * iframe; `tab` opens every link in a new tab (the full app, with its navigation).
 * External links open in a new tab in both modes.
 */
export type EmbedLinkMode = 'frame' | 'tab'

export interface EmbedOptions {
  theme: EmbedTheme | null
  links: EmbedLinkMode
}

/**
 * Embedded pages live under this path. The router runs with it as its basename, so every
 * in-app link, redirect and query-string change keeps the page embedded without any link
 * knowing about embedding.
 */
export const EMBED_BASENAME = '/embed'

/** Query-string keys that belong to embedding rather than to the page shown. */
const EMBED_KEYS = ['embed', 'theme', 'links'] as const

export interface EmbedLocation {
  options: EmbedOptions
  /** The same page under {@link EMBED_BASENAME}: path, query string and hash. */
  url: string
}

interface UrlParts {
  pathname: string
  search: string
  hash: string
}

function isUnderBasename(pathname: string): boolean {
  return pathname === EMBED_BASENAME || pathname.startsWith(`${EMBED_BASENAME}/`)
}

/**
 * Reads an embedding request from a URL: `?embed=1` on any route, or a path under
 * `/embed`, with `?theme=dark|light` and `?links=frame|tab`. Returns null for a page
 * that is not embedded. Unknown option values fall back to the defaults (the viewer's
 * theme, links in the frame).
 *
 * @example
 * parseEmbedLocation({ pathname: '/instances/demo', search: '?embed=1&theme=dark', hash: '' })
 * // { options: { theme: 'dark', links: 'frame' }, url: '/embed/instances/demo?theme=dark' }
 */
export function parseEmbedLocation({ pathname, search, hash }: UrlParts): EmbedLocation | null {
  const params = new URLSearchParams(search)
  const underBasename = isUnderBasename(pathname)
  if (!underBasename && params.get('embed') !== '1') return null
  const theme = params.get('theme')
  const options: EmbedOptions = {
    theme: theme === 'dark' || theme === 'light' ? theme : null,
    links: params.get('links') === 'tab' ? 'tab' : 'frame',
  }
  // The path now says "embedded"; theme and links stay so that reloading the frame keeps them.
  params.delete('embed')
  const query = params.toString()
  const appPath = underBasename ? pathname.slice(EMBED_BASENAME.length) || '/' : pathname
  return { options, url: `${EMBED_BASENAME}${appPath}${query ? `?${query}` : ''}${hash}` }
}

/**
 * The full app's URL for an embedded page's URL: out of `/embed`, without the embedding
 * keys. A link opened in a new tab shows the app with its navigation.
 *
 * @example
 * standaloneUrl(new URL('https://ls.example.com/embed/instances/demo?links=tab&pageNo=2')).href
 * // 'https://ls.example.com/instances/demo?pageNo=2'
 */
export function standaloneUrl(url: URL): URL {
  const out = new URL(url.href)
  if (isUnderBasename(out.pathname)) out.pathname = out.pathname.slice(EMBED_BASENAME.length) || '/'
  for (const key of EMBED_KEYS) out.searchParams.delete(key)
  return out
}

/** True when a same-origin URL is a page of the embedded app (under `/embed`). */
export function isEmbeddedAppUrl(url: URL): boolean {
  return isUnderBasename(url.pathname)
}
