import { Link } from 'react-router'
import type { ScanTask } from '@contract/scans'
import { isClientApiError } from '@/api/api-error'
import { buttonClasses } from '@/components/ui/button'
import { CopyButton } from '@/components/ui/copy-button'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { PageHeader } from '@/components/ui/page-header'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useImageReportHeader } from '../api/get-image-report-header'
import { useScanSummary } from '../api/get-scan-summary'
import { useScanTaskStatus } from '../api/get-scan-status'
import { scanTasksPath } from '../lib/paths'
import { NewerScanBanner } from './newer-scan-banner'
import { ReportHeader } from './report-header'
import { ReportTabs } from './report-tabs'
import { ScanTaskStatus } from './scan-task-status'

export interface ReportPageProps {
  instanceId: string
  scanTaskId: string
  /** The instance's name, for the tab title once known. */
  instanceName?: string | undefined
}

const card = 'rounded-lg border border-line bg-surface'

/**
 * `/instances/:instanceId/scans/:scanTaskId`: one scan's report, pinned to the task.
 * While the task runs the page follows it; once COMPLETE it shows the header and the
 * report's tabs, the Overview (counts and charts) first. Both draw from the report's
 * header (getImageReport without components); each tab fetches its own rows.
 */
export function ReportPage({ instanceId, scanTaskId, instanceName }: ReportPageProps) {
  const status = useScanTaskStatus(instanceId, scanTaskId)
  const task = status.data
  useDocumentTitle(task ? `Report ${task.repository}:${task.tag}` : 'Scan report', instanceName)

  if (status.error && !task) {
    return (
      <div className={card}>
        <h1 className="sr-only">Scan report</h1>
        {isClientApiError(status.error) ? (
          <ErrorState
            error={status.error}
            title={status.error.status === 404 ? 'Scan not found' : 'Could not load this scan'}
            action={
              <Link to={scanTasksPath(instanceId)} className={buttonClasses({ size: 'sm' })}>
                Go to scan tasks
              </Link>
            }
          />
        ) : (
          <ErrorState error={status.error} title="Could not load this scan" onRetry={() => void status.refetch()} retrying={status.isFetching} />
        )}
      </div>
    )
  }
  if (!task) return <LoadingState label="Loading scan" lines={4} className="max-w-lg" />
  if (task.status !== 'COMPLETE') return <PendingReport task={task} />
  return <CompleteReport task={task} />
}

/** A task that has no results (yet): what it is scanning and how far it got, or why it failed. */
function PendingReport({ task }: { task: ScanTask }) {
  const reference = `${task.repository}:${task.tag}`
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        eyebrow="Scan report"
        title={reference}
        description={
          <span className="inline-flex flex-wrap items-center gap-x-1">
            Pinned to <code className="text-xs break-all text-fg">{task.digest}</code>
            <CopyButton value={task.digest} label="Copy image digest" />
          </span>
        }
      />
      <section aria-labelledby="pending-heading" className={card}>
        <h2 id="pending-heading" className="border-b border-line px-4 py-2.5 text-sm font-semibold">
          {task.status === 'FAILED' ? 'This scan failed' : 'Scan in progress'}
        </h2>
        <div className="p-4">
          <ScanTaskStatus task={task} showReportLink={false} />
          {task.status !== 'FAILED' ? <p className="mt-4 text-sm text-fg-muted">The report appears here as soon as the scan is complete.</p> : null}
        </div>
      </section>
    </div>
  )
}

function CompleteReport({ task }: { task: ScanTask }) {
  const { scanTaskId } = task
  // The header alone: the whole report (components with every finding) is megabytes for a
  // large image, and no tab needs it; each tab loads its own page of rows.
  const report = useImageReportHeader(scanTaskId)
  // An SBOM scan has no summary (the server answers PARAM_INVALID): its tabs count from the header.
  const summary = useScanSummary(scanTaskId, { enabled: task.scanType === 'VUL' })
  if (report.error && !report.data) {
    return (
      <div className={card}>
        <h1 className="sr-only">Scan report</h1>
        <ErrorState error={report.error} title="Could not load the report" onRetry={() => void report.refetch()} retrying={report.isFetching} />
      </div>
    )
  }
  if (!report.data) return <LoadingState label="Loading report" lines={6} className="max-w-2xl" />
  return (
    <div className="flex flex-col gap-6">
      <ReportHeader report={report.data} task={task} />
      <NewerScanBanner
        instanceId={task.instanceId}
        repoId={task.repoId}
        repository={task.repository}
        tag={task.tag}
        scanTaskId={scanTaskId}
        scanTime={report.data.scan.scanTime}
      />
      <ReportTabs report={report.data} summary={summary.data} scanType={task.scanType} />
    </div>
  )
}
