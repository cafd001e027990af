import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { scanKeys } from './keys'

/** Under the scan's results: a COMPLETE scan's aggregates never change. */
export const scanOverviewKey = (scanTaskId: string) => [...scanKeys.results(scanTaskId), 'overview'] as const

export function getScanOverview(scanTaskId: string, options?: CallOptions) {
  return callOperation('getScanOverview', { scanTaskId }, options)
}

/** The overview's aggregates of a COMPLETE scan, fetched once. */
export function scanOverviewOptions(scanTaskId: string) {
  return queryOptions({
    queryKey: scanOverviewKey(scanTaskId),
    queryFn: ({ signal }) => getScanOverview(scanTaskId, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useScanOverview(scanTaskId: string) {
  return useQuery(scanOverviewOptions(scanTaskId))
}
