import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { Logger } from '../log'
import type { AppEnv } from './request-context'

/**
 * Gives every request an id (ACR's upper-case UUID style), returns it as
 * `x-request-id`, and logs one JSON line per API request when it ends.
 */
export function requestLog(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomUUID().toUpperCase()
    const started = performance.now()
    c.set('requestId', requestId)
    c.set('log', log.child({ requestId }))
    c.header('x-request-id', requestId)
    await next()
    if (c.req.path.startsWith('/api/')) {
      log.info('request', {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      })
    }
  }
}
