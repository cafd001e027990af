import type { Severity } from '@contract/findings'
import type { LayerFindings, ScanOverview } from '@contract/report-overview'
import type { CvssFilterParam, SeverityCounts } from '@contract/scans'
import { formatCount, plural } from '@/lib/format'
import { humanizeEnum } from './cvss'
import type { ReportTab } from './report-url-state'
import { severityBuckets, severityColor } from './severity'

/**
 * What the overview's charts draw: bars that each know the list they count, so a click
 * (or the bar's button) opens that list filtered. Pure, so the numbers and names the
 * charts show are tested apart from Recharts.
 */

export interface FilterBar {
  /** Unique within its chart; the Recharts category. */
  key: string
  /** The axis label: "Network", "7–7.9", "Layer 3". */
  label: string
  count: number
  color: string
  /** The chart's title, for the accessible name: "Attack vector". */
  chart: string
  /** Where the bar leads: the tab and the filters that list exactly its `count` rows. */
  tab: ReportTab
  filters: Readonly<Record<string, string | number | boolean>>
  /** Extra words for the accessible name, e.g. a layer's instruction. */
  detail?: string | undefined
}

/** The same colour for every bar of a chart whose categories are not severities. */
export const NEUTRAL_BAR = 'var(--ls-accent)'

/** Chart titles of the CVSS metric filters (the v2 ones say so: both versions have C/I/A). */
export const cvssFilterLabel: Record<CvssFilterParam, string> = {
  attackVector: 'Attack vector',
  attackComplexity: 'Attack complexity',
  privilegesRequired: 'Privileges required',
  userInteraction: 'User interaction',
  scope: 'Scope',
  confidentialityImpact: 'Confidentiality impact',
  integrityImpact: 'Integrity impact',
  availabilityImpact: 'Availability impact',
  accessVector: 'Access vector (v2)',
  accessComplexity: 'Access complexity (v2)',
  authentication: 'Authentication (v2)',
  v2ConfidentialityImpact: 'Confidentiality impact (v2)',
  v2IntegrityImpact: 'Integrity impact (v2)',
  v2AvailabilityImpact: 'Availability impact (v2)',
}

/**
 * The accessible name of a bar's button.
 *
 * @example
 * barName({ chart: 'Attack vector', label: 'Network', count: 12, … }) // 'Attack vector: Network, 12 findings, filter'
 */
export function barName(bar: Pick<FilterBar, 'chart' | 'label' | 'count' | 'detail'>, noun: readonly [string, string] = ['finding', 'findings']): string {
  const detail = bar.detail ? ` (${bar.detail})` : ''
  return `${bar.chart}: ${bar.label}${detail}, ${formatCount(bar.count)} ${plural(bar.count, noun[0], noun[1])}, filter`
}

/** The five severities, worst first; each opens the vulnerabilities of that severity. */
export function severityBars(counts: SeverityCounts): FilterBar[] {
  return severityBuckets(counts).map((b) => ({
    key: b.severity,
    label: b.severity,
    count: b.count,
    color: severityColor[b.severity],
    chart: 'Severity',
    tab: 'vulnerabilities',
    filters: { severity: b.severity },
  }))
}

/**
 * One CVSS metric's values, in the vector model's order.
 *
 * @example
 * metricBars({ param: 'attackVector', values: [{ value: 'NETWORK', count: 12 }] })[0]
 * // { key: 'NETWORK', label: 'Network', count: 12, filters: { attackVector: 'NETWORK' }, … }
 */
export function metricBars(metric: { param: CvssFilterParam; values: readonly { value: string; count: number }[] }): FilterBar[] {
  return metric.values.map((v) => ({
    key: v.value,
    label: humanizeEnum(v.value),
    count: v.count,
    color: NEUTRAL_BAR,
    chart: cvssFilterLabel[metric.param],
    tab: 'vulnerabilities',
    filters: { [metric.param]: v.value },
  }))
}

/** The severity a base score falls in (CVSS v3 bands), for the histogram's colours. */
function bandOf(score: number): Severity {
  if (score >= 9) return 'Critical'
  if (score >= 7) return 'High'
  if (score >= 4) return 'Medium'
  return 'Low'
}

/** Ten bins of 1.0; each opens the vulnerabilities whose score is in it. */
export function histogramBars(bins: ScanOverview['scoreHistogram']['bins']): FilterBar[] {
  return bins.map((b) => ({
    key: String(b.min),
    label: `${b.min}–${b.max}`,
    count: b.count,
    color: severityColor[bandOf(b.min)],
    chart: 'CVSS score',
    tab: 'vulnerabilities',
    filters: { cvssMin: b.min, cvssMax: b.max },
  }))
}

/** Every layer, bottom first; each opens the vulnerabilities of the packages it added. */
export function layerBars(layers: readonly LayerFindings[]): FilterBar[] {
  return layers.map((l) => ({
    key: String(l.index),
    label: `Layer ${l.index}`,
    count: l.counts.totalSeverity,
    color: NEUTRAL_BAR,
    chart: 'Findings per layer',
    tab: 'vulnerabilities',
    filters: { layerIndex: l.index },
    detail: l.instruction ?? undefined,
  }))
}

/** Baseline risks by level, high first; each opens the baseline tab at that level. */
export function baselineBars(counts: NonNullable<ScanOverview['baselineCounts']>): FilterBar[] {
  const levels = [
    ['High', counts.high, severityColor.High],
    ['Medium', counts.medium, severityColor.Medium],
    ['Low', counts.low, severityColor.Low],
  ] as const
  return levels.map(([level, count, color]) => ({ key: level, label: level, count, color, chart: 'Baseline risks', tab: 'baseline', filters: { level } }))
}

/** Malicious files by level, serious first; each opens the malicious-files tab at that level. */
export function maliciousBars(counts: NonNullable<ScanOverview['maliciousCounts']>): FilterBar[] {
  const levels = [
    ['serious', 'Serious', counts.serious, severityColor.Critical],
    ['suspicious', 'Suspicious', counts.suspicious, severityColor.Medium],
    ['remind', 'Remind', counts.remind, severityColor.Low],
  ] as const
  return levels.map(([level, label, count, color]) => ({ key: level, label, count, color, chart: 'Malicious files', tab: 'malicious', filters: { level } }))
}

/**
 * A chart's data in words, for its screen-reader summary; zero bars are left out.
 *
 * @example
 * describeBars('Attack vector', bars) // 'Attack vector: Network 12, Local 2.'
 */
export function describeBars(title: string, bars: readonly FilterBar[]): string {
  const shown = bars.filter((b) => b.count > 0)
  if (shown.length === 0) return `${title}: none.`
  return `${title}: ${shown.map((b) => `${b.label} ${formatCount(b.count)}`).join(', ')}.`
}

/**
 * The fix headline: "Upgrade 2 packages to remove 3 critical vulnerabilities".
 *
 * @example
 * fixHeadline({ criticalComponentCount: 0, criticalFindingCount: 0, componentCount: 6, findingCount: 24 })
 * // 'Upgrade 6 packages to fix 24 vulnerabilities'
 */
export function fixHeadline(f: Pick<ScanOverview['fixable'], 'componentCount' | 'findingCount' | 'criticalComponentCount' | 'criticalFindingCount'>): string {
  if (f.criticalFindingCount > 0) {
    return `Upgrade ${formatCount(f.criticalComponentCount)} ${plural(f.criticalComponentCount, 'package', 'packages')} to remove ${formatCount(f.criticalFindingCount)} critical ${plural(f.criticalFindingCount, 'vulnerability', 'vulnerabilities')}`
  }
  if (f.findingCount > 0) {
    return `Upgrade ${formatCount(f.componentCount)} ${plural(f.componentCount, 'package', 'packages')} to fix ${formatCount(f.findingCount)} ${plural(f.findingCount, 'vulnerability', 'vulnerabilities')}`
  }
  return 'No vulnerability of this scan has a fix yet'
}
