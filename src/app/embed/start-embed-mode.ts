import type { EmbedConfig } from './embed-context'
import { parseEmbedLocation } from './embed-options'
import { EMBED_ORIGINS_META, parseAllowedOrigins } from './parent-origin'

/**
 * Runs before the router is created: when the URL asks for embedding (`?embed=1` or a
 * path under `/embed`), moves the page under `/embed` in place (no reload, no new history
 * entry) and returns its settings; otherwise returns null and leaves the URL alone.
 *
 * @example
 * const embed = startEmbedMode(window)
 * const router = createAppRouter(embed ? { basename: EMBED_BASENAME } : {})
 */
export function startEmbedMode(win: Window): EmbedConfig | null {
  const parsed = parseEmbedLocation(win.location)
  if (!parsed) return null
  const current = `${win.location.pathname}${win.location.search}${win.location.hash}`
  if (parsed.url !== current) win.history.replaceState(win.history.state, '', parsed.url)
  const meta = win.document.querySelector<HTMLMetaElement>(`meta[name="${EMBED_ORIGINS_META}"]`)
  return { options: parsed.options, allowedOrigins: parseAllowedOrigins(meta?.content) }
}
