import type { ImageReportView } from '@contract/scans'

type AdvisoryDb = ImageReportView['advisoryDb']

/** Advisories older than this at scan time are flagged: new CVEs may be missing from the report. */
export const ADVISORY_DB_STALE_DAYS = 7

/**
 * How old the advisory database was when the scan ran, in words, and whether that is
 * old enough to distrust a clean result.
 *
 * @example
 * describeAdvisoryAge({ recordCount: 45, importedAt: 1, newestModified: null, ageDays: 0 }) // { text: 'Imported the day of the scan', stale: false }
 */
export function describeAdvisoryAge(db: AdvisoryDb): { text: string; stale: boolean } {
  if (db.importedAt === null || db.ageDays === null || db.recordCount === 0) return { text: 'No advisories imported', stale: true }
  const days = db.ageDays
  const text = days === 0 ? 'Imported the day of the scan' : `Imported ${days} ${days === 1 ? 'day' : 'days'} before the scan`
  return { text, stale: days > ADVISORY_DB_STALE_DAYS }
}
