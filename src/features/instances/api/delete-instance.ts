import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callOperation } from '@/api/client'
import { toast } from '@/lib/toast'
import { instanceKeys } from './keys'

export interface DeleteInstanceInput {
  instanceId: string
  instanceName: string
}

export function deleteInstance({ instanceId }: DeleteInstanceInput) {
  return callOperation('deleteInstance', { instanceId })
}

/** Removes an instance. The confirm dialog shows a failure in place, so no error toast here. */
export function useDeleteInstance() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteInstance,
    onSuccess: async (_result, { instanceId, instanceName }) => {
      queryClient.removeQueries({ queryKey: instanceKeys.detail(instanceId) })
      toast.success(`Deleted ${instanceName}`)
      await queryClient.invalidateQueries({ queryKey: instanceKeys.lists() })
    },
  })
}
