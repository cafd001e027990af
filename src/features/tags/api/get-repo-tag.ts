import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { tagKeys } from './keys'

/** One tag by its exact name; a missing tag is a TAG_NOT_EXIST error from the server. */
export function getRepoTag(instanceId: string, repoId: string, tag: string, options?: CallOptions) {
  return callOperation('getRepoTag', { instanceId, repoId, tag }, options)
}

export function getRepoTagOptions(instanceId: string, repoId: string, tag: string) {
  return queryOptions({
    queryKey: tagKeys.detail(instanceId, repoId, tag),
    queryFn: ({ signal }) => getRepoTag(instanceId, repoId, tag, { signal }),
  })
}

export function useRepoTag(instanceId: string, repoId: string, tag: string) {
  return useQuery(getRepoTagOptions(instanceId, repoId, tag))
}
