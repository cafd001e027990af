import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/database'
import { findAdvisoriesByAlias, upsertAdvisories } from '../../engine/advisories/advisory-store'
import type { OsvRecord } from '../../engine/advisories/osv-record'
import type { Principal } from '../../http/request-context'

/** People with each role, as the auth middleware would hand them to the service. */
export const people = {
  alice: { id: 'tok-alice0000000000', name: 'alice', role: 'operator', via: 'token' },
  olga: { id: 'tok-olga00000000000', name: 'olga', role: 'operator', via: 'token' },
  bob: { id: 'tok-bob000000000000', name: 'bob', role: 'approver', via: 'token' },
  carol: { id: 'tok-carol0000000000', name: 'carol', role: 'approver', via: 'session' },
  vera: { id: 'tok-vera00000000000', name: 'vera', role: 'viewer', via: 'token' },
  root: { id: 'tok-root00000000000', name: 'root', role: 'admin', via: 'token' },
} as const satisfies Record<string, Principal>

/**
 * Another image with the same packages as a scanned one: the scan's task, report and
 * result rows copied under a new digest (and repository, when given), as a rebuild of the
 * image without package changes would scan. Lets scope tests see one finding in several
 * digests and repositories without pushing images.
 */
export async function cloneScanAsImage(db: Db, scanTaskId: string, target: { digest: string; repoId?: string; repository?: string }): Promise<string> {
  const id = randomUUID()
  await db.transaction().execute(async (trx) => {
    const { seq: _seq, ...task } = await trx.selectFrom('scan_tasks').selectAll().where('id', '=', scanTaskId).executeTakeFirstOrThrow()
    await trx
      .insertInto('scan_tasks')
      .values({
        ...task,
        id,
        digest: target.digest,
        repo_id: target.repoId ?? task.repo_id,
        repository: target.repository ?? task.repository,
        summary: JSON.stringify(task.summary),
      })
      .execute()
    const report = await trx.selectFrom('scan_reports').selectAll().where('task_id', '=', scanTaskId).executeTakeFirstOrThrow()
    await trx.insertInto('scan_reports').values({ task_id: id, report: JSON.stringify(report.report), created_at: report.created_at }).execute()
    const rows = await trx.selectFrom('scan_vulnerabilities').selectAll().where('task_id', '=', scanTaskId).orderBy('id').execute()
    if (rows.length) await trx.insertInto('scan_vulnerabilities').values(rows.map(({ id: _id, ...r }) => ({ ...r, task_id: id, item: JSON.stringify(r.item) }))).execute()
    // The components too, as a real scan stores them: finding states read componentIds from them.
    const components = await trx.selectFrom('scan_components').selectAll().where('task_id', '=', scanTaskId).orderBy('id').execute()
    if (components.length) await trx.insertInto('scan_components').values(components.map(({ id: _id, ...c }) => ({ ...c, task_id: id, component: JSON.stringify(c.component) }))).execute()
  })
  return id
}

/**
 * Rewrites the stored advisories of `cveName` as a newer publication: `withFix` false
 * drops every `fixed` event (no fix known yet), true restores the records as given.
 * Answers the records as they were, to restore them later.
 */
export async function republishAdvisories(db: Db, cveName: string, records: readonly OsvRecord[] | undefined, withFix: boolean, modified: Date): Promise<OsvRecord[]> {
  const current = records ?? (await findAdvisoriesByAlias(db, [cveName]))
  if (current.length === 0) throw new Error(`no advisory names ${cveName}`)
  const inputs = current.map((record) => {
    const next: OsvRecord = {
      ...record,
      modified: modified.toISOString(),
      affected: record.affected.map((a) => ({ ...a, ranges: a.ranges.map((r) => ({ ...r, events: withFix ? r.events : r.events.filter((e) => e.fixed === undefined) })) })),
    }
    return { record: next, raw: next, origin: `test:${record.id}` }
  })
  const result = await upsertAdvisories(db, inputs)
  if (result.rejected.length || result.updated.length !== inputs.length) throw new Error(`advisories not republished: ${JSON.stringify(result.rejected)}`)
  return [...current]
}
