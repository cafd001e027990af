import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { useScanOverview } from '../../api/get-scan-overview'
import { levelCharts, type LevelChartKind } from '../../lib/level-charts'
import { LevelChart } from './level-chart'

export interface LevelChartCardProps {
  scanTaskId: string
  kind: LevelChartKind
}

/**
 * The charts above the baseline or malicious-files table: its findings by level and by
 * category or type, each bar (and the link under it) setting that filter in the URL. The
 * counts are the Overview's (`getScanOverview`, cached once per scan), which are the list's
 * totals per filter. A scan that did not check this kind, or found nothing, draws no chart:
 * the table says why.
 */
export function LevelChartCard({ scanTaskId, kind }: LevelChartCardProps) {
  const { data, error, refetch, isFetching } = useScanOverview(scanTaskId)
  if (error && !data) return <ErrorState error={error} title="Could not load the charts" onRetry={() => void refetch()} retrying={isFetching} />
  if (!data) return <LoadingState label="Loading the charts" lines={3} />
  const charts = levelCharts(kind, data)
  if (charts.length === 0) return null
  return (
    <div className="grid gap-6 rounded-lg border border-line bg-surface p-4 lg:grid-cols-2">
      {charts.map((chart) => (
        <LevelChart key={chart.title} chart={chart} />
      ))}
    </div>
  )
}
