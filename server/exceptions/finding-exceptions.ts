import type { FindingExceptions, VulnExceptionStatus } from '@contract/exceptions'
import type { Db } from '../db/database'
import { covers, effectiveState, type FindingKey } from './effective-state'
import { exceptionsForImage, getHistory, toApproved, toVulnException } from './exception-store'
import { resolveFindings } from './requested-findings'

const EVERY_STATUS: readonly VulnExceptionStatus[] = ['PENDING', 'APPROVED', 'DENIED', 'WITHDRAWN', 'EXPIRED']

/**
 * What the report's expanded row shows of a finding: its state now, and every exception
 * ever asked for it, each with its steps. Coverage is decided by the same `covers` the
 * lists and counts use, so the row can never disagree with them about which exception
 * applies. A finding the scan does not have is FINDING_NOT_EXIST.
 *
 * @example
 * const f = await findingExceptions(db, { scanTaskId, cveName: 'CVE-2021-44228', componentId }, new Date())
 * f.state // 'DEFERRED'; f.items[0].history.map((e) => e.action) // ['REQUESTED', 'APPROVED']
 */
export async function findingExceptions(db: Db, q: { scanTaskId: string; cveName: string; componentId: string }, now: Date): Promise<FindingExceptions> {
  const { task, findings } = await resolveFindings(db, q.scanTaskId, [{ cveName: q.cveName, componentId: q.componentId }])
  const [finding] = findings
  if (!finding) throw new Error('resolveFindings answers each finding it was asked for or throws')
  const image = { instanceId: task.instance_id, repoId: task.repo_id, digest: task.digest }
  const key: FindingKey = { ...image, cveName: finding.cveName, packageName: finding.packageName, packageVersion: finding.packageVersion, packageFormat: finding.packageFormat }
  const covering = (await exceptionsForImage(db, image, EVERY_STATUS)).filter((row) => covers(toApproved(row), key))
  const state = effectiveState(key, covering.filter((row) => row.status === 'APPROVED').map(toApproved), now.getTime())
  const items = await Promise.all(covering.map(async (row) => ({ ...toVulnException(row), history: await getHistory(db, row) })))
  return {
    scanTaskId: task.id,
    cveName: finding.cveName,
    componentId: finding.componentId,
    feature: finding.packageName,
    version: finding.packageVersion,
    ...state,
    pendingExceptionIds: covering.filter((row) => row.status === 'PENDING').map((row) => row.id),
    items: items.sort((a, b) => b.requestTime - a.requestTime),
  }
}
