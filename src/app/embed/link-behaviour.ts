import { isEmbeddedAppUrl, standaloneUrl, type EmbedLinkMode } from './embed-options'

/** What a click on a link in an embedded page does: the usual thing, or open a URL in a new tab. */
export type LinkAction = { kind: 'default' } | { kind: 'new-tab'; url: string }

const DEFAULT: LinkAction = { kind: 'default' }

/**
 * Decides where a link opens in an embedded page.
 * - Another origin (an advisory, a registry): always a new tab.
 * - A page of the app: inside the frame with `links=frame`; with `links=tab`, the full
 *   app (with its navigation) in a new tab.
 * - Anything else on this origin (the API docs): a new tab, so the frame never leaves the app.
 * - An anchor on the same page, or a non-web scheme (`mailto:`): the browser's default.
 *
 * @example
 * linkAction('/embed/instances/demo', 'https://ls.example.com/embed/instances', 'tab')
 * // { kind: 'new-tab', url: 'https://ls.example.com/instances/demo' }
 */
export function linkAction(href: string, currentHref: string, mode: EmbedLinkMode): LinkAction {
  let url: URL
  let current: URL
  try {
    current = new URL(currentHref)
    url = new URL(href, current)
  } catch {
    return DEFAULT
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return DEFAULT
  if (url.origin !== current.origin) return { kind: 'new-tab', url: url.href }
  const samePage = url.pathname === current.pathname && url.search === current.search
  if (samePage && url.hash) return DEFAULT
  if (!isEmbeddedAppUrl(url)) return { kind: 'new-tab', url: url.href }
  return mode === 'tab' ? { kind: 'new-tab', url: standaloneUrl(url).href } : DEFAULT
}
