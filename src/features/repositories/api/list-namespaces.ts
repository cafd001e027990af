import { queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { listNamespaceQuery } from '@contract/repositories'
import { callOperation, type CallOptions } from '@/api/client'
import { repositoryKeys } from './keys'

export type ListNamespacesParams = z.input<typeof listNamespaceQuery>

export function listNamespaces(params: ListNamespacesParams, options?: CallOptions) {
  return callOperation('listNamespace', params, options)
}

export function listNamespacesOptions(params: ListNamespacesParams) {
  return queryOptions({
    queryKey: repositoryKeys.namespaceList(params),
    queryFn: ({ signal }) => listNamespaces(params, { signal }),
    staleTime: 60_000,
  })
}

export function useNamespaces(params: ListNamespacesParams) {
  return useQuery(listNamespacesOptions(params))
}
