import { cn } from '@/lib/cn'
import { describeError } from './error-state'

export interface InlineErrorProps {
  /** What failed; nothing is rendered while it is null or undefined. */
  error: unknown
  className?: string
}

/**
 * A failed action's error inside a form or dialog: the server's message, its code and the
 * request id to quote. Smaller than `ErrorState`, because the form stays usable for a retry.
 *
 * @example
 * const deletion = useDeleteInstance()
 * <InlineError error={deletion.error} /> // "Instance is syncing (CONFLICT, request 7f3a…)"
 */
export function InlineError({ error, className }: InlineErrorProps) {
  if (error === null || error === undefined) return null
  const { code, message, requestId } = describeError(error)
  return (
    <p role="alert" className={cn('rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger', className)}>
      {message}{' '}
      <span className="text-xs">
        ({code}
        {requestId ? `, request ${requestId}` : ''})
      </span>
    </p>
  )
}
