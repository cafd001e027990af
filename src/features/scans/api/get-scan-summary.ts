import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { scanKeys } from './keys'

export function getScanSummary(scanTaskId: string, options?: CallOptions) {
  return callOperation('getRepoTagScanSummary', { scanTaskId }, options)
}

/** Counts of a COMPLETE scan: they never change, so they are fetched once. */
export function scanSummaryOptions(scanTaskId: string) {
  return queryOptions({
    queryKey: scanKeys.summary(scanTaskId),
    queryFn: ({ signal }) => getScanSummary(scanTaskId, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useScanSummary(scanTaskId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...scanSummaryOptions(scanTaskId), enabled })
}
