import type { MiddlewareHandler } from 'hono'
import type { Db } from '../db/database'
import type { AppEnv } from '../http/request-context'
import { auditTarget, redactDetails } from './audit-entry'
import { insertAuditEvent } from './audit-store'

/**
 * Gives each request a `recordAudit` that the operation mount calls after a write
 * succeeds. The actor is read when it is called, so a sign-in records who signed in.
 * A failed audit write is logged, not thrown: the change it describes already happened,
 * and answering an error would make the caller repeat it.
 */
export function auditTrail(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('recordAudit', async (action, input, output) => {
      const principal = c.get('principal')
      const requestId = c.get('requestId') ?? null
      try {
        const details = redactDetails(input)
        await insertAuditEvent(db, {
          actor: principal?.name ?? 'anonymous',
          actorVia: principal?.via ?? 'session',
          action,
          target: auditTarget(input, output),
          details: details && typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>) : {},
          requestId,
        })
      } catch (err) {
        c.get('log').error('audit event not written', { requestId, action, err })
      }
    })
    await next()
  }
}
