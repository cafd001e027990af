import type { ListInstancesParams } from './list-instances'

/** Query keys for instances, general → specific; every fetcher input is in its key. */
export const instanceKeys = {
  all: ['instances'] as const,
  lists: () => [...instanceKeys.all, 'list'] as const,
  list: (params: ListInstancesParams) => [...instanceKeys.lists(), params] as const,
  details: () => [...instanceKeys.all, 'detail'] as const,
  detail: (instanceId: string) => [...instanceKeys.details(), instanceId] as const,
}
