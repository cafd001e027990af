import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { scanKeys } from './keys'

export interface TagRef {
  instanceId: string
  repoId: string
  tag: string
}

/** The newest COMPLETE scan of the image a tag points to now (its summary names the task). */
export function getTagLatestScan(ref: TagRef, options?: CallOptions) {
  return callOperation('getRepoTagScanSummary', ref, options)
}

/**
 * Follows the tag: it may move or be scanned again, so this is refreshed on focus and
 * every minute, unlike a task's own results.
 */
export function tagLatestScanOptions(ref: TagRef) {
  return queryOptions({
    queryKey: [...scanKeys.statuses(), 'tag-latest-complete', ref] as const,
    queryFn: ({ signal }) => getTagLatestScan(ref, { signal }),
    staleTime: 60_000,
    refetchInterval: 60_000,
  })
}

export function useTagLatestScan(ref: TagRef) {
  return useQuery(tagLatestScanOptions(ref))
}
