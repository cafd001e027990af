import type { OperationOutputOf } from '@/api/client'
import { describeError } from '@/components/ui/error-state'
import { AlertIcon, CheckIcon } from '@/components/ui/icons'

export interface ConnectionTestResultProps {
  result: OperationOutputOf<'testInstanceConnection'> | undefined
  error: unknown
}

/** What "Test connection" found, in words (a symbol too, never colour alone). */
export function ConnectionTestResult({ result, error }: ConnectionTestResultProps) {
  if (error) {
    const { code, message } = describeError(error)
    return (
      <div role="status" className="flex gap-2 rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
        <AlertIcon className="mt-0.5 shrink-0" />
        <p>
          <span className="font-medium">Connection failed:</span> {message} <span className="text-xs">({code})</span>
        </p>
      </div>
    )
  }
  if (!result) return null
  return (
    <div role="status" className="flex gap-2 rounded-md border border-success/40 bg-success-soft px-3 py-2 text-sm text-success">
      <CheckIcon className="mt-0.5 shrink-0" />
      <p>
        {/* The server's message already says how many repositories it found. */}
        <span className="font-medium">Connection works.</span> {result.message}
      </p>
    </div>
  )
}
