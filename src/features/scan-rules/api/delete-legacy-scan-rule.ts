import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callOperation } from '@/api/client'
import { toast } from '@/lib/toast'
import { scanRuleKeys } from './keys'

export interface DeleteLegacyScanRuleInput {
  instanceId: string
  scanRuleId: string
  ruleName: string
}

export function deleteLegacyScanRule({ instanceId, scanRuleId }: DeleteLegacyScanRuleInput) {
  return callOperation('deleteLegacyScanRule', { instanceId, scanRuleId })
}

/** Deletes a legacy rule's Layerscope copy. The confirm dialog shows a failure in place, so no error toast here. */
export function useDeleteLegacyScanRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteLegacyScanRule,
    onSuccess: async (_result, { ruleName }) => {
      toast.success(`Deleted rule ${ruleName}`)
      await queryClient.invalidateQueries({ queryKey: scanRuleKeys.lists() })
    },
  })
}
