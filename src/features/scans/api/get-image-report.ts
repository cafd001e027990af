import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { scanKeys } from './keys'

export function getImageReport(scanTaskId: string, options?: CallOptions) {
  return callOperation('getImageReport', { scanTaskId }, options)
}

/** The whole report of a COMPLETE scan (image metadata, layers, components, notes); it never changes. */
export function imageReportOptions(scanTaskId: string) {
  return queryOptions({
    queryKey: scanKeys.report(scanTaskId),
    queryFn: ({ signal }) => getImageReport(scanTaskId, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useImageReport(scanTaskId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...imageReportOptions(scanTaskId), enabled })
}
