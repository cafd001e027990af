import { useMutation } from '@tanstack/react-query'
import { callOperation } from '@/api/client'
import { describeError } from '@/components/ui/error-state'
import { toast } from '@/lib/toast'

export interface RunScanRuleInput {
  instanceId: string
  scanRuleId: string
  ruleName: string
}

export function runScanRule({ instanceId, scanRuleId }: RunScanRuleInput) {
  return callOperation('runScanRule', { instanceId, scanRuleId })
}

/**
 * "Run now": queues a scan of every tag the rule matches. The caller announces the
 * counts. Queued scans change the scans feature's views, which this feature does not
 * know: `onRan` lets whoever composes the two refresh them.
 */
export function useRunScanRule(onRan?: () => Promise<unknown> | void) {
  return useMutation({
    mutationFn: runScanRule,
    onSuccess: async () => {
      await onRan?.()
    },
    onError: (error, { ruleName }) => {
      const { message } = describeError(error)
      toast.error(`Could not run ${ruleName}`, message)
    },
  })
}
