import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { listRepositoryQuery } from '@contract/repositories'
import { callOperation, type CallOptions } from '@/api/client'
import { repositoryKeys } from './keys'

export type ListRepositoriesParams = z.output<typeof listRepositoryQuery>

export function listRepositories(params: ListRepositoriesParams, options?: CallOptions) {
  return callOperation('listRepository', params, options)
}

/** One page of repositories; the previous page stays on screen while the next one loads. */
export function listRepositoriesOptions(params: ListRepositoriesParams) {
  return queryOptions({
    queryKey: repositoryKeys.list(params),
    queryFn: ({ signal }) => listRepositories(params, { signal }),
    placeholderData: keepPreviousData,
  })
}

export function useRepositories(params: ListRepositoriesParams) {
  return useQuery(listRepositoriesOptions(params))
}
