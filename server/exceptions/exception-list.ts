import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { Page } from '@contract/common'
import type { listVulnExceptionQuery, VulnException } from '@contract/exceptions'
import type { z } from 'zod'
import type { Db } from '../db/database'
import type { Database } from '../db/schema'
import { getInstance } from '../instances/instance-store'
import { toVulnException } from './exception-store'

type ListQuery = z.output<typeof listVulnExceptionQuery>

const DAY_MS = 24 * 60 * 60 * 1000

// Sort columns the list allows, and their default direction.
const SORTS = {
  requestTime: { column: 'requested_at', order: 'desc' },
  decisionTime: { column: 'decided_at', order: 'desc' },
  expiresAt: { column: 'expires_at', order: 'asc' },
  cveName: { column: 'cve_name', order: 'asc' },
} as const

/**
 * Exceptions, filtered, sorted and paged in SQL; the page and totalCount come from one
 * transaction. "Expiring soon" means approved deferrals whose end date falls within the
 * given number of days from `now` (not already past it: those are the sweep's).
 */
export async function listExceptions(db: Db, q: ListQuery, now: Date): Promise<Page<VulnException>> {
  if (q.instanceId) await getInstance(db, q.instanceId)
  const { rows, total } = await db.transaction().execute(async (trx) => {
    const where = (eb: ExpressionBuilder<Database, 'vuln_exceptions'>) => {
      const c: Expression<SqlBool>[] = []
      if (q.instanceId) c.push(eb('instance_id', '=', q.instanceId))
      if (q.repoId) c.push(eb('repo_id', '=', q.repoId))
      if (q.status) c.push(eb('status', 'in', q.status))
      if (q.scope) c.push(eb('scope', '=', q.scope))
      if (q.kind) c.push(eb('kind', '=', q.kind))
      if (q.cveName) c.push(eb(sql<string>`upper(cve_name)`, '=', q.cveName.toUpperCase()))
      if (q.expiringWithinDays !== undefined) {
        c.push(eb('status', '=', 'APPROVED'), eb('expires_at', '>', now), eb('expires_at', '<=', new Date(now.getTime() + q.expiringWithinDays * DAY_MS)))
      }
      return eb.and(c)
    }
    const sort = SORTS[q.sortBy ?? 'requestTime']
    const order = q.sortOrder ?? sort.order
    const count = await trx
      .selectFrom('vuln_exceptions')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow()
    const page = await trx
      .selectFrom('vuln_exceptions')
      .selectAll()
      .where(where)
      // Rows without the sort value (no decision, no end date) go last whichever the direction.
      .orderBy(sql`${sql.ref(sort.column)} is null`)
      .orderBy(sort.column, order)
      .orderBy('seq', order)
      .limit(q.pageSize)
      .offset((q.pageNo - 1) * q.pageSize)
      .execute()
    return { rows: page, total: Number(count.n) }
  })
  return { items: rows.map(toVulnException), totalCount: total, pageNo: q.pageNo, pageSize: q.pageSize }
}
