import { useId } from 'react'
import type { VulnExceptionWithHistory } from '@contract/exceptions'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { describeError } from '@/components/ui/error-state'
import { AbsoluteTime } from '@/components/ui/time'
import {
  actionLabel,
  expiryLabel,
  justificationLabel,
  scopeLabel,
  statusLabel,
  statusTone,
} from './exception-labels'

export interface FindingHistoryProps {
  exceptions: VulnExceptionWithHistory[] | undefined
  error: unknown
  onRetry: () => void
}

/** Every exception about a finding, newest request first, each with who did what when and why. */
export function FindingHistory({ exceptions, error, onRetry }: FindingHistoryProps) {
  if (error) {
    const { message, code } = describeError(error)
    return (
      <div role="alert" className="text-danger flex flex-wrap items-center gap-2 text-xs">
        Could not load the exceptions: {message} ({code})
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      </div>
    )
  }
  if (!exceptions) return <p className="text-fg-muted text-xs">Loading exceptions…</p>
  if (exceptions.length === 0)
    return <p className="text-fg-muted text-xs">No exception has been requested for this finding.</p>
  return (
    <ul className="flex flex-col gap-3" aria-label="Exceptions">
      {exceptions.map((e) => (
        <ExceptionEntry key={e.exceptionId} exception={e} />
      ))}
    </ul>
  )
}

function ExceptionEntry({ exception: e }: { exception: VulnExceptionWithHistory }) {
  const headingId = useId()
  const kind =
    e.kind === 'FALSE_POSITIVE'
      ? 'False positive'
      : `Deferral (${e.expiry ? expiryLabel[e.expiry].toLowerCase() : 'no end'})`
  return (
    <li aria-labelledby={headingId} className="border-line rounded-md border p-2.5 text-xs">
      <p id={headingId} className="flex flex-wrap items-center gap-1.5 font-medium">
        {kind}
        <Badge tone={statusTone[e.status]}>{statusLabel[e.status]}</Badge>
        <span className="text-fg-muted font-normal">
          {scopeLabel[e.scope]}
          {e.repository && e.scope !== 'COMPONENT' ? ` (${e.repository})` : ''}
        </span>
      </p>
      <p className="text-fg-muted mt-1">
        {justificationLabel[e.justification]}
        {e.expiresAt !== null ? (
          <>
            {' · ends '}
            <AbsoluteTime value={e.expiresAt} />
          </>
        ) : null}
      </p>
      <ol
        aria-label={`History of ${e.exceptionId}`}
        className="border-line mt-2 flex flex-col gap-1.5 border-l pl-3"
      >
        {e.history.map((h, i) => (
          <li key={`${h.action}-${h.time}-${i}`}>
            <span className="font-medium">{actionLabel[h.action]}</span> by {h.actorName},{' '}
            <AbsoluteTime value={h.time} />
            {h.comment ? <q className="text-fg-muted block [quotes:none]">{h.comment}</q> : null}
          </li>
        ))}
      </ol>
    </li>
  )
}
