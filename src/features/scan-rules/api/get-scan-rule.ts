import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { scanRuleKeys } from './keys'

export function getScanRule(instanceId: string, scanRuleId: string, options?: CallOptions) {
  return callOperation('getScanRule', { instanceId, scanRuleId }, options)
}

/** One scan rule, with the selectors the index does not have (yet). */
export function getScanRuleOptions(instanceId: string, scanRuleId: string) {
  return queryOptions({
    queryKey: scanRuleKeys.detail(instanceId, scanRuleId),
    queryFn: ({ signal }) => getScanRule(instanceId, scanRuleId, { signal }),
  })
}

export function useScanRule(instanceId: string, scanRuleId: string) {
  return useQuery(getScanRuleOptions(instanceId, scanRuleId))
}
