import { sql, type Selectable, type Transaction } from 'kysely'
import type { ImageReport } from '@contract/findings'
import type { Db } from '../db/database'
import type { Database, ScanTaskTable } from '../db/schema'
import { baselineRows, forService, maliciousRows, summarize, vulnerabilityRows } from './scan-rows'

/**
 * The scan queue is the scan_tasks table itself (docs/decisions/0003-scan-queue.md).
 * A worker claims a ready task with one UPDATE … FOR UPDATE SKIP LOCKED, holds it by a
 * lease it renews (heartbeat), and every later write is fenced by `worker_id` and
 * status SCANNING: a worker whose lease expired and was taken over can no longer
 * change the task, so its results are never written next to the new worker's.
 */

export type ScanTaskRow = Selectable<ScanTaskTable>

const leaseEnd = (ms: number) => sql<Date>`now() + (${Math.round(ms)}::int * interval '1 millisecond')`

export interface Claimed {
  task: ScanTaskRow
  /** Set when the task was taken over from a worker whose lease expired. */
  takenOverFrom: string | null
}

/**
 * Claims the next ready task (QUEUED, or RETRYING whose backoff is over), or one whose
 * lease expired (its worker died), oldest first. Returns undefined when there is none.
 * A task taken over after its worker died more than max_attempts times is FAILED
 * (WORKER_LOST) instead: an image that kills workers must not kill them forever.
 */
export async function claimTask(db: Db, workerId: string, leaseMs: number): Promise<Claimed | undefined> {
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<ScanTaskRow & { prev_status: string; prev_worker: string | null }>`
        with next as (
          select id, status as prev_status, worker_id as prev_worker
          from scan_tasks
          where (status in ('QUEUED', 'RETRYING') and run_at <= now())
             or (status = 'SCANNING' and lease_until < now())
          order by run_at, seq
          limit 1
          for update skip locked
        )
        update scan_tasks t
        set status = 'SCANNING', worker_id = ${workerId}, lease_until = ${leaseEnd(leaseMs)}, attempts = t.attempts + 1,
            started_at = now(), updated_at = now(), layers_done = 0
        from next
        where t.id = next.id
        returning t.*, next.prev_status, next.prev_worker`.execute(trx)
      const row = rows[0]
      if (!row) return undefined
      const { prev_status, prev_worker, ...task } = row
      const takenOverFrom = prev_status === 'SCANNING' ? prev_worker : null
      if (takenOverFrom !== null) {
        await trx
          .updateTable('scan_task_attempts')
          .set({ outcome: 'LOST', ended_at: new Date(), error_code: 'LEASE_EXPIRED', error_message: 'The worker stopped renewing its lease (killed or hung).' })
          .where('task_id', '=', task.id)
          .where('attempt', '=', task.attempts - 1)
          .where('outcome', 'is', null)
          .execute()
      }
      if (task.attempts > task.max_attempts) {
        const message = `Gave up after ${task.max_attempts} attempts: the worker running it stopped (killed or hung) every time.`
        await trx
          .updateTable('scan_tasks')
          .set({ status: 'FAILED', attempts: task.max_attempts, lease_until: null, error_code: 'WORKER_LOST', error_message: message, finished_at: new Date(), updated_at: new Date() })
          .where('id', '=', task.id)
          .execute()
        return 'gave-up' as const
      }
      await trx.insertInto('scan_task_attempts').values({ task_id: task.id, attempt: task.attempts, worker_id: workerId, started_at: new Date(), ended_at: null, outcome: null, error_code: null, error_message: null }).execute()
      return { task, takenOverFrom }
    })
    if (claimed !== 'gave-up') return claimed
  }
}

/** Renews the lease and stores progress. False when the task is no longer this worker's. */
export async function heartbeat(db: Db, taskId: string, workerId: string, leaseMs: number, progress?: { done: number; total: number }): Promise<boolean> {
  const res = await db
    .updateTable('scan_tasks')
    .set({
      lease_until: leaseEnd(leaseMs),
      updated_at: new Date(),
      ...(progress ? { layers_done: progress.done, layers_total: progress.total } : {}),
    })
    .where('id', '=', taskId)
    .where('worker_id', '=', workerId)
    .where('status', '=', 'SCANNING')
    .executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

/** `refund` on RETRYING: the attempt does not count against max_attempts (an upstream throttled it; the image is not at fault). */
type Outcome = { status: 'RETRYING'; delayMs: number; code: string; message: string; refund?: boolean } | { status: 'FAILED'; code: string; message: string } | { status: 'QUEUED' }

/**
 * Ends an attempt without results: RETRYING after a backoff, FAILED, or back to QUEUED
 * (a worker shutting down gives the attempt back). Fenced; false when it was not ours.
 */
export async function endAttempt(db: Db, task: ScanTaskRow, workerId: string, outcome: Outcome): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const now = new Date()
    const common = { lease_until: null, updated_at: now }
    const set =
      outcome.status === 'RETRYING'
        ? { ...common, status: 'RETRYING' as const, run_at: leaseEnd(outcome.delayMs), error_code: outcome.code, error_message: outcome.message, ...(outcome.refund ? { max_attempts: sql<number>`max_attempts + 1` } : {}) }
      : outcome.status === 'FAILED' ? { ...common, status: 'FAILED' as const, finished_at: now, error_code: outcome.code, error_message: outcome.message }
      : { ...common, status: 'QUEUED' as const, run_at: now, worker_id: null, max_attempts: sql<number>`max_attempts + 1` }
    const res = await trx.updateTable('scan_tasks').set(set).where('id', '=', task.id).where('worker_id', '=', workerId).where('status', '=', 'SCANNING').executeTakeFirst()
    if (Number(res.numUpdatedRows) === 0) return false
    await finishAttempt(trx, task, outcome.status === 'QUEUED' ? 'RELEASED' : outcome.status, 'code' in outcome ? outcome : undefined)
    return true
  })
}

const CHUNK = 500

/**
 * Marks the task COMPLETE and writes all its results in one transaction, so a reader
 * sees either nothing or everything. Fenced: false (and nothing written) when the task
 * is no longer this worker's.
 */
export async function completeTask(db: Db, task: ScanTaskRow, workerId: string, engineReport: ImageReport): Promise<boolean> {
  const sas = task.scan_service === 'SAS_SCAN_SERVICE'
  const report = forService(engineReport, sas)
  const summary = summarize(report, sas)
  return db.transaction().execute(async (trx) => {
    const now = new Date()
    const res = await trx
      .updateTable('scan_tasks')
      .set({
        status: 'COMPLETE',
        finished_at: now,
        updated_at: now,
        lease_until: null,
        error_code: null,
        error_message: null,
        layers_total: report.layers.length,
        layers_done: report.layers.length,
        summary: JSON.stringify(summary),
      })
      .where('id', '=', task.id)
      .where('worker_id', '=', workerId)
      .where('status', '=', 'SCANNING')
      .executeTakeFirst()
    if (Number(res.numUpdatedRows) === 0) return false
    const task_id = task.id
    await trx.insertInto('scan_reports').values({ task_id, report: JSON.stringify(report), created_at: now }).execute()
    for (const rows of chunks(vulnerabilityRows(report), CHUNK)) {
      await trx
        .insertInto('scan_vulnerabilities')
        .values(rows.map((r) => ({ ...r, task_id, item: JSON.stringify(r.item) })))
        .execute()
    }
    const components = report.components.map((c) => ({
      task_id,
      component_id: c.componentId,
      name: c.name,
      version: c.version,
      format: c.format,
      source: c.source,
      layer_index: c.layerIndex,
      purl: c.purl,
      component: JSON.stringify(c),
    }))
    for (const rows of chunks(components, CHUNK)) await trx.insertInto('scan_components').values(rows).execute()
    for (const rows of chunks(baselineRows(report.baseline), CHUNK)) {
      await trx
        .insertInto('scan_baseline')
        .values(rows.map((r) => ({ ...r, task_id, finding: JSON.stringify(r.finding) })))
        .execute()
    }
    for (const rows of chunks(maliciousRows(report.maliciousFiles), CHUNK)) {
      await trx
        .insertInto('scan_malicious')
        .values(rows.map((r) => ({ ...r, task_id, finding: JSON.stringify(r.finding) })))
        .execute()
    }
    await finishAttempt(trx, task, 'COMPLETE')
    return true
  })
}

async function finishAttempt(trx: Transaction<Database>, task: ScanTaskRow, outcome: 'COMPLETE' | 'FAILED' | 'RETRYING' | 'RELEASED', error?: { code: string; message: string }) {
  await trx
    .updateTable('scan_task_attempts')
    .set({ outcome, ended_at: new Date(), error_code: error?.code ?? null, error_message: error?.message ?? null })
    .where('task_id', '=', task.id)
    .where('attempt', '=', task.attempts)
    .execute()
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
