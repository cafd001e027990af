import type { ScanOverview } from '@contract/report-overview'
import { formatCount, plural } from '@/lib/format'
import { cvssFilterLabel, metricBars } from '../../lib/overview-charts'
import { FilterBarChart } from './filter-bar-chart'

export interface CvssBreakdownProps {
  version: 'v3' | 'v2'
  breakdown: ScanOverview['cvssV3'] | ScanOverview['cvssV2']
  /** All findings of the scan, to say how many carry a vector of this version. */
  total: number
}

/** One small chart per base metric of a CVSS version; each bar opens the findings with that value. */
export function CvssBreakdown({ version, breakdown, total }: CvssBreakdownProps) {
  const scored = `${formatCount(breakdown.scored)} of ${formatCount(total)} ${plural(total, 'finding has', 'findings have')} a CVSS ${version} vector.`
  if (breakdown.scored === 0) return <p className="text-sm text-fg-muted">{scored} The advisories this scan matched give no {version} metrics.</p>
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-fg-muted">{scored}</p>
      <div className="grid gap-x-6 gap-y-5 md:grid-cols-2 xl:grid-cols-4">
        {breakdown.metrics.map((metric) => (
          <FilterBarChart key={metric.param} title={cvssFilterLabel[metric.param]} bars={metricBars(metric)} layout="rows" />
        ))}
      </div>
    </div>
  )
}
