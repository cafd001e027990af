import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ScanService } from '@contract/scans'
import { callOperation } from '@/api/client'
import { toast } from '@/lib/toast'
import { scanServiceDisplay } from '../lib/scan-status'
import { scanKeys } from './keys'

export interface CreateScanTaskInput {
  instanceId: string
  repoId: string
  tag: string
  scanService: ScanService
}

export function createScanTask(input: CreateScanTaskInput) {
  return callOperation('createRepoTagScanTask', input)
}

/**
 * Starts a scan of one tag. The tag's status query is refetched, so the page shows the
 * new task (or the running one the server returned instead) and polls it.
 */
export function useCreateScanTask() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createScanTask,
    onSuccess: async (result, input) => {
      toast.info(
        result.existing ? 'A scan of this image is already running' : 'Scan queued',
        result.existing ? 'Its progress is shown instead of starting a second one.' : `${input.tag}: ${scanServiceDisplay[input.scanService].label.toLowerCase()}.`,
      )
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: scanKeys.statuses() }),
        queryClient.invalidateQueries({ queryKey: scanKeys.tasks() }),
      ])
    },
    onError: (error) => {
      toast.error('Could not start the scan', error.message)
    },
  })
}
