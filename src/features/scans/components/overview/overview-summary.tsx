import type { SeverityCounts } from '@contract/scans'
import { cn } from '@/lib/cn'
import { formatCount, plural } from '@/lib/format'
import { barName, severityBars, type FilterBar } from '../../lib/overview-charts'
import { describeSeverityCounts } from '../../lib/severity'
import { severityChartConfig } from '../../lib/severity-chart'
import { FilterBarChart } from './filter-bar-chart'
import { FilterLink } from './filter-link'

export interface OverviewSummaryProps {
  counts: SeverityCounts
}

const fixableBar: Pick<FilterBar, 'tab' | 'filters'> = { tab: 'vulnerabilities', filters: { fixable: true } }

/** The counts as cards (each opens its list) beside the severity distribution. */
export function OverviewSummary({ counts }: OverviewSummaryProps) {
  const bars = severityBars(counts)
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
      <dl className="grid grid-cols-2 content-start gap-2 sm:grid-cols-3">
        {bars.map((bar) => (
          <Card key={bar.key} term={bar.label} color={bar.color} count={bar.count} bar={bar} name={barName(bar)} />
        ))}
        <Card
          term="Fixable"
          count={counts.fixableCount}
          bar={fixableBar}
          name={`Fixable: ${formatCount(counts.fixableCount)} of ${formatCount(counts.totalSeverity)} ${plural(counts.totalSeverity, 'finding', 'findings')}, filter`}
          suffix={`of ${formatCount(counts.totalSeverity)}`}
        />
      </dl>
      <FilterBarChart
        title="Severity distribution"
        bars={bars}
        legend={severityChartConfig}
        height={150}
        summary={`Severity distribution: ${describeSeverityCounts(counts)}.`}
      />
    </div>
  )
}

interface CardProps {
  term: string
  count: number
  bar: Pick<FilterBar, 'tab' | 'filters'>
  name: string
  color?: string
  suffix?: string
}

function Card({ term, count, bar, name, color, suffix }: CardProps) {
  return (
    <div className="rounded-md border border-line px-2.5 py-2">
      <dt className="flex items-center gap-1.5 text-xs text-fg-muted">
        {color ? <span aria-hidden="true" className="size-2 rounded-sm" style={{ background: color }} /> : null}
        {term}
      </dt>
      <dd className="flex items-baseline gap-1.5">
        {count > 0 ? (
          <FilterLink bar={bar} name={name} className="text-xl font-semibold tabular-nums text-accent underline-offset-2 hover:underline">
            {formatCount(count)}
          </FilterLink>
        ) : (
          <span className={cn('text-xl font-semibold tabular-nums text-fg-muted')}>0</span>
        )}
        {suffix ? <span className="text-xs text-fg-muted">{suffix}</span> : null}
      </dd>
    </div>
  )
}
