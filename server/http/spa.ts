import fs from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Hono } from 'hono'
import { injectEmbedOrigins } from './embed-config'
import type { AppEnv } from './request-context'
import { DEFAULT_FRAME_ANCESTORS, type FrameAncestors } from './security-headers'

/**
 * Serves the built SPA from the same origin as the API. Hashed assets are cached for a
 * year; every other path that is not an API path gets index.html, so a copied link to
 * any screen opens that screen. index.html carries EMBED_ALLOWED_ORIGINS for embedded
 * pages (server/http/embed-config.ts).
 */
export function spaRoutes(app: Hono<AppEnv>, staticDir: string, frameAncestors: FrameAncestors = DEFAULT_FRAME_ANCESTORS) {
  const indexFile = path.join(staticDir, 'index.html')
  app.use('/assets/*', async (c, next) => {
    await next()
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable')
  })
  const sendIndex = (c: Context<AppEnv>) => {
    if (!fs.existsSync(indexFile)) {
      return c.text('The web app is not built. Run `npm run build` (npm start does it for you).', 503)
    }
    c.header('Cache-Control', 'no-cache')
    return c.html(injectEmbedOrigins(fs.readFileSync(indexFile, 'utf8'), frameAncestors))
  }
  // Before the static files, which would send index.html for these as it is on disk,
  // without the embedding origins.
  app.get('/', sendIndex)
  app.get('/index.html', sendIndex)
  app.use('*', serveStatic({ root: staticDir }))
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound()
    return sendIndex(c)
  })
}
