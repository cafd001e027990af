import { Link } from 'react-router'
import { RelativeTime } from '@/components/ui/time'
import { useTagLatestScan } from '../api/get-tag-latest-scan'
import { compareScanPath } from '../lib/compare-url-state'
import { scanReportPath } from '../lib/paths'

export interface NewerScanBannerProps {
  instanceId: string
  repoId: string
  repository: string
  tag: string
  scanTaskId: string
  /** When this scan finished (epoch ms). */
  scanTime: number
}

/**
 * On a report pinned to a task: says so when the same repository and tag have a newer
 * COMPLETE scan (a rescan, or the tag moved and was scanned), with links to it and to
 * the comparison. Silent when there is none or it cannot be told.
 */
export function NewerScanBanner({ instanceId, repoId, repository, tag, scanTaskId, scanTime }: NewerScanBannerProps) {
  const latest = useTagLatestScan({ instanceId, repoId, tag }).data
  if (!latest || latest.scanTaskId === scanTaskId || latest.scanTime <= scanTime) return null
  const link = 'font-medium text-accent underline underline-offset-2'
  return (
    <div role="status" className="rounded-lg border border-info/30 bg-info-soft px-4 py-3 text-sm text-fg" data-print-hidden>
      <p>
        <span className="font-semibold">A newer scan is available.</span> {repository}:{tag} was scanned again <RelativeTime value={latest.scanTime} />
        — this report stays pinned to its own scan.{' '}
        <Link to={scanReportPath(instanceId, latest.scanTaskId)} className={link}>
          Open the newer scan
        </Link>{' '}
        ·{' '}
        <Link to={compareScanPath(scanReportPath(instanceId, latest.scanTaskId), { baseScanTaskId: scanTaskId })} className={link}>
          Compare it with this one
        </Link>
      </p>
    </div>
  )
}
