import type { ScanTask } from '@contract/scans'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { RowLink } from '@/components/ui/row-link'
import { RelativeTime } from '@/components/ui/time'
import { useNow } from '@/hooks/use-now'
import { formatDuration, shortenDigest } from '@/lib/format'
import { scanReportPath } from '../lib/paths'
import { scanServiceDisplay, taskDurationMs } from '../lib/scan-status'
import { ScanProgress } from './scan-progress'
import { ScanStatusChip } from './scan-status-chip'
import { SeverityCounts } from './severity-counts'

const col = dataTableColumnHelper<ScanTask>()

function Duration({ task }: { task: ScanTask }) {
  const now = useNow()
  const ms = taskDurationMs(task, now)
  return <span className="tabular-nums">{ms === null ? '—' : formatDuration(ms)}</span>
}

/** Columns of the scan tasks table; the list is newest first and not sortable. */
export const scanTaskColumns = col.columns([
  col.accessor('repository', {
    meta: { label: 'Image' },
    cell: (c) => {
      const t = c.row.original
      return (
        <RowLink to={scanReportPath(t.instanceId, t.scanTaskId)} className="whitespace-nowrap">
          {t.repository}:{t.tag}
        </RowLink>
      )
    },
  }),
  col.accessor('digest', {
    meta: { label: 'Digest', className: 'whitespace-nowrap' },
    cell: (c) => (
      <code className="text-xs text-fg-muted" title={c.getValue()}>
        {shortenDigest(c.getValue())}
      </code>
    ),
  }),
  col.accessor('scanService', {
    meta: { label: 'Service', className: 'whitespace-nowrap' },
    cell: (c) => <span title={c.getValue()}>{scanServiceDisplay[c.getValue()].short}</span>,
  }),
  col.accessor('status', {
    meta: { label: 'Status' },
    cell: (c) => <ScanStatusChip status={c.getValue()} title={c.row.original.failureReason ?? undefined} />,
  }),
  col.accessor('progress', {
    meta: { label: 'Progress' },
    cell: (c) => <ScanProgress task={c.row.original} />,
  }),
  col.accessor('counts', {
    meta: { label: 'Findings' },
    cell: (c) => {
      const counts = c.getValue()
      return counts ? <SeverityCounts counts={counts} className="flex-nowrap" /> : <span className="text-fg-muted">—</span>
    },
  }),
  col.accessor('startTime', {
    meta: { label: 'Started', className: 'whitespace-nowrap' },
    cell: (c) => <RelativeTime value={c.getValue()} fallback="Not yet" />,
  }),
  col.accessor('finishTime', {
    meta: { label: 'Finished', className: 'whitespace-nowrap' },
    cell: (c) => <RelativeTime value={c.getValue()} fallback="—" />,
  }),
  col.display({
    id: 'duration',
    meta: { label: 'Duration', align: 'end', className: 'whitespace-nowrap' },
    cell: (c) => <Duration task={c.row.original} />,
  }),
  col.accessor('failureReason', {
    meta: { label: 'Failure reason', className: 'max-w-72' },
    cell: (c) => {
      const t = c.row.original
      if (!t.failureReason) return <span className="text-fg-muted">—</span>
      return (
        <span className="block truncate text-xs text-danger" title={t.failureReason}>
          {t.failureCode ? <code className="mr-1">{t.failureCode}</code> : null}
          {t.failureReason}
        </span>
      )
    },
  }),
])
