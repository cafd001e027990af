import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { listLegacyScanRuleQuery } from '@contract/scan-rules'
import { callOperation, type CallOptions } from '@/api/client'
import { MOVING_POLL_MS } from '../lib/legacy-rules'
import { scanRuleKeys } from './keys'

export type ListLegacyScanRulesParams = z.output<typeof listLegacyScanRuleQuery>

export function listLegacyScanRules(params: ListLegacyScanRulesParams, options?: CallOptions) {
  return callOperation('listLegacyScanRule', params, options)
}

/** One page of the rules saved in Layerscope before the instance's rules moved upstream; empty for most instances. */
export function listLegacyScanRulesOptions(params: ListLegacyScanRulesParams) {
  return queryOptions({
    queryKey: scanRuleKeys.legacyList(params),
    queryFn: ({ signal }) => listLegacyScanRules(params, { signal }),
    placeholderData: keepPreviousData,
    // A rule another request is moving leaves the list when the move ends: look again until then.
    refetchInterval: (query) => (query.state.data?.items.some((rule) => rule.moveStartedTime !== null) ? MOVING_POLL_MS : false),
  })
}

export function useLegacyScanRules(params: ListLegacyScanRulesParams) {
  return useQuery(listLegacyScanRulesOptions(params))
}
