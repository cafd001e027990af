import { Link, useParams } from 'react-router'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { PageHeader } from '@/components/ui/page-header'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useUrlState } from '@/hooks/use-url-state'
import { shortenDigest } from '@/lib/format'
import { useCompareScans } from '../api/compare-scans'
import { useImageReportHeader } from '../api/get-image-report-header'
import { compareChoiceOf, compareStateFor, compareUrlSchema } from '../lib/compare-url-state'
import { scanReportPath } from '../lib/paths'
import { ComparePicker } from './compare-picker'
import { CompareResults } from './compare-results'

/**
 * `/instances/:instanceId/scans/:scanTaskId/compare`: this scan against another tag or
 * digest of its repository (or any scan, by `?baseScanTaskId=`), the choice in the URL.
 */
export function ComparePage() {
  const { instanceId = '', scanTaskId = '' } = useParams()
  // The header only: the page names the scan and its repository, and the whole report
  // (every component and finding) can be megabytes.
  const header = useImageReportHeader(scanTaskId)
  const report = header.data
  const { state, setState } = useUrlState(compareUrlSchema)
  const chosen = Boolean(state.baseScanTaskId || state.baseTag || state.baseDigest)
  const comparison = useCompareScans({ scanTaskId, ...state }, { enabled: chosen })
  useDocumentTitle(report ? `Compare ${report.name.fullName}` : 'Compare scans')
  const reportPath = scanReportPath(instanceId, scanTaskId)

  if (header.error && !report) {
    return <ErrorState error={header.error} title="Could not load the scan" onRetry={() => void header.refetch()} retrying={header.isFetching} />
  }
  if (!report) return <LoadingState label="Loading the scan" lines={4} className="max-w-lg" />
  const base = comparison.data?.base
  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        eyebrow="Compare scans"
        title={report.name.fullName}
        description={
          <>
            This scan (<code className="text-xs">{shortenDigest(report.metadata.digest)}</code>) against{' '}
            {base ? (
              <>
                {base.repository}:{base.tag} (<code className="text-xs">{shortenDigest(base.digest)}</code>)
              </>
            ) : (
              'another tag or digest'
            )}
          </>
        }
        actions={
          <Link to={reportPath} className={buttonClasses({ variant: 'secondary' })}>
            Back to the report
          </Link>
        }
      />
      <ComparePicker
        instanceId={instanceId}
        repoId={report.repoId}
        digest={report.metadata.digest}
        value={compareChoiceOf(state)}
        onChange={(choice) => setState(compareStateFor(choice))}
      />
      {!chosen ? <EmptyState title="Choose what to compare with" description="Pick a tag or a scanned digest of this repository." /> : null}
      {chosen && comparison.error ? (
        <ErrorState error={comparison.error} title="Could not compare these scans" onRetry={() => void comparison.refetch()} retrying={comparison.isFetching} />
      ) : null}
      {chosen && !comparison.error && !comparison.data ? <LoadingState label="Comparing" lines={5} /> : null}
      {comparison.data ? <CompareResults comparison={comparison.data} /> : null}
    </div>
  )
}
