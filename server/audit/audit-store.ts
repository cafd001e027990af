import { sql } from 'kysely'
import type { AuditEvent } from '@contract/audit'
import type { Page } from '@contract/common'
import type { Db } from '../db/database'

export interface NewAuditEvent {
  actor: string
  actorVia: AuditEvent['actorVia']
  action: string
  target: string
  details: Record<string, unknown>
  requestId: string | null
  time?: Date
}

export async function insertAuditEvent(db: Db, e: NewAuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      time: e.time ?? new Date(),
      actor: e.actor,
      // The contract's enum is the source of truth; the table's column is plain text.
      actor_via: e.actorVia,
      action: e.action,
      target: e.target,
      details: JSON.stringify(e.details),
      request_id: e.requestId,
    })
    .execute()
}

export interface AuditQuery {
  pageNo: number
  pageSize: number
  actor?: string | undefined
  action?: string | undefined
  target?: string | undefined
  from?: number | undefined
  to?: number | undefined
}

/** Newest first; every filter is optional and they combine with AND. */
export async function listAuditEvents(db: Db, q: AuditQuery): Promise<Page<AuditEvent>> {
  return db.transaction().execute(async (trx) => {
    let base = trx.selectFrom('audit_events')
    if (q.actor) base = base.where('actor', '=', q.actor)
    if (q.action) base = base.where('action', '=', q.action)
    if (q.target) base = base.where(sql<boolean>`strpos(lower(target), lower(${q.target})) > 0`)
    if (q.from !== undefined) base = base.where('time', '>=', new Date(q.from))
    if (q.to !== undefined) base = base.where('time', '<', new Date(q.to))
    const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    const rows = await base
      .selectAll()
      .orderBy('time', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.pageNo - 1) * q.pageSize)
      .execute()
    const items = rows.map(
      (r): AuditEvent => ({
        eventId: Number(r.id),
        time: new Date(r.time).getTime(),
        actor: r.actor,
        actorVia: r.actor_via,
        action: r.action,
        target: r.target,
        details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
        requestId: r.request_id,
      }),
    )
    return { items, totalCount: n, pageNo: q.pageNo, pageSize: q.pageSize }
  })
}
