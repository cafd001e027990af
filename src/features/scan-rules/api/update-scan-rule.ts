import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { updateScanRuleBody } from '@contract/scan-rules'
import { callOperation } from '@/api/client'
import { toast } from '@/lib/toast'
import { scanRuleKeys } from './keys'

export type UpdateScanRuleBody = z.input<typeof updateScanRuleBody>

export function updateScanRule(body: UpdateScanRuleBody) {
  return callOperation('updateScanRule', body)
}

/** Replaces a rule. Errors stay with the form (field messages), so no error toast here. */
export function useUpdateScanRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateScanRule,
    onSuccess: async (_result, body) => {
      toast.success(`Saved rule ${body.ruleName.trim()}`)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: scanRuleKeys.detail(body.instanceId, body.scanRuleId) }),
        queryClient.invalidateQueries({ queryKey: scanRuleKeys.lists() }),
      ])
    },
  })
}
