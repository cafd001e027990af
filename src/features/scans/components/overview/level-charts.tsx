import type { ScanOverview } from '@contract/report-overview'
import { baselineBars, maliciousBars, type FilterBar } from '../../lib/overview-charts'
import { FilterBarChart } from './filter-bar-chart'

export interface LevelChartsProps {
  baseline: ScanOverview['baselineCounts']
  malicious: ScanOverview['maliciousCounts']
}

/** Each level is its own series: the legend names the colours the bars use. */
const legendOf = (bars: readonly FilterBar[]) => Object.fromEntries(bars.map((b) => [b.key, { label: b.label, color: b.color }]))

/** Baseline risks and malicious files by level; a vulnerability-only scan checked neither. */
export function LevelCharts({ baseline, malicious }: LevelChartsProps) {
  if (!baseline || !malicious) {
    return (
      <p className="text-sm text-fg-muted">
        Not checked: this scan looked for vulnerabilities only. Scan the tag with baseline and malicious files to check its configuration and files.
      </p>
    )
  }
  const risks = baselineBars(baseline)
  const files = maliciousBars(malicious)
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <FilterBarChart title="Baseline risks by level" bars={risks} legend={legendOf(risks)} noun={['risk', 'risks']} layout="rows" />
      <FilterBarChart title="Malicious files by level" bars={files} legend={legendOf(files)} noun={['file', 'files']} layout="rows" />
    </div>
  )
}
