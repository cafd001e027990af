import { z } from 'zod'
import { optionalParam, pageQuery, sortOrder } from '@contract/common'
import { listScanComponentQuery } from '@contract/report-overview'
import { booleanParam, listRepoTagScanResultQuery, listScanBaselineByTaskQuery, listScanMaliciousFileByTaskQuery } from '@contract/scans'
import { parseUrlState, pickShape } from '@/hooks/url-state'

/** The report's tabs, in order; the first is the default and stays out of the URL. */
export const REPORT_TABS = ['overview', 'vulnerabilities', 'fixes', 'components', 'sbom', 'layers', 'baseline', 'malicious', 'notes'] as const
export type ReportTab = (typeof REPORT_TABS)[number]

export const reportTabLabel: Record<ReportTab, string> = {
  overview: 'Overview',
  vulnerabilities: 'Vulnerabilities',
  fixes: 'Fix plan',
  components: 'Components',
  sbom: 'SBOM',
  layers: 'Layers',
  baseline: 'Baseline',
  malicious: 'Malicious files',
  notes: 'Notes',
}

/** Prefix of the report's tab and panel element ids (see `tabIds`), so a link can focus the panel it opens. */
export const REPORT_TAB_ID_PREFIX = 'report'

/** `?tab=`: an unknown tab falls back to the first one. */
export const reportTabSchema = z.object({ tab: optionalParam(z.enum(REPORT_TABS)) })

/** The list filters the overview's charts link to, besides severity and fixable. */
export const VULNERABILITY_CHART_FILTERS = [
  'attackVector',
  'attackComplexity',
  'privilegesRequired',
  'userInteraction',
  'scope',
  'confidentialityImpact',
  'integrityImpact',
  'availabilityImpact',
  'accessVector',
  'accessComplexity',
  'authentication',
  'v2ConfidentialityImpact',
  'v2IntegrityImpact',
  'v2AvailabilityImpact',
  'cvssMin',
  'cvssMax',
  'layerIndex',
  'componentId',
] as const satisfies readonly (keyof typeof listRepoTagScanResultQuery.shape)[]
export type VulnerabilityChartFilter = (typeof VULNERABILITY_CHART_FILTERS)[number]

/**
 * The vulnerabilities tab's URL state: the list operation's own filters, sort and paging
 * (the scan is in the path). Parsed by the contract's schemas, so `?severity=high` and
 * `?severity=High,Critical` mean what the server takes them to mean.
 */
export const vulnerabilityUrlSchema = z
  .object(
    pickShape(listRepoTagScanResultQuery.shape, [
      'severity',
      'scanType',
      'vulQueryKey',
      'fixable',
      ...VULNERABILITY_CHART_FILTERS,
      'sortBy',
      'sortOrder',
      'pageNo',
      'pageSize',
    ]),
  )
  // StackRox's includeSnoozed (findings under an approved exception) by the contract's parser, without its
  // default: the state holds it only when the link asks for it, as it does `fixable`.
  .extend({ includeSnoozed: booleanParam })
/** Worst first, as the server sorts when asked for nothing. */
export const vulnerabilityUrlDefaults = { sortBy: 'severity', sortOrder: 'desc' } as const

/**
 * `?group=component`: the vulnerabilities tab's findings grouped under their package. Its own
 * schema, not a key of the list's: the list's state is sent to the server and to exports as is.
 */
export const vulnerabilityGroupSchema = z.object({ group: optionalParam(z.enum(['component'])) })

/** The Components tab: listScanComponent's filters, sort and paging. */
export const componentUrlSchema = z.object(
  pickShape(listScanComponentQuery.shape, ['componentQueryKey', 'source', 'layerIndex', 'vulnerable', 'sortBy', 'sortOrder', 'pageNo', 'pageSize']),
)
export const componentUrlDefaults = { sortBy: 'severity', sortOrder: 'desc' } as const

/** The Layers tab sorts and pages its few rows itself; sort and page are still part of the link. */
export const layerSortBy = z.enum(['index', 'size', 'findings', 'components'])
export type LayerSortBy = z.infer<typeof layerSortBy>
export const layerUrlSchema = pageQuery.extend({ sortBy: optionalParam(layerSortBy), sortOrder: optionalParam(sortOrder) })
export const layerUrlDefaults = { sortBy: 'index', sortOrder: 'asc' } as const

// `category` and `type` are set by the tabs' charts only; the level has a select too.
export const baselineUrlSchema = z.object(pickShape(listScanBaselineByTaskQuery.shape, ['level', 'category', 'pageNo', 'pageSize']))
export const maliciousUrlSchema = z.object(pickShape(listScanMaliciousFileByTaskQuery.shape, ['level', 'type', 'pageNo', 'pageSize']))

/**
 * The tab a query string shows. With no `?tab=`, the Overview, except for links made
 * before it existed: those carried the vulnerabilities' filters without a tab, and
 * still open the vulnerabilities they name.
 *
 * @example
 * currentReportTab(new URLSearchParams('severity=Critical')) // 'vulnerabilities'
 * currentReportTab(new URLSearchParams('')) // 'overview'
 */
export function currentReportTab(params: URLSearchParams): ReportTab {
  const tab = parseUrlState(reportTabSchema, params).tab
  if (tab) return tab
  const vulnerabilityKeys = Object.keys(vulnerabilityUrlSchema.shape)
  return [...params.keys()].some((key) => vulnerabilityKeys.includes(key)) ? 'vulnerabilities' : REPORT_TABS[0]
}

/**
 * A link from a chart element to the tab that lists what it counts: that tab's own URL
 * state with the element's filter, page-wide keys kept as a tab change keeps them.
 *
 * @example
 * searchForFilter(new URLSearchParams('embed=1'), 'vulnerabilities', { attackVector: 'NETWORK' }).toString()
 * // 'embed=1&tab=vulnerabilities&attackVector=NETWORK'
 */
export function searchForFilter(current: URLSearchParams, tab: ReportTab, filters: Readonly<Record<string, string | number | boolean>>): URLSearchParams {
  const next = searchForTab(current, tab)
  for (const [key, value] of Object.entries(filters)) next.set(key, String(value))
  return next
}

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
