import type { ScanTaskType } from '@contract/scans'
import { buttonClasses } from '@/components/ui/button'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { useScanSbomSummary } from '../api/get-scan-sbom'
import { exportUrl } from '../lib/export-urls'
import { SbomComponentsTable } from './sbom-components-table'
import { SbomSummaryPanel } from './sbom-summary-panel'

export interface SbomTabProps {
  scanTaskId: string
  /** A vulnerability scan can also download its SBOM with the vulnerabilities (a VDR); an SBOM scan has none. */
  scanType: ScanTaskType
}

/**
 * The image's inventory as CycloneDX describes it: the summary is read from the very
 * document the download saves (exportScanSbom), the table pages the same packages.
 */
export function SbomTab({ scanTaskId, scanType }: SbomTabProps) {
  const summary = useScanSbomSummary(scanTaskId)
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-fg-muted">The packages this scan found, as a CycloneDX software bill of materials.</p>
        <div className="flex flex-wrap gap-2" data-print-hidden>
          <a href={exportUrl('exportScanSbom', { scanTaskId })} download className={buttonClasses({ variant: 'primary' })}>
            Download CycloneDX JSON
          </a>
          {scanType === 'VUL' ? (
            <a href={exportUrl('exportScanSbom', { scanTaskId, withVulnerabilities: true })} download className={buttonClasses()}>
              With vulnerabilities (VDR)
            </a>
          ) : null}
        </div>
      </div>
      {summary.data ? (
        <SbomSummaryPanel summary={summary.data} />
      ) : summary.error ? (
        <div className="rounded-lg border border-line bg-surface">
          <ErrorState error={summary.error} title="Could not read the SBOM" onRetry={() => void summary.refetch()} retrying={summary.isFetching} />
        </div>
      ) : (
        <LoadingState label="Reading the SBOM" lines={4} className="max-w-2xl" />
      )}
      <SbomComponentsTable scanTaskId={scanTaskId} />
    </div>
  )
}
