import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { listScanTaskQuery } from '@contract/scans'
import { callOperation, type CallOptions } from '@/api/client'
import { scanListPollInterval } from '../lib/scan-status'
import { scanKeys } from './keys'

export type ListScanTasksParams = z.output<typeof listScanTaskQuery>

export function listScanTasks(params: ListScanTasksParams, options?: CallOptions) {
  return callOperation('listScanTask', params, options)
}

/** One page of an instance's scan tasks, newest first; refreshes while any task on it runs. */
export function listScanTasksOptions(params: ListScanTasksParams) {
  return queryOptions({
    queryKey: scanKeys.taskList(params),
    queryFn: ({ signal }) => listScanTasks(params, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => scanListPollInterval(query.state.data?.items.map((t) => t.status)),
  })
}

export function useScanTasks(params: ListScanTasksParams) {
  return useQuery(listScanTasksOptions(params))
}
