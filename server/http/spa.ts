import fs from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { AppEnv } from './request-context'

/**
 * Serves the built SPA from the same origin as the API. Hashed assets are cached for a
 * year; every other path that is not an API path gets index.html, so a copied link to
 * any screen opens that screen.
 */
export function spaRoutes(app: Hono<AppEnv>, staticDir: string) {
  const indexFile = path.join(staticDir, 'index.html')
  app.use('/assets/*', async (c, next) => {
    await next()
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable')
  })
  app.use('*', serveStatic({ root: staticDir }))
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound()
    if (!fs.existsSync(indexFile)) {
      return c.text('The web app is not built. Run `npm run build` (npm start does it for you).', 503)
    }
    c.header('Cache-Control', 'no-cache')
    return c.html(fs.readFileSync(indexFile, 'utf8'))
  })
}
