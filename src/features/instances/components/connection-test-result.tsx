import type { InstanceKind } from '@contract/instances'
import type { OperationOutputOf } from '@/api/client'
import { describeError } from '@/components/ui/error-state'
import { AlertIcon, CheckIcon } from '@/components/ui/icons'
import { connectionChecks } from '../lib/connection-checks'
import { ConnectionChecklist } from './connection-checklist'

export interface ConnectionTestResultProps {
  kind: InstanceKind
  result: OperationOutputOf<'testInstanceConnection'> | undefined
  error: unknown
}

/**
 * What "Test connection" found, in words (a symbol too, never colour alone), then the
 * checklist of steps with the one that failed marked.
 */
export function ConnectionTestResult({ kind, result, error }: ConnectionTestResultProps) {
  if (error) {
    const { code, message } = describeError(error)
    return <Failure message={message} code={code} hint={null} />
  }
  if (!result) return null
  return (
    <div className="flex flex-col gap-2">
      {result.ok ? (
        <div role="status" className="flex gap-2 rounded-md border border-success/40 bg-success-soft px-3 py-2 text-sm text-success">
          <CheckIcon className="mt-0.5 shrink-0" />
          <p>
            {/* The server's message already says how many repositories it found. */}
            <span className="font-medium">Connection works.</span> {result.message}
          </p>
        </div>
      ) : (
        <Failure message={result.message} code={result.code} hint={result.hint} />
      )}
      <ConnectionChecklist kind={kind} checks={connectionChecks(kind, result)} />
    </div>
  )
}

function Failure({ message, code, hint }: { message: string; code: string; hint: string | null }) {
  return (
    <div role="status" className="flex gap-2 rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
      <AlertIcon className="mt-0.5 shrink-0" />
      <div className="min-w-0 break-words">
        <p>
          <span className="font-medium">Connection failed:</span> {message} <span className="text-xs">({code})</span>
        </p>
        {hint ? <p className="mt-1 text-fg">{hint}</p> : null}
      </div>
    </div>
  )
}
