import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { scanKeys } from './keys'

export interface ScanSummaryParams {
  /** True: count findings under an approved exception too, as the list does with `?includeSnoozed=true`. */
  includeSnoozed?: boolean | undefined
}

export function getScanSummary(scanTaskId: string, options?: CallOptions, params: ScanSummaryParams = {}) {
  return callOperation('getRepoTagScanSummary', { scanTaskId, ...(params.includeSnoozed ? { includeSnoozed: true } : {}) }, options)
}

/**
 * Counts of a COMPLETE scan. The scan never changes, but an exception decided on one of
 * its findings does change what is counted: that mutation invalidates `scanKeys.results`,
 * so the counts can stay cached until then.
 *
 * @example
 * useQuery(scanSummaryOptions(scanTaskId, { includeSnoozed: state.includeSnoozed })) // the severity filter's counts
 */
export function scanSummaryOptions(scanTaskId: string, params: ScanSummaryParams = {}) {
  const includeSnoozed = params.includeSnoozed === true
  return queryOptions({
    queryKey: scanKeys.summary(scanTaskId, includeSnoozed),
    queryFn: ({ signal }) => getScanSummary(scanTaskId, { signal }, { includeSnoozed }),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useScanSummary(scanTaskId: string, { enabled = true, includeSnoozed }: { enabled?: boolean } & ScanSummaryParams = {}) {
  return useQuery({ ...scanSummaryOptions(scanTaskId, { includeSnoozed }), enabled })
}
