import { queryOptions, useQuery } from '@tanstack/react-query'
import { ApiError } from '@/api/api-error'
import { callOperation, type CallOptions } from '@/api/client'
import { findTagInPage } from '../lib/find-tag'
import { tagKeys } from './keys'

const PAGE_SIZE = 100

/**
 * One tag by exact name. The contract has no single-tag read, so this searches
 * `listRepoTag` (a substring match) sorted by tag and takes the exact match, paging on
 * only while rows remain.
 */
export async function getRepoTag(instanceId: string, repoId: string, tag: string, options?: CallOptions) {
  for (let pageNo = 1; ; pageNo += 1) {
    const page = await callOperation(
      'listRepoTag',
      { instanceId, repoId, tag, sortBy: 'tag', sortOrder: 'asc', pageNo, pageSize: PAGE_SIZE },
      options,
    )
    const result = findTagInPage(page, tag)
    if (result.found) return result.found
    if (!result.hasMore) {
      throw new ApiError({ status: 404, code: 'TAG_NOT_EXIST', message: `This repository has no tag "${tag}".` })
    }
  }
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
