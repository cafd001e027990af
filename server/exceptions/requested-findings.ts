import { sql } from 'kysely'
import type { FindingRef } from '@contract/exceptions'
import type { ImageReport } from '@contract/findings'
import type { VulnerabilityItem } from '@contract/scans'
import type { Db } from '../db/database'
import { packageQuery } from '../engine/match/component-query'
import { ApiError } from '../errors'
import type { ScanTaskRow } from '../scans/scan-queue'
import { resolveVulnerabilityTask } from '../scans/scan-store'
import type { AdvisoryPackage } from './fix-availability'

/** A requested finding as the scan recorded it, with what the advisory store calls its package. */
export interface ResolvedFinding {
  cveName: string
  componentId: string
  packageName: string
  packageVersion: string
  packageFormat: string
  versionFixed: string
  /** Null when the package cannot be looked up (no OSV ecosystem for it). */
  advisoryPackage: AdvisoryPackage | null
}

/**
 * The COMPLETE vulnerability scan and, for each requested finding, its row in the scan's
 * results (cveName in any case, componentId exactly). A finding the scan does not have is
 * FINDING_NOT_EXIST, naming every missing one, so nothing is written for a half-valid
 * selection.
 */
export async function resolveFindings(db: Db, scanTaskId: string, refs: readonly FindingRef[]): Promise<{ task: ScanTaskRow; findings: ResolvedFinding[] }> {
  const task = await resolveVulnerabilityTask(db, { scanTaskId }, 'complete')
  const names = [...new Set(refs.map((r) => r.cveName.toUpperCase()))]
  const rows = await db
    .selectFrom('scan_vulnerabilities')
    .select(['cve_name', 'item'])
    .where('task_id', '=', task.id)
    .where(sql<string>`upper(cve_name)`, 'in', names)
    .execute()
  const report = await db.selectFrom('scan_reports').select('report').where('task_id', '=', task.id).executeTakeFirst()
  const image = report?.report as ImageReport | undefined
  const components = new Map((image?.components ?? []).map((c) => [c.componentId, c]))

  const found: ResolvedFinding[] = []
  const missing: Record<string, string[]> = {}
  refs.forEach((ref, i) => {
    const row = rows.find((r) => r.cve_name.toUpperCase() === ref.cveName.toUpperCase() && (r.item as VulnerabilityItem).componentId === ref.componentId)
    if (!row) {
      missing[`findings.${i}`] = [`scan ${task.id} has no finding ${ref.cveName} in component ${ref.componentId}`]
      return
    }
    const item = row.item as VulnerabilityItem
    const component = components.get(item.componentId)
    const query = component ? packageQuery(component, image?.os ?? null) : undefined
    found.push({
      cveName: row.cve_name,
      componentId: item.componentId,
      packageName: item.feature,
      packageVersion: item.version,
      packageFormat: item.versionFormat,
      versionFixed: item.versionFixed,
      advisoryPackage: query && 'ecosystem' in query ? query : null,
    })
  })
  const missed = Object.keys(missing)
  if (missed.length) {
    const first = Object.values(missing)[0]?.[0] ?? ''
    throw new ApiError('FINDING_NOT_EXIST', missed.length === 1 ? `The ${first}.` : `${missed.length} of the findings are not in the scan; the first: ${first}.`, missing)
  }
  return { task, findings: found }
}
