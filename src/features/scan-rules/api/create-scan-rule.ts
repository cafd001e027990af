import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { createScanRuleBody } from '@contract/scan-rules'
import { callOperation } from '@/api/client'
import { toast } from '@/lib/toast'
import { scanRuleKeys } from './keys'

export type CreateScanRuleBody = z.input<typeof createScanRuleBody>

export function createScanRule(body: CreateScanRuleBody) {
  return callOperation('createScanRule', body)
}

/** Creates a rule. Errors stay with the form (field messages), so no error toast here. */
export function useCreateScanRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createScanRule,
    onSuccess: async (_result, body) => {
      toast.success(`Created rule ${body.ruleName.trim()}`)
      await queryClient.invalidateQueries({ queryKey: scanRuleKeys.lists() })
    },
  })
}
