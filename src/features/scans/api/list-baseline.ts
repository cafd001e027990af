import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { callOperation, type CallOptions } from '@/api/client'
import type { baselineUrlSchema } from '../lib/report-url-state'
import { scanKeys } from './keys'

export type ListBaselineParams = z.output<typeof baselineUrlSchema> & { scanTaskId: string }

export function listBaseline(params: ListBaselineParams, options?: CallOptions) {
  return callOperation('listScanBaselineByTask', params, options)
}

/** One page of a scan's baseline risks, highest level first. */
export function listBaselineOptions(params: ListBaselineParams) {
  return queryOptions({
    queryKey: scanKeys.baseline(params),
    queryFn: ({ signal }) => listBaseline(params, { signal }),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useBaseline(params: ListBaselineParams) {
  return useQuery(listBaselineOptions(params))
}
