import type { ImageReport } from '@contract/findings'
import type { Db } from '../db/database'
import { toCycloneDx } from '../engine/sbom/cyclonedx'
import { formatSarif } from '../engine/report/format-sarif'
import { ApiError } from '../errors'
import type { ScanTaskRow } from '../scans/scan-queue'
import { resolveTask } from '../scans/scan-store'

export interface ScanDocument {
  task: ScanTaskRow
  body: string
}

/**
 * The engine's report as the scan stored it. Every COMPLETE task keeps one, SBOM-only
 * tasks included (their findings are empty), so the documents below need no rescan.
 */
async function storedReport(db: Db, scanTaskId: string): Promise<{ task: ScanTaskRow; report: ImageReport }> {
  const task = await resolveTask(db, { scanTaskId }, 'complete')
  const row = await db.selectFrom('scan_reports').select('report').where('task_id', '=', task.id).executeTakeFirst()
  if (!row) throw new ApiError('INTERNAL_ERROR', `Scan task ${task.id} is COMPLETE but its report is missing.`)
  // Stored as the lists show it: an ACR_SCAN_SERVICE report already has no baseline or malicious files.
  return { task, report: row.report as ImageReport }
}

/** The image's CycloneDX 1.6 SBOM, with the scan's vulnerabilities when asked (a VDR). */
export async function scanSbom(db: Db, q: { scanTaskId: string; withVulnerabilities?: boolean | undefined }, toolVersion: string): Promise<ScanDocument> {
  const { task, report } = await storedReport(db, q.scanTaskId)
  return { task, body: toCycloneDx(report, { withVulnerabilities: q.withVulnerabilities ?? false, toolVersion }) }
}

/** The scan's vulnerabilities as SARIF 2.1.0. */
export async function scanSarif(db: Db, q: { scanTaskId: string }, toolVersion: string): Promise<ScanDocument> {
  const { task, report } = await storedReport(db, q.scanTaskId)
  return { task, body: formatSarif(report, { toolVersion }) }
}
