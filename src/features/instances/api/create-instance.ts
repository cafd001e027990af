import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { createInstanceBody } from '@contract/instances'
import { callOperation } from '@/api/client'
import { toast } from '@/lib/toast'
import { instanceKeys } from './keys'

export type CreateInstanceInput = z.input<typeof createInstanceBody>

export function createInstance(body: CreateInstanceInput) {
  return callOperation('createInstance', body)
}

/** Adds an instance. Errors stay with the form (field messages), so no error toast here. */
export function useCreateInstance() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createInstance,
    onSuccess: async (instance) => {
      queryClient.setQueryData(instanceKeys.detail(instance.instanceId), instance)
      toast.success(`Added ${instance.instanceName}`, 'Its repositories and tags are being indexed.')
      await queryClient.invalidateQueries({ queryKey: instanceKeys.lists() })
    },
  })
}
