import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { callOperation, type CallOptions, type OperationInputOf } from '@/api/client'
import { toast } from '@/lib/toast'
import { instanceKeys } from './keys'

/** Under the instance's detail key, so removing an instance drops its trigger settings too. */
export const instanceTriggersKey = (instanceId: string) => [...instanceKeys.detail(instanceId), 'triggers'] as const

export function getInstanceTriggers(instanceId: string, options?: CallOptions) {
  return callOperation('getInstanceTriggers', { instanceId }, options)
}

export function instanceTriggersOptions(instanceId: string) {
  return queryOptions({
    queryKey: instanceTriggersKey(instanceId),
    queryFn: ({ signal }) => getInstanceTriggers(instanceId, { signal }),
  })
}

/**
 * The webhook and poll settings of an instance (never the secret itself).
 *
 * @example
 * const { data } = useInstanceTriggers(instanceId)
 * data?.webhook.configured
 */
export function useInstanceTriggers(instanceId: string) {
  return useQuery(instanceTriggersOptions(instanceId))
}

export type SetInstanceTriggersInput = OperationInputOf<'setInstanceTriggers'>

/** Sets the webhook secret or the poll interval; the answer carries a rotated secret, once. */
export function useSetInstanceTriggers() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: SetInstanceTriggersInput) => callOperation('setInstanceTriggers', input),
    onSuccess: (result) => {
      const { webhookSecret: _shownOnce, ...settings } = result
      queryClient.setQueryData(instanceTriggersKey(result.instanceId), settings)
    },
    onError: (error) => {
      toast.error('Could not save the trigger settings', error.message)
    },
  })
}
