import type { ImageReport } from '@contract/findings'
import type { ScanFixPlan } from '@contract/fix-plan'
import type { VulnerabilityItem } from '@contract/scans'
import type { Db } from '../db/database'
import { buildFixPlan } from './fix-plan'
import { resolveTask } from './scan-store'

/** getScanFixPlan: the plan of a COMPLETE scan, from its stored rows and its layers' history. */
export async function getScanFixPlan(db: Db, q: { scanTaskId: string }): Promise<ScanFixPlan> {
  const task = await resolveTask(db, { scanTaskId: q.scanTaskId }, 'complete')
  const [rows, stored] = await Promise.all([
    db.selectFrom('scan_vulnerabilities').select('item').where('task_id', '=', task.id).orderBy('id').execute(),
    db.selectFrom('scan_reports').select('report').where('task_id', '=', task.id).executeTakeFirst(),
  ])
  const layers = ((stored?.report as ImageReport | undefined)?.layers ?? []).map((l) => ({ index: l.index, createdBy: l.createdBy ?? null }))
  return buildFixPlan({ scanTaskId: task.id, digest: task.digest, rows: rows.map((r) => r.item as VulnerabilityItem), layers })
}
