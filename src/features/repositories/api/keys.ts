import type { ListNamespacesParams } from './list-namespaces'
import type { ListRepositoriesParams } from './list-repositories'

/** Query keys for repositories and namespaces, general → specific; every fetcher input is in its key. */
export const repositoryKeys = {
  all: ['repositories'] as const,
  lists: () => [...repositoryKeys.all, 'list'] as const,
  list: (params: ListRepositoriesParams) => [...repositoryKeys.lists(), params] as const,
  details: () => [...repositoryKeys.all, 'detail'] as const,
  detail: (instanceId: string, repoId: string) => [...repositoryKeys.details(), instanceId, repoId] as const,
  namespaces: () => [...repositoryKeys.all, 'namespaces'] as const,
  namespaceList: (params: ListNamespacesParams) => [...repositoryKeys.namespaces(), params] as const,
}
