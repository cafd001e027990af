import { queryOptions, useQuery } from '@tanstack/react-query'
import type { ScanTask } from '@contract/scans'
import { isApiError } from '@/api/api-error'
import { callOperation, type CallOptions } from '@/api/client'
import { isScanRunning, SCAN_POLL_MS } from '../lib/scan-status'
import { scanKeys } from './keys'

const pollWhileRunning = (task: ScanTask | null | undefined) => (task && isScanRunning(task.status) ? SCAN_POLL_MS : false)

/** One task by id; the instance must own it (SCAN_TASK_NOT_EXIST otherwise). */
export function getScanTaskStatus(instanceId: string, scanTaskId: string, options?: CallOptions) {
  return callOperation('getRepoTagScanStatus', { instanceId, scanTaskId }, options)
}

/** A task's status; polls while the task is QUEUED, SCANNING or RETRYING and stops when it is done. */
export function scanTaskStatusOptions(instanceId: string, scanTaskId: string) {
  return queryOptions({
    queryKey: scanKeys.taskStatus(instanceId, scanTaskId),
    queryFn: ({ signal }) => getScanTaskStatus(instanceId, scanTaskId, { signal }),
    refetchInterval: (query) => pollWhileRunning(query.state.data),
  })
}

export function useScanTaskStatus(instanceId: string, scanTaskId: string) {
  return useQuery(scanTaskStatusOptions(instanceId, scanTaskId))
}

/**
 * The newest task of the image a tag points to, or null when it was never scanned
 * (the server's SCAN_NOT_FOUND is an answer here, not a failure).
 */
export async function getTagScanStatus(instanceId: string, repoId: string, tag: string, options?: CallOptions): Promise<ScanTask | null> {
  try {
    return await callOperation('getRepoTagScanStatus', { instanceId, repoId, tag }, options)
  } catch (error) {
    if (isApiError(error) && error.code === 'SCAN_NOT_FOUND') return null
    throw error
  }
}

export function tagScanStatusOptions(instanceId: string, repoId: string, tag: string) {
  return queryOptions({
    queryKey: scanKeys.tagStatus(instanceId, repoId, tag),
    queryFn: ({ signal }) => getTagScanStatus(instanceId, repoId, tag, { signal }),
    refetchInterval: (query) => pollWhileRunning(query.state.data),
  })
}

export function useTagScanStatus(instanceId: string, repoId: string, tag: string) {
  return useQuery(tagScanStatusOptions(instanceId, repoId, tag))
}
