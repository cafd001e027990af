import type { Severity } from '@contract/findings'
import type { SeverityCounts } from '@contract/scans'
import { severityBuckets, severityColor } from './severity'

export interface SeverityBar {
  severity: Severity
  count: number
  color: string
}

/**
 * The severity distribution chart's bars: one per severity, worst first, zeros kept so
 * every report's chart has the same five columns.
 *
 * @example
 * severityChartData(counts)[0] // { severity: 'Critical', count: 3, color: 'var(--severity-critical)' }
 */
export function severityChartData(counts: SeverityCounts): SeverityBar[] {
  return severityBuckets(counts).map((b) => ({ ...b, color: severityColor[b.severity] }))
}

/** The chart's legend: severity → label and colour. */
export const severityChartConfig = Object.fromEntries(
  (['Critical', 'High', 'Medium', 'Low', 'Unknown'] as const).map((s) => [s, { label: s, color: severityColor[s] }]),
) as Record<Severity, { label: string; color: string }>
