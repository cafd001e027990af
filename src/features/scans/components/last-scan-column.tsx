import { Link } from 'react-router'
import type { RepoTag, RepoTagLastScan } from '@contract/repositories'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { scanReportPath } from '../lib/paths'
import { ScanStatusChip } from './scan-status-chip'
import { SeverityCounts } from './severity-counts'

const col = dataTableColumnHelper<RepoTag>()

function LastScanCell({ tag }: { tag: RepoTag }) {
  const scan: RepoTagLastScan | undefined = tag.lastScan
  if (!scan) return <span className="text-xs text-fg-muted">Not scanned</span>
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {/* Above the row's stretched link: the chip opens this scan's report. */}
      <Link
        to={scanReportPath(tag.instanceId, scan.scanTaskId)}
        className="relative z-10 rounded"
        aria-label={`Scan of ${tag.tag}: ${scan.status.toLowerCase()}, open its report`}
      >
        <ScanStatusChip status={scan.status} className="hover:border-accent" />
      </Link>
      {scan.counts ? <SeverityCounts counts={scan.counts} /> : null}
    </span>
  )
}

/**
 * The tag table's "Last scan" column: the newest scan of the tag's current digest
 * (status, severity counts) from listRepoTag's own `lastScan`, so a page of tags costs
 * one request. The repository page adds it to the tags feature's columns.
 */
export const lastScanColumn = col.display({
  id: 'lastScan',
  meta: { label: 'Last scan', className: 'whitespace-nowrap' },
  cell: (c) => <LastScanCell tag={c.row.original} />,
})
