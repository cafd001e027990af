import { createHash } from 'node:crypto'
import type { Hono } from 'hono'
import type { AppEnv } from './request-context'

export const PORTAL_SCRIPT_PATH = '/embed/portal.js'

/**
 * The parent side of embedding, for a portal page to load with
 * `<script src="https://layerscope.example.com/embed/portal.js"></script>` before its
 * frames finish loading (in <head>, `defer` is fine). It sizes every
 * `<iframe data-layerscope-embed>` to the height the embedded page reports, and trusts
 * a message only when it comes from that frame's window (`event.source`) and from the
 * origin of the frame's src (`event.origin`), with the namespaced type and the version
 * the SPA sends (src/app/embed/embed-protocol.ts). No inline code is needed by the
 * portal, and the script itself uses none of eval, inline handlers or inline styles
 * (only the CSSOM `style.height`), so it runs under a strict portal CSP.
 */
export const PORTAL_SCRIPT = `/* Layerscope embedding: sizes <iframe data-layerscope-embed> frames to their content. */
(function () {
  'use strict'
  var TYPE = 'layerscope:embed:size'
  var VERSION = 1
  // A report can be long; anything beyond this is not a height a page reports.
  var MAX_HEIGHT = 1000000

  function frameOf(source) {
    var frames = document.querySelectorAll('iframe[data-layerscope-embed]')
    for (var i = 0; i < frames.length; i += 1) {
      if (source !== null && frames[i].contentWindow === source) return frames[i]
    }
    return null
  }

  function originOf(frame) {
    try {
      return new URL(frame.getAttribute('src') || '', document.baseURI).origin
    } catch (e) {
      return null
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data
    if (data === null || typeof data !== 'object' || data.type !== TYPE || data.version !== VERSION) return
    var frame = frameOf(event.source)
    if (frame === null || event.origin !== originOf(frame)) return
    var height = data.height
    if (typeof height !== 'number' || !isFinite(height) || height < 0 || height > MAX_HEIGHT) return
    frame.style.height = Math.ceil(height) + 'px'
    frame.dispatchEvent(new CustomEvent('layerscope:resize', { detail: { height: Math.ceil(height) } }))
  })
})()
`

const ETAG = `"${createHash('sha256').update(PORTAL_SCRIPT).digest('base64url').slice(0, 22)}"`

/** Serves the portal script. Portals on other origins load it, so it is marked cross-origin readable. */
export function embedPortalRoutes(app: Hono<AppEnv>) {
  app.get(PORTAL_SCRIPT_PATH, (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8')
    c.header('Cache-Control', 'no-cache')
    c.header('ETag', ETAG)
    c.header('Cross-Origin-Resource-Policy', 'cross-origin')
    if (c.req.header('if-none-match') === ETAG) return c.body(null, 304)
    return c.body(PORTAL_SCRIPT, 200)
  })
}
