import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { listInstanceQuery } from '@contract/instances'
import { callOperation, type CallOptions } from '@/api/client'
import { syncPollInterval } from '../lib/sync-status'
import { instanceKeys } from './keys'

export type ListInstancesParams = z.output<typeof listInstanceQuery>

export function listInstances(params: ListInstancesParams, options?: CallOptions) {
  return callOperation('listInstance', params, options)
}

/** One page of instances; polls while any instance on it is pending or syncing. */
export function listInstancesOptions(params: ListInstancesParams) {
  return queryOptions({
    queryKey: instanceKeys.list(params),
    queryFn: ({ signal }) => listInstances(params, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => syncPollInterval(query.state.data?.items),
  })
}

export function useInstances(params: ListInstancesParams) {
  return useQuery(listInstancesOptions(params))
}
