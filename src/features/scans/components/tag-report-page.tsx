import { Link, useParams } from 'react-router'
import { isClientApiError } from '@/api/api-error'
import { buttonClasses } from '@/components/ui/button'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { useTagLatestScan } from '../api/get-tag-latest-scan'
import { scanReportPath } from '../lib/paths'
import { ReportPage } from './report-page'

/**
 * `/instances/:instanceId/repositories/:repoId/tags/:tag/report`: the report of a tag,
 * which follows it (the newest COMPLETE scan of the digest it points to now). The scan's
 * own address, which keeps showing that scan, is offered as the permalink.
 */
export function TagReportPage() {
  const { instanceId = '', repoId = '', tag = '' } = useParams()
  const latest = useTagLatestScan({ instanceId, repoId, tag })
  const tagPath = `/instances/${instanceId}/repositories/${repoId}/tags/${encodeURIComponent(tag)}`

  if (latest.error && !latest.data) {
    const notScanned = isClientApiError(latest.error) && latest.error.code === 'SCAN_NOT_FOUND'
    return (
      <div className="rounded-lg border border-line bg-surface">
        <h1 className="sr-only">Report of tag {tag}</h1>
        <ErrorState
          error={latest.error}
          title={notScanned ? `Tag ${tag} has no completed scan of its current image` : 'Could not find the report of this tag'}
          action={
            <Link to={tagPath} className={buttonClasses({ size: 'sm' })}>
              Open tag {tag}
            </Link>
          }
        />
      </div>
    )
  }
  if (!latest.data) return <LoadingState label="Finding the tag's newest scan" lines={4} className="max-w-lg" />
  const permalink = scanReportPath(instanceId, latest.data.scanTaskId)
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-fg-muted" data-print-hidden>
        This address follows tag {tag}. To share this very scan, use its{' '}
        <Link to={permalink} className="font-medium text-accent underline underline-offset-2">
          permalink
        </Link>
        .
      </p>
      <ReportPage key={latest.data.scanTaskId} instanceId={instanceId} scanTaskId={latest.data.scanTaskId} />
    </div>
  )
}
