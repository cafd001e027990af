import type { ReactNode } from 'react'
import { isApiError, isNotSupportedError } from '@/api/api-error'
import { cn } from '@/lib/cn'
import { Button } from './button'
import { CopyButton } from './copy-button'
import { AlertIcon, RefreshIcon } from './icons'
import { NotAvailableState } from './not-available-state'

export interface ErrorStateProps {
  error: unknown
  /** What failed, e.g. "Could not load repositories". */
  title?: ReactNode
  onRetry?: () => void
  retrying?: boolean
  /** Another way on, e.g. a link back up when what was asked for does not exist. */
  action?: ReactNode
  className?: string
}

/** Describes an error for people: the server's code and message, and the request id to quote. */
export function describeError(error: unknown): { code: string; message: string; requestId: string | null } {
  if (isApiError(error)) return { code: error.code, message: error.message, requestId: error.requestId }
  if (error instanceof Error) return { code: 'CLIENT_ERROR', message: error.message, requestId: null }
  return { code: 'UNKNOWN_ERROR', message: String(error), requestId: null }
}

/**
 * An error with what the server said (code, message, request id to quote in a ticket)
 * and a way to try again.
 */
export function ErrorState({ error, title = 'Something went wrong', onRetry, retrying, action, className }: ErrorStateProps) {
  // The provider lacks the operation: nothing failed, so no error, code or retry.
  if (isNotSupportedError(error)) return <NotAvailableState reason={error.message} className={className} />
  const { code, message, requestId } = describeError(error)
  return (
    <div role="alert" className={cn('flex flex-col items-center gap-3 px-6 py-8 text-center', className)}>
      <AlertIcon className="size-5 text-danger" />
      <div>
        <p className="text-sm font-semibold text-fg">{title}</p>
        <p className="mt-1 max-w-xl text-sm break-words text-fg-muted">{message}</p>
      </div>
      <dl className="grid grid-cols-[auto_auto] items-center gap-x-2 gap-y-0.5 text-left text-xs text-fg-muted">
        <dt>Code</dt>
        <dd>
          <code className="text-fg">{code}</code>
        </dd>
        {requestId ? (
          <>
            <dt>Request ID</dt>
            <dd className="flex items-center gap-1">
              <code className="text-fg">{requestId}</code>
              <CopyButton value={requestId} label="Copy request ID" />
            </dd>
          </>
        ) : null}
      </dl>
      {onRetry ? (
        <Button onClick={onRetry} disabled={retrying} size="sm">
          <RefreshIcon className={cn(retrying && 'animate-spin')} />
          {retrying ? 'Retrying…' : 'Retry'}
        </Button>
      ) : null}
      {action}
    </div>
  )
}
