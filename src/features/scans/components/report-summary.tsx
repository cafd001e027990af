import type { ScanSummary } from '@contract/scans'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { cn } from '@/lib/cn'
import { formatCount } from '@/lib/format'
import { useScanSummary } from '../api/get-scan-summary'
import { severityBuckets, severityColor } from '../lib/severity'
import { SeverityChart } from './severity-chart'

export interface ReportSummaryProps {
  scanTaskId: string
}

const card = 'rounded-lg border border-line bg-surface'

/** The summary card: counts by severity, fixable and other findings, and the severity chart. */
export function ReportSummary({ scanTaskId }: ReportSummaryProps) {
  const { data, error, refetch, isFetching } = useScanSummary(scanTaskId)
  return (
    <section aria-labelledby="report-summary-heading" className={card}>
      <h2 id="report-summary-heading" className="border-b border-line px-4 py-2.5 text-sm font-semibold">
        Summary
      </h2>
      <div className="p-4">
        {error && !data ? (
          <ErrorState error={error} title="Could not load the summary" onRetry={() => void refetch()} retrying={isFetching} />
        ) : !data ? (
          <LoadingState label="Loading summary" lines={5} />
        ) : (
          <SummaryBody summary={data} />
        )}
      </div>
    </section>
  )
}

function SummaryBody({ summary }: { summary: ScanSummary }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
      <div className="flex flex-col gap-4">
        <dl className="grid grid-cols-3 gap-2 sm:grid-cols-5">
          {severityBuckets(summary).map((b) => (
            <div key={b.severity} className="rounded-md border border-line px-2.5 py-2">
              <dt className="flex items-center gap-1.5 text-xs text-fg-muted">
                <span aria-hidden="true" className="size-2 rounded-sm" style={{ background: severityColor[b.severity] }} />
                {b.severity}
              </dt>
              <dd className={cn('text-xl font-semibold tabular-nums', b.count === 0 && 'text-fg-muted')}>{formatCount(b.count)}</dd>
            </div>
          ))}
        </dl>
        <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <Stat term="Vulnerabilities" value={formatCount(summary.totalSeverity)} />
          <Stat term="Fixable" value={`${formatCount(summary.fixableCount)} of ${formatCount(summary.totalSeverity)}`} />
          <Stat term="Packages" value={formatCount(summary.componentCount)} />
          <Stat term="Baseline risks" value={summary.baselineCounts ? formatCount(summary.baselineCounts.total) : 'Not checked'} />
          <Stat term="Malicious files" value={summary.maliciousCounts ? formatCount(summary.maliciousCounts.total) : 'Not checked'} />
        </dl>
      </div>
      <SeverityChart counts={summary} />
    </div>
  )
}

function Stat({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-fg-muted">{term}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  )
}
