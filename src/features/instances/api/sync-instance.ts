import { useMutation, useQueryClient } from '@tanstack/react-query'
import { isNotSupportedError } from '@/api/api-error'
import { callOperation } from '@/api/client'
import { toast } from '@/lib/toast'
import { instanceKeys } from './keys'

export function syncInstance(instanceId: string) {
  return callOperation('syncInstance', { instanceId })
}

/** "Sync now": the returned instance is SYNCING, so the list and detail start polling. */
export function useSyncInstance() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: syncInstance,
    onSuccess: async (instance) => {
      queryClient.setQueryData(instanceKeys.detail(instance.instanceId), instance)
      toast.info(`Syncing ${instance.instanceName}`, 'The repository and tag index is being refreshed.')
      await queryClient.invalidateQueries({ queryKey: instanceKeys.lists() })
    },
    onError: (error) => {
      // A provider without the operation is not a failure: say so calmly, with its reason.
      if (isNotSupportedError(error)) toast.info('Sync is not available for this provider', error.message)
      else toast.error('Could not start the sync', error.message)
    },
  })
}
