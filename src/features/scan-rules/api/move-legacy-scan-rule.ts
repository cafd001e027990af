import { useMutation, useQueryClient } from '@tanstack/react-query'
import { isApiError } from '@/api/api-error'
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
/** Answers that mean the list on screen no longer shows the rule as it is. */
const LIST_OUT_OF_DATE = new Set(['SCAN_RULE_NOT_EXIST', 'SCAN_RULE_MOVE_IN_PROGRESS'])

export function useMoveLegacyScanRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: moveLegacyScanRule,
    onSuccess: async (_result, { ruleName }) => {
      toast.success(`Created rule ${ruleName} in ${RULES_UPSTREAM}`)
      // Both lists change: the rule leaves the legacy list and joins the upstream's.
      await queryClient.invalidateQueries({ queryKey: scanRuleKeys.lists() })
    },
    onError: async (error, { ruleName }) => {
      // Another request (another tab, another server) moved the rule or is moving it: the
      // lists on screen are out of date, so they are read again. A rule already gone leaves
      // the list with its row, so the toast says why; one being moved keeps its row and
      // the message under it.
      if (!isApiError(error) || !LIST_OUT_OF_DATE.has(error.code)) return
      if (error.code === 'SCAN_RULE_NOT_EXIST') toast.info(`Rule ${ruleName} is no longer a legacy rule`, 'It was created upstream or deleted by another request.')
      await queryClient.invalidateQueries({ queryKey: scanRuleKeys.lists() })
    },
  })
}
