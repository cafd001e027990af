import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callOperation } from '@/api/client'
import { queryRoots } from '@/api/query-roots'
import { toast } from '@/lib/toast'
import { exceptionKeys } from './keys'

export interface DecideExceptionsInput {
  decision: 'approve' | 'deny'
  exceptionIds: string[]
  comment: string
}

export interface DecideExceptionsResult {
  decided: string[]
  /** Each refused id with the server's reason (its own request, already decided, …). */
  failed: { exceptionId: string; message: string }[]
}

/**
 * Approves or denies each selected exception with one comment. The API decides one at a
 * time, so one refusal (a request of your own) does not hold the others back.
 */
export async function decideExceptions({ decision, exceptionIds, comment }: DecideExceptionsInput): Promise<DecideExceptionsResult> {
  const result: DecideExceptionsResult = { decided: [], failed: [] }
  for (const exceptionId of exceptionIds) {
    try {
      await callOperation(decision === 'approve' ? 'approveVulnException' : 'denyVulnException', { exceptionId, comment })
      result.decided.push(exceptionId)
    } catch (err) {
      result.failed.push({ exceptionId, message: err instanceof Error ? err.message : String(err) })
    }
  }
  return result
}

export function useDecideExceptions() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: decideExceptions,
    onSuccess: async ({ decided, failed }, { decision }) => {
      const verb = decision === 'approve' ? 'Approved' : 'Denied'
      if (decided.length) toast.success(`${verb} ${decided.length} exception${decided.length === 1 ? '' : 's'}`)
      if (failed.length) toast.error(`${failed.length} could not be ${decision === 'approve' ? 'approved' : 'denied'}`, failed.map((f) => f.message).join(' '))
      // A decision changes the rows and counts of every report the exception covers.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: exceptionKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryRoots.scans }),
      ])
    },
    onError: (err) => toast.error('The decision was not saved', err instanceof Error ? err.message : String(err)),
  })
}
