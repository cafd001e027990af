import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { listRepoTagQuery, RepoTag } from '@contract/repositories'
import { SCAN_STATUSES_RUNNING } from '@contract/scans'
import { callOperation, type CallOptions } from '@/api/client'
import { tagKeys } from './keys'

export type ListRepoTagsParams = z.output<typeof listRepoTagQuery>

export function listRepoTags(params: ListRepoTagsParams, options?: CallOptions) {
  return callOperation('listRepoTag', params, options)
}

/** How often a tag page with a running scan is refreshed, so its "Last scan" column follows the scan. */
export const TAG_SCAN_POLL_MS = 2_000

function scanRunning(tags: RepoTag[] | undefined): boolean {
  return Boolean(tags?.some((t) => t.lastScan && SCAN_STATUSES_RUNNING.includes(t.lastScan.status)))
}

/**
 * One page of a repository's tags; the previous page stays on screen while the next one
 * loads, and the page refreshes while a scan of one of its tags runs.
 */
export function listRepoTagsOptions(params: ListRepoTagsParams) {
  return queryOptions({
    queryKey: tagKeys.list(params),
    queryFn: ({ signal }) => listRepoTags(params, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (scanRunning(query.state.data?.items) ? TAG_SCAN_POLL_MS : false),
  })
}

export function useRepoTags(params: ListRepoTagsParams) {
  return useQuery(listRepoTagsOptions(params))
}
