import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { scanKeys } from './keys'

/** getImageReport without its components: the header, layers, notes and counts, a few KB. */
export function getImageReportHeader(scanTaskId: string, options?: CallOptions) {
  return callOperation('getImageReport', { scanTaskId, components: false }, options)
}

/**
 * A COMPLETE scan's report minus its components list (`scan.components` is empty): what
 * the report page draws before any tab, so thousands of findings do not hold it up. It
 * never changes.
 *
 * @example
 * const header = useImageReportHeader(scanTaskId).data
 * header?.metadata.digest
 */
export function imageReportHeaderOptions(scanTaskId: string) {
  return queryOptions({
    queryKey: scanKeys.reportHeader(scanTaskId),
    queryFn: ({ signal }) => getImageReportHeader(scanTaskId, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useImageReportHeader(scanTaskId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...imageReportHeaderOptions(scanTaskId), enabled })
}
