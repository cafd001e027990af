import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callOperation } from '@/api/client'
import { toast } from '@/lib/toast'
import { scanRuleKeys } from './keys'

export interface DeleteScanRuleInput {
  instanceId: string
  scanRuleId: string
  ruleName: string
}

export function deleteScanRule({ instanceId, scanRuleId }: DeleteScanRuleInput) {
  return callOperation('deleteScanRule', { instanceId, scanRuleId })
}

/** Deletes a rule. The confirm dialog shows a failure in place, so no error toast here. */
export function useDeleteScanRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteScanRule,
    onSuccess: async (_result, { instanceId, scanRuleId, ruleName }) => {
      queryClient.removeQueries({ queryKey: scanRuleKeys.detail(instanceId, scanRuleId) })
      toast.success(`Deleted rule ${ruleName}`)
      await queryClient.invalidateQueries({ queryKey: scanRuleKeys.lists() })
    },
  })
}
