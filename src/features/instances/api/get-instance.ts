import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { syncPollInterval } from '../lib/sync-status'
import { instanceKeys } from './keys'

export function getInstance(instanceId: string, options?: CallOptions) {
  return callOperation('getInstance', { instanceId }, options)
}

/** One instance; polls while its index is being built. */
export function getInstanceOptions(instanceId: string) {
  return queryOptions({
    queryKey: instanceKeys.detail(instanceId),
    queryFn: ({ signal }) => getInstance(instanceId, { signal }),
    refetchInterval: (query) => syncPollInterval(query.state.data ? [query.state.data] : undefined),
  })
}

export function useInstance(instanceId: string) {
  return useQuery(getInstanceOptions(instanceId))
}
