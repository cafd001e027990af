import type { MiddlewareHandler } from 'hono'
import type { AuditEvent } from '@contract/audit'
import type { Db } from '../db/database'
import type { AppEnv } from '../http/request-context'
import type { Logger } from '../log'
import { auditTarget, redactDetails } from './audit-entry'
import { insertAuditEvent } from './audit-store'

export interface AuditRecord {
  actor: string
  actorVia: AuditEvent['actorVia']
  /** The camelCase operation the write is (or maps to), e.g. createScanRule. */
  action: string
  input: unknown
  output: unknown
  requestId: string | null
}

/**
 * Stores one successful write: its target and redacted input are derived here, so every
 * way in (the operation mount, the ACR and StackRox endpoints, the registry webhook)
 * keeps the same fields without secrets. A failed audit write is logged, not thrown: the
 * change it describes already happened, and answering an error would make the caller
 * repeat it.
 *
 * @example
 * await recordAuditEvent(db, log, { actor: 'acr:LTAIexample', actorVia: 'acr', action: 'createScanRule', input, output, requestId })
 */
export async function recordAuditEvent(db: Db, log: Logger, r: AuditRecord): Promise<void> {
  try {
    const details = redactDetails(r.input)
    await insertAuditEvent(db, {
      actor: r.actor,
      actorVia: r.actorVia,
      action: r.action,
      target: auditTarget(r.input, r.output),
      details: details && typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>) : {},
      requestId: r.requestId,
    })
  } catch (err) {
    log.error('audit event not written', { requestId: r.requestId, action: r.action, err })
  }
}

/**
 * Gives each /api/v1 request a `recordAudit` that the operation mount calls after a write
 * succeeds. The actor is read when it is called, so a sign-in records who signed in.
 */
export function auditTrail(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('recordAudit', async (action, input, output) => {
      const principal = c.get('principal')
      await recordAuditEvent(db, c.get('log'), {
        actor: principal?.name ?? 'anonymous',
        actorVia: principal?.via ?? 'session',
        action,
        input,
        output,
        requestId: c.get('requestId') ?? null,
      })
    })
    await next()
  }
}
