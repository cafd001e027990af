import type { Hono } from 'hono'
import { sql } from 'kysely'
import type { Db } from '../db/database'
import type { AppEnv } from '../http/request-context'

/** Says whether the database answers; load balancers and the CI wait on it. */
export function healthRoutes(app: Hono<AppEnv>, deps: { db: Db; dbKind: string; version: string }) {
  app.get('/api/healthz', async (c) => {
    const started = performance.now()
    try {
      await sql`select 1`.execute(deps.db)
      return c.json({ status: 'ok', database: { kind: deps.dbKind, ok: true, ms: Math.round(performance.now() - started) }, version: deps.version })
    } catch (err) {
      c.get('log').error('health check failed', { err })
      return c.json({ status: 'unavailable', database: { kind: deps.dbKind, ok: false }, version: deps.version }, 503)
    }
  })
}
