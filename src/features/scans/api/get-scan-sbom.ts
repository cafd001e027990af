import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJsonDocument } from '@/api/fetch-document'
import type { CallOptions } from '@/api/client'
import { exportUrl } from '../lib/export-urls'
import { summarizeCycloneDx } from '../lib/sbom-summary'
import { scanKeys } from './keys'

/** The scan's CycloneDX SBOM, summarised: the same document "Download" saves. */
export async function getScanSbomSummary(scanTaskId: string, options?: CallOptions) {
  return summarizeCycloneDx(await fetchJsonDocument(exportUrl('exportScanSbom', { scanTaskId }), options))
}

export function scanSbomSummaryOptions(scanTaskId: string) {
  return queryOptions({
    queryKey: [...scanKeys.results(scanTaskId), 'sbom-summary'] as const,
    queryFn: ({ signal }) => getScanSbomSummary(scanTaskId, { signal }),
    // A COMPLETE scan's SBOM is deterministic (serial number included): it never changes.
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useScanSbomSummary(scanTaskId: string) {
  return useQuery(scanSbomSummaryOptions(scanTaskId))
}
