import type { ScanTaskType } from '@contract/scans'
import { currentReportTab, REPORT_TABS, searchForTab, type ReportTab } from './report-url-state'

/** The tabs that read vulnerability results, which an SBOM scan (an inventory, matched against nothing) does not have. */
const VULNERABILITY_TABS: ReadonlySet<ReportTab> = new Set(['overview', 'vulnerabilities', 'fixes', 'baseline', 'malicious'])

/**
 * Why a tab has nothing to show for this kind of scan, or null when it has. The server
 * answers PARAM_INVALID to an SBOM task's vulnerability operations; the tab says why instead.
 *
 * @example
 * unavailableReason('vulnerabilities', 'SBOM') // 'This is an SBOM scan: …'
 * unavailableReason('components', 'SBOM') // null
 */
export function unavailableReason(tab: ReportTab, scanType: ScanTaskType): string | null {
  if (scanType !== 'SBOM' || !VULNERABILITY_TABS.has(tab)) return null
  return 'This is an SBOM scan: it lists the image’s packages and matched none of them against advisories, so it has no vulnerabilities, fixes, baseline risks or malicious files. Run a vulnerability scan of this tag to see them.'
}

/** The tab a report opens on: the Overview, or the SBOM for an SBOM scan, which has no overview. */
export const defaultReportTab = (scanType: ScanTaskType): ReportTab => (scanType === 'SBOM' ? 'sbom' : REPORT_TABS[0])

/**
 * The tab a query string shows for this kind of scan: as `currentReportTab`, except that an
 * SBOM scan without `?tab=` opens its SBOM.
 *
 * @example
 * reportTabFor(new URLSearchParams(''), 'SBOM') // 'sbom'
 * reportTabFor(new URLSearchParams('tab=layers'), 'SBOM') // 'layers'
 */
export function reportTabFor(params: URLSearchParams, scanType: ScanTaskType): ReportTab {
  if (scanType === 'SBOM' && !params.has('tab')) return 'sbom'
  return currentReportTab(params)
}

/**
 * `searchForTab` with the scan's own default tab left out of the URL (and the Overview
 * spelled out for an SBOM scan, whose bare URL opens the SBOM).
 *
 * @example
 * searchForReportTab(new URLSearchParams('tab=layers'), 'sbom', 'SBOM').toString() // ''
 * searchForReportTab(new URLSearchParams(''), 'overview', 'SBOM').toString() // 'tab=overview'
 */
export function searchForReportTab(current: URLSearchParams, tab: ReportTab, scanType: ScanTaskType): URLSearchParams {
  const next = searchForTab(current, tab)
  if (scanType !== 'SBOM') return next
  if (tab === 'sbom') next.delete('tab')
  else next.set('tab', tab)
  return next
}
