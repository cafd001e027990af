import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { listRepoTagQuery } from '@contract/repositories'
import { callOperation, type CallOptions } from '@/api/client'
import { tagKeys } from './keys'

export type ListRepoTagsParams = z.output<typeof listRepoTagQuery>

export function listRepoTags(params: ListRepoTagsParams, options?: CallOptions) {
  return callOperation('listRepoTag', params, options)
}

/** One page of a repository's tags; the previous page stays on screen while the next one loads. */
export function listRepoTagsOptions(params: ListRepoTagsParams) {
  return queryOptions({
    queryKey: tagKeys.list(params),
    queryFn: ({ signal }) => listRepoTags(params, { signal }),
    placeholderData: keepPreviousData,
  })
}

export function useRepoTags(params: ListRepoTagsParams) {
  return useQuery(listRepoTagsOptions(params))
}
