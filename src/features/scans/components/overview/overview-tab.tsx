import type { ReactNode } from 'react'
import type { ScanOverview } from '@contract/report-overview'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { formatCount, plural } from '@/lib/format'
import { useScanOverview } from '../../api/get-scan-overview'
import { histogramBars, layerBars } from '../../lib/overview-charts'
import { severityColor } from '../../lib/severity'
import { CvssBreakdown } from './cvss-breakdown'
import { FilterBarChart } from './filter-bar-chart'
import { FixableComponents } from './fixable-components'
import { LevelCharts } from './level-charts'
import { OverviewSummary } from './overview-summary'

/** The histogram colours its bins by the CVSS v3 severity band they fall in. */
const SCORE_BANDS = {
  Low: { label: 'Low 0–3.9', color: severityColor.Low },
  Medium: { label: 'Medium 4–6.9', color: severityColor.Medium },
  High: { label: 'High 7–8.9', color: severityColor.High },
  Critical: { label: 'Critical 9–10', color: severityColor.Critical },
}

export interface OverviewTabProps {
  scanTaskId: string
}

/** The report at a glance: every chart opens the list of what it counts. */
export function OverviewTab({ scanTaskId }: OverviewTabProps) {
  const { data, error, refetch, isFetching } = useScanOverview(scanTaskId)
  if (error && !data) return <ErrorState error={error} title="Could not load the overview" onRetry={() => void refetch()} retrying={isFetching} />
  if (!data) return <LoadingState label="Loading overview" lines={8} />
  return <OverviewSections overview={data} />
}

function OverviewSections({ overview }: { overview: ScanOverview }) {
  const { counts } = overview
  const unscored = overview.scoreHistogram.unscored
  return (
    <div className="flex flex-col gap-4">
      <Card id="overview-summary" title="Summary">
        <OverviewSummary counts={counts} />
      </Card>
      <Card id="overview-fixes" title="Fix first">
        <FixableComponents fixable={overview.fixable} />
      </Card>
      <Card id="overview-cvss-v3" title="CVSS v3 metrics">
        <CvssBreakdown version="v3" breakdown={overview.cvssV3} total={counts.totalSeverity} />
      </Card>
      <Card id="overview-cvss-v2" title="CVSS v2 metrics">
        <CvssBreakdown version="v2" breakdown={overview.cvssV2} total={counts.totalSeverity} />
      </Card>
      <div className="grid gap-4 xl:grid-cols-2">
        <Card id="overview-scores" title="Scores">
          <FilterBarChart title="CVSS score" bars={histogramBars(overview.scoreHistogram.bins)} legend={SCORE_BANDS} height={170} />
          {unscored > 0 ? (
            <p className="mt-2 text-xs text-fg-muted">
              {formatCount(unscored)} {plural(unscored, 'finding has', 'findings have')} no CVSS score: {plural(unscored, 'its', 'their')} severity comes from the advisory’s own rating.
            </p>
          ) : null}
        </Card>
        <Card id="overview-layers" title="Layers">
          <FilterBarChart title="Findings per layer" bars={layerBars(overview.layers)} layout="rows" />
        </Card>
      </div>
      <Card id="overview-levels" title="Baseline and malicious files">
        <LevelCharts baseline={overview.baselineCounts} malicious={overview.maliciousCounts} />
      </Card>
    </div>
  )
}

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-line bg-surface">
      <h2 id={`${id}-heading`} className="border-b border-line px-4 py-2.5 text-sm font-semibold">
        {title}
      </h2>
      <div className="p-4">{children}</div>
    </section>
  )
}
