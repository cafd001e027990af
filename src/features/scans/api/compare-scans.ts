import { queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { compareScansQuery } from '@contract/compare'
import { callOperation, type CallOptions } from '@/api/client'
import { scanKeys } from './keys'

export type CompareScansParams = z.input<typeof compareScansQuery>

export function compareScans(params: CompareScansParams, options?: CallOptions) {
  return callOperation('compareScans', params, options)
}

/**
 * This scan against another. By task the answer never changes; by tag it follows the tag,
 * so it is kept fresh for a minute only.
 */
export function compareScansOptions(params: CompareScansParams) {
  return queryOptions({
    queryKey: [...scanKeys.results(params.scanTaskId), 'compare', params] as const,
    queryFn: ({ signal }) => compareScans(params, { signal }),
    staleTime: params.baseScanTaskId ? Number.POSITIVE_INFINITY : 60_000,
  })
}

export function useCompareScans(params: CompareScansParams, { enabled }: { enabled: boolean }) {
  return useQuery({ ...compareScansOptions(params), enabled })
}
