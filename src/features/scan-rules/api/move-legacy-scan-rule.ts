import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callOperation } from '@/api/client'
import { toast } from '@/lib/toast'
import { RULES_UPSTREAM } from '../lib/legacy-rules'
import { scanRuleKeys } from './keys'

export interface MoveLegacyScanRuleInput {
  instanceId: string
  scanRuleId: string
  ruleName: string
}

export function moveLegacyScanRule({ instanceId, scanRuleId }: MoveLegacyScanRuleInput) {
  return callOperation('moveLegacyScanRule', { instanceId, scanRuleId })
}

/**
 * Creates a legacy rule upstream; the server then removes the Layerscope copy. The row
 * shows a failure (the upstream's error) in place, so no error toast here.
 */
export function useMoveLegacyScanRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: moveLegacyScanRule,
    onSuccess: async (_result, { ruleName }) => {
      toast.success(`Created rule ${ruleName} in ${RULES_UPSTREAM}`)
      // Both lists change: the rule leaves the legacy list and joins the upstream's.
      await queryClient.invalidateQueries({ queryKey: scanRuleKeys.lists() })
    },
  })
}
