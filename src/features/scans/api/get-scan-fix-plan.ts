import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { scanKeys } from './keys'

export function getScanFixPlan(scanTaskId: string, options?: CallOptions) {
  return callOperation('getScanFixPlan', { scanTaskId }, options)
}

/** The fix plan of a COMPLETE scan; computed from results that never change, so cached for good. */
export function scanFixPlanOptions(scanTaskId: string) {
  return queryOptions({
    queryKey: [...scanKeys.results(scanTaskId), 'fix-plan'] as const,
    queryFn: ({ signal }) => getScanFixPlan(scanTaskId, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useScanFixPlan(scanTaskId: string) {
  return useQuery(scanFixPlanOptions(scanTaskId))
}
