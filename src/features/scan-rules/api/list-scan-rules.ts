import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { listScanRuleQuery } from '@contract/scan-rules'
import { callOperation, type CallOptions } from '@/api/client'
import { scanRuleKeys } from './keys'

export type ListScanRulesParams = z.output<typeof listScanRuleQuery>

export function listScanRules(params: ListScanRulesParams, options?: CallOptions) {
  return callOperation('listScanRule', params, options)
}

/** One page of an instance's scan rules, newest first. */
export function listScanRulesOptions(params: ListScanRulesParams) {
  return queryOptions({
    queryKey: scanRuleKeys.list(params),
    queryFn: ({ signal }) => listScanRules(params, { signal }),
    placeholderData: keepPreviousData,
  })
}

export function useScanRules(params: ListScanRulesParams) {
  return useQuery(listScanRulesOptions(params))
}
