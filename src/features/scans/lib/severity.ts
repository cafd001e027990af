import type { Severity } from '@contract/findings'
import type { SeverityCounts } from '@contract/scans'

/** Worst first, as every list and chart orders them. */
export const SEVERITY_ORDER: readonly Severity[] = ['Critical', 'High', 'Medium', 'Low', 'Unknown']

const countKey: Record<Severity, keyof SeverityCounts> = {
  Critical: 'criticalSeverity',
  High: 'highSeverity',
  Medium: 'mediumSeverity',
  Low: 'lowSeverity',
  Unknown: 'unknownSeverity',
}

/** The CSS variable of a severity's colour (styles.css defines them once for both themes). */
export const severityColor: Record<Severity, string> = {
  Critical: 'var(--severity-critical)',
  High: 'var(--severity-high)',
  Medium: 'var(--severity-medium)',
  Low: 'var(--severity-low)',
  Unknown: 'var(--severity-unknown)',
}

export interface SeverityCount {
  severity: Severity
  count: number
}

/**
 * The five buckets of a scan's counts, worst first: what the severity chart draws and
 * the count chips list.
 *
 * @example
 * severityBuckets({ criticalSeverity: 1, highSeverity: 2, … })
 * // [{ severity: 'Critical', count: 1 }, { severity: 'High', count: 2 }, …]
 */
export function severityBuckets(counts: SeverityCounts): SeverityCount[] {
  return SEVERITY_ORDER.map((severity) => ({ severity, count: counts[countKey[severity]] }))
}

/**
 * The counts in words, for screen readers and tooltips; buckets at zero are left out.
 *
 * @example
 * describeSeverityCounts({ totalSeverity: 3, criticalSeverity: 1, highSeverity: 2, … }) // '1 critical, 2 high'
 */
export function describeSeverityCounts(counts: SeverityCounts): string {
  if (counts.totalSeverity === 0) return 'No vulnerabilities'
  return severityBuckets(counts)
    .filter((b) => b.count > 0)
    .map((b) => `${b.count} ${b.severity.toLowerCase()}`)
    .join(', ')
}
