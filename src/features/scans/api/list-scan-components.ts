import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { callOperation, type CallOptions } from '@/api/client'
import type { componentUrlSchema } from '../lib/report-url-state'
import { scanKeys } from './keys'

export type ListScanComponentsParams = z.output<typeof componentUrlSchema> & { scanTaskId: string }

export const scanComponentsKey = (params: ListScanComponentsParams) => [...scanKeys.results(params.scanTaskId), 'components', params] as const

export function listScanComponents(params: ListScanComponentsParams, options?: CallOptions) {
  return callOperation('listScanComponent', params, options)
}

/** One page of a scan's packages; the previous page stays on screen while the next loads. */
export function listScanComponentsOptions(params: ListScanComponentsParams) {
  return queryOptions({
    queryKey: scanComponentsKey(params),
    queryFn: ({ signal }) => listScanComponents(params, { signal }),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useScanComponents(params: ListScanComponentsParams) {
  return useQuery(listScanComponentsOptions(params))
}
