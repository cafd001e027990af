import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { repositoryKeys } from './keys'

export function getRepository(instanceId: string, repoId: string, options?: CallOptions) {
  return callOperation('getRepository', { instanceId, repoId }, options)
}

export function getRepositoryOptions(instanceId: string, repoId: string) {
  return queryOptions({
    queryKey: repositoryKeys.detail(instanceId, repoId),
    queryFn: ({ signal }) => getRepository(instanceId, repoId, { signal }),
  })
}

export function useRepository(instanceId: string, repoId: string) {
  return useQuery(getRepositoryOptions(instanceId, repoId))
}
