import { z } from 'zod'
import { optionalParam } from '@contract/common'
import { listRepoTagScanResultQuery, listScanBaselineByTaskQuery, listScanMaliciousFileByTaskQuery } from '@contract/scans'
import { pickShape } from '@/hooks/url-state'

/** The report's tabs, in order; the first is the default and stays out of the URL. */
export const REPORT_TABS = ['vulnerabilities', 'baseline', 'malicious', 'notes'] as const
export type ReportTab = (typeof REPORT_TABS)[number]

export const reportTabLabel: Record<ReportTab, string> = {
  vulnerabilities: 'Vulnerabilities',
  baseline: 'Baseline',
  malicious: 'Malicious files',
  notes: 'Notes',
}

/** `?tab=`: an unknown tab falls back to the first one. */
export const reportTabSchema = z.object({ tab: optionalParam(z.enum(REPORT_TABS)) })

/**
 * The vulnerabilities tab's URL state: the list operation's own filters, sort and paging
 * (the scan is in the path). Parsed by the contract's schemas, so `?severity=high` and
 * `?severity=High,Critical` mean what the server takes them to mean.
 */
export const vulnerabilityUrlSchema = z.object(
  pickShape(listRepoTagScanResultQuery.shape, ['severity', 'scanType', 'vulQueryKey', 'sortBy', 'sortOrder', 'pageNo', 'pageSize']),
)
/** Worst first, as the server sorts when asked for nothing. */
export const vulnerabilityUrlDefaults = { sortBy: 'severity', sortOrder: 'desc' } as const

export const baselineUrlSchema = z.object(pickShape(listScanBaselineByTaskQuery.shape, ['level', 'pageNo', 'pageSize']))
export const maliciousUrlSchema = z.object(pickShape(listScanMaliciousFileByTaskQuery.shape, ['level', 'pageNo', 'pageSize']))

/** Query-string keys that belong to the page, not to a tab, and survive a tab change. */
const PAGE_KEYS = ['embed']

/**
 * The query string of another tab: each tab starts unfiltered on its first page (the
 * tabs share key names such as `pageNo` and `level`), while page-wide keys are kept.
 *
 * @example
 * searchForTab(new URLSearchParams('embed=1&severity=High&pageNo=2'), 'baseline').toString() // 'embed=1&tab=baseline'
 */
export function searchForTab(current: URLSearchParams, tab: ReportTab): URLSearchParams {
  const next = new URLSearchParams()
  for (const key of PAGE_KEYS) for (const value of current.getAll(key)) next.append(key, value)
  if (tab !== REPORT_TABS[0]) next.set('tab', tab)
  return next
}
