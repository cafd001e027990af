import { Link } from 'react-router'
import type { ScanTask } from '@contract/scans'
import { buttonClasses } from '@/components/ui/button'
import { DetailList, type DetailItem } from '@/components/ui/detail-list'
import { AbsoluteTime } from '@/components/ui/time'
import { useNow } from '@/hooks/use-now'
import { formatDuration, shortenDigest } from '@/lib/format'
import { scanReportPath } from '../lib/paths'
import { isScanRunning, progressLabel, scanServiceDisplay, taskDurationMs } from '../lib/scan-status'
import { ScanProgress } from './scan-progress'
import { ScanStatusChip } from './scan-status-chip'
import { SeverityCounts } from './severity-counts'

export interface ScanTaskStatusProps {
  task: ScanTask
  /** Offer the link to the report (not on the report page itself). */
  showReportLink?: boolean
}

/**
 * One scan task as it stands: status (announced when it changes), progress while it
 * runs, counts once complete, the failure once failed, and the link to its report.
 */
export function ScanTaskStatus({ task, showReportLink = true }: ScanTaskStatusProps) {
  const now = useNow()
  const running = isScanRunning(task.status)
  const duration = taskDurationMs(task, now)
  const items: DetailItem[] = [
    { term: 'Service', value: scanServiceDisplay[task.scanService].label },
    { term: 'Scanned digest', value: <code className="text-xs">{shortenDigest(task.digest)}</code> },
    { term: 'Queued', value: <AbsoluteTime value={task.createTime} /> },
  ]
  if (!running) items.push({ term: 'Progress', value: progressLabel(task.status, task.progress) })
  if (task.finishTime !== null) items.push({ term: 'Finished', value: <AbsoluteTime value={task.finishTime} /> })
  if (duration !== null && !running) items.push({ term: 'Took', value: formatDuration(duration) })
  if (task.attempts > 1 || task.status === 'RETRYING') items.push({ term: 'Attempts', value: `${task.attempts} of ${task.maxAttempts}` })
  if (task.status === 'RETRYING' && task.nextRetryTime !== null) items.push({ term: 'Next attempt', value: <AbsoluteTime value={task.nextRetryTime} /> })

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <p aria-live="polite" className="flex items-center gap-2 text-sm">
          <span className="sr-only">Scan status:</span>
          <ScanStatusChip status={task.status} />
          {task.counts ? <SeverityCounts counts={task.counts} /> : null}
        </p>
        {running ? <ScanProgress task={task} className="w-56" /> : null}
        {showReportLink ? (
          <Link
            to={scanReportPath(task.instanceId, task.scanTaskId)}
            className={buttonClasses({ variant: task.status === 'COMPLETE' ? 'primary' : 'secondary', size: 'sm' })}
          >
            {task.status === 'COMPLETE' ? 'Open report' : 'View scan'}
          </Link>
        ) : null}
      </div>
      {task.failureReason && (task.status === 'FAILED' || task.status === 'RETRYING') ? (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
          <span className="font-medium">{task.status === 'FAILED' ? 'The scan failed' : 'The last attempt failed'}:</span> {task.failureReason}
          {task.failureCode ? <span className="text-xs"> ({task.failureCode})</span> : null}
        </p>
      ) : null}
      <DetailList items={items} />
    </div>
  )
}
