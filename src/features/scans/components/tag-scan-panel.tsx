import { EmptyState } from '@/components/ui/empty-state'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { useTagScanStatus } from '../api/get-scan-status'
import { ScanTaskStatus } from './scan-task-status'

export interface TagScanPanelProps {
  instanceId: string
  repoId: string
  tag: string
}

const card = 'rounded-lg border border-line bg-surface'

/**
 * The tag page's "Security report": the newest scan of the image the tag points to,
 * followed live while it runs, with the way to its report.
 */
export function TagScanPanel({ instanceId, repoId, tag }: TagScanPanelProps) {
  const { data: task, error, refetch, isFetching } = useTagScanStatus(instanceId, repoId, tag)
  return (
    <section aria-labelledby="tag-scan-heading" className={card}>
      <h2 id="tag-scan-heading" className="border-b border-line px-4 py-2.5 text-sm font-semibold">
        Security report
      </h2>
      <div className="p-4">
        {error && task === undefined ? (
          <ErrorState error={error} title="Could not load the scan status" onRetry={() => void refetch()} retrying={isFetching} />
        ) : task === undefined ? (
          <LoadingState label="Loading scan status" lines={3} />
        ) : task === null ? (
          <EmptyState
            title="No scan yet"
            description="This image has not been scanned. Start a scan with the Scan button: vulnerabilities, and with the full scan also baseline risks and malicious files, appear here once it has finished."
          />
        ) : (
          <ScanTaskStatus task={task} />
        )}
      </div>
    </section>
  )
}
