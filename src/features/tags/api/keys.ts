import type { ListRepoTagsParams } from './list-repo-tags'

/** Query keys for tags, general → specific; every fetcher input is in its key. */
export const tagKeys = {
  all: ['tags'] as const,
  lists: () => [...tagKeys.all, 'list'] as const,
  list: (params: ListRepoTagsParams) => [...tagKeys.lists(), params] as const,
  details: () => [...tagKeys.all, 'detail'] as const,
  detail: (instanceId: string, repoId: string, tag: string) => [...tagKeys.details(), instanceId, repoId, tag] as const,
}
