import type { ConnectionCheck, ConnectionCheckStatus, InstanceKind } from '@contract/instances'
import { cn } from '@/lib/cn'
import { connectionStepLabel } from '../lib/instance-kinds'

export interface ConnectionChecklistProps {
  kind: InstanceKind
  checks: readonly ConnectionCheck[]
}

/** Each status as a word and a distinct symbol, never colour alone. */
const statusDisplay: Record<ConnectionCheckStatus, { word: string; symbol: string; className: string }> = {
  PASSED: { word: 'Passed', symbol: '✓', className: 'text-success' },
  FAILED: { word: 'Failed', symbol: '✕', className: 'text-danger' },
  SKIPPED: { word: 'Skipped', symbol: '–', className: 'text-fg-muted' },
  NOT_RUN: { word: 'Not run', symbol: '○', className: 'text-fg-muted' },
}

/**
 * The steps of a connection test in order — resolve, connect, TLS, API, credentials,
 * listing — with the failed one marked as the current step, so both eyes and screen
 * readers land on what to fix.
 */
export function ConnectionChecklist({ kind, checks }: ConnectionChecklistProps) {
  if (!checks.length) return null
  return (
    <ol
      aria-label="Connection checks"
      className="border-line flex flex-col gap-1 rounded-md border px-3 py-2 text-sm"
    >
      {checks.map((check) => {
        const display = statusDisplay[check.status]
        const failed = check.status === 'FAILED'
        return (
          <li
            key={check.step}
            aria-current={failed ? 'step' : undefined}
            className={cn('flex gap-2', failed && 'font-medium')}
          >
            <span aria-hidden="true" className={cn('w-3 shrink-0 text-center', display.className)}>
              {display.symbol}
            </span>
            <span className="min-w-0">
              <span className={cn(!failed && check.status !== 'PASSED' && 'text-fg-muted')}>
                {connectionStepLabel(kind, check.step)}
              </span>
              <span className={cn('ml-2 text-xs', display.className)}>{display.word}</span>
              {check.detail && !failed ? (
                <span className="text-fg-muted block text-xs font-normal break-words">{check.detail}</span>
              ) : null}
            </span>
          </li>
        )
      })}
    </ol>
  )
}
