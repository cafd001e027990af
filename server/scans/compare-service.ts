import type { CompareScansQuery, ComparedScan, ScanComparison } from '@contract/compare'
import type { VulnerabilityItem } from '@contract/scans'
import type { Db } from '../db/database'
import { diffVulnerabilities } from './compare'
import type { ScanTaskRow } from './scan-queue'
import { assertNotSbomTask, resolveTask } from './scan-store'

async function rowsOf(db: Db, taskId: string): Promise<VulnerabilityItem[]> {
  const rows = await db.selectFrom('scan_vulnerabilities').select('item').where('task_id', '=', taskId).orderBy('id').execute()
  return rows.map((r) => r.item as VulnerabilityItem)
}

const described = (t: ScanTaskRow): ComparedScan => ({
  scanTaskId: t.id,
  repoId: t.repo_id,
  repository: t.repository,
  tag: t.tag,
  digest: t.digest,
  scanTime: new Date(t.finished_at ?? t.updated_at).getTime(),
})

/**
 * compareScans: this scan against another of the same instance, given by task, or by a
 * tag or digest of this scan's repository (its newest COMPLETE scan, as results by tag are).
 */
export async function compareScans(db: Db, q: CompareScansQuery): Promise<ScanComparison> {
  await assertNotSbomTask(db, q)
  const head = await resolveTask(db, { scanTaskId: q.scanTaskId }, 'complete')
  const base = q.baseScanTaskId
    ? await resolveTask(db, { scanTaskId: q.baseScanTaskId, instanceId: head.instance_id }, 'complete')
    : await resolveTask(db, { instanceId: head.instance_id, repoId: head.repo_id, tag: q.baseTag ?? head.tag, digest: q.baseDigest }, 'complete')
  await assertNotSbomTask(db, { scanTaskId: base.id })
  const [headRows, baseRows] = await Promise.all([rowsOf(db, head.id), rowsOf(db, base.id)])
  return { head: described(head), base: described(base), ...diffVulnerabilities(headRows, baseRows) }
}
