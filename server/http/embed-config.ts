import type { FrameAncestors } from './security-headers'

/** The meta element the SPA reads its allowed parent origins from (src/app/embed/parent-origin.ts). */
export const EMBED_ORIGINS_META = 'layerscope-embed-origins'

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The meta element's content: `none`, or the frame-ancestors sources separated by spaces. */
export function embedOriginsContent(frameAncestors: FrameAncestors): string {
  return frameAncestors === 'none' ? 'none' : frameAncestors.join(' ')
}

/**
 * Hands EMBED_ALLOWED_ORIGINS to the SPA inside index.html, as a meta element right
 * before `</head>`. Data, not script, so the page needs no inline script or extra
 * request: an embedded page posts its height only to a parent origin in this list.
 *
 * @example
 * injectEmbedOrigins('<head></head>', ["'self'"]) // `<head><meta name="layerscope-embed-origins" content="'self'"></head>`
 */
export function injectEmbedOrigins(html: string, frameAncestors: FrameAncestors): string {
  const meta = `<meta name="${EMBED_ORIGINS_META}" content="${escapeAttribute(embedOriginsContent(frameAncestors))}">`
  const at = html.search(/<\/head>/i)
  if (at < 0) throw new Error('index.html has no </head>: cannot hand the SPA its embedding origins')
  return `${html.slice(0, at)}${meta}${html.slice(at)}`
}
