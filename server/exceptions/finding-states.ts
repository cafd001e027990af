import type { listVulnFindingStateQuery, VulnerabilityState } from '@contract/exceptions'
import type { VulnerabilityItem } from '@contract/scans'
import type { z } from 'zod'
import type { Db } from '../db/database'
import { assertNotSbomTask, resolveTask } from '../scans/scan-store'
import { covers, effectiveState, type EffectiveState, type FindingKey } from './effective-state'
import { exceptionsForImage, toApproved } from './exception-store'

export interface FindingWithState extends EffectiveState {
  cveName: string
  componentId: string
  feature: string
  version: string
  pendingExceptionIds: string[]
}

/**
 * Every finding of a COMPLETE vulnerability scan with its state, in the scan's row order.
 * This is the join the report needs: the summary and the lists leave out `suppressed`
 * findings unless asked to include snoozed ones.
 *
 * @example
 * const { findings } = await scanFindingStates(db, scanTaskId, new Date())
 * findings.filter((f) => !f.suppressed).length // what the summary counts without includeSnoozed
 */
export async function scanFindingStates(db: Db, scanTaskId: string, now: Date): Promise<{ scanTaskId: string; digest: string; findings: FindingWithState[] }> {
  await assertNotSbomTask(db, { scanTaskId })
  const task = await resolveTask(db, { scanTaskId }, 'complete')
  const image = { instanceId: task.instance_id, repoId: task.repo_id, digest: task.digest }
  const open = await exceptionsForImage(db, image, ['APPROVED', 'PENDING'])
  const approved = open.filter((e) => e.status === 'APPROVED').map(toApproved)
  const pending = open.filter((e) => e.status === 'PENDING').map(toApproved)
  const rows = await db.selectFrom('scan_vulnerabilities').select(['cve_name', 'item']).where('task_id', '=', task.id).orderBy('id').execute()
  const findings = rows.map((row): FindingWithState => {
    const item = row.item as VulnerabilityItem
    const key: FindingKey = { ...image, cveName: row.cve_name, packageName: item.feature, packageVersion: item.version, packageFormat: item.versionFormat }
    return {
      cveName: row.cve_name,
      componentId: item.componentId,
      feature: item.feature,
      version: item.version,
      ...effectiveState(key, approved, now.getTime()),
      pendingExceptionIds: pending.filter((p) => covers(p, key)).map((p) => p.exceptionId),
    }
  })
  return { scanTaskId: task.id, digest: task.digest, findings }
}

/** The operation's page of it, optionally only some states. */
export async function listFindingStates(db: Db, q: z.output<typeof listVulnFindingStateQuery>, now: Date) {
  const { scanTaskId, digest, findings } = await scanFindingStates(db, q.scanTaskId, now)
  const wanted: readonly VulnerabilityState[] | undefined = q.state
  const matching = wanted ? findings.filter((f) => wanted.includes(f.state)) : findings
  const start = (q.pageNo - 1) * q.pageSize
  return { items: matching.slice(start, start + q.pageSize), totalCount: matching.length, pageNo: q.pageNo, pageSize: q.pageSize, scanTaskId, digest }
}

/** The key findingStatesByKey answers by: a scan row's CVE and its package's componentId. */
export const findingKey = (cveName: string, componentId: string) => `${cveName}\u0000${componentId}`

/**
 * Every finding's state by {@link findingKey}, for the result lists and the summary to
 * join: leave out `suppressed` findings unless includeSnoozed, and answer each row's
 * state, suppressed, suppressActivation and suppressExpiry.
 *
 * @example
 * const states = await findingStatesByKey(db, task.id, new Date())
 * const hidden = [...states].filter(([, s]) => s.suppressed).map(([key]) => key)
 */
export async function findingStatesByKey(db: Db, scanTaskId: string, now: Date): Promise<Map<string, FindingWithState>> {
  const { findings } = await scanFindingStates(db, scanTaskId, now)
  return new Map(findings.map((f) => [findingKey(f.cveName, f.componentId), f]))
}
