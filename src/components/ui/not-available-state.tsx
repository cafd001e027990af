import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

export interface NotAvailableStateProps {
  /** Why the provider cannot answer, as the server put it. */
  reason: ReactNode
  /** What is unavailable, e.g. "Baseline checks". */
  title?: ReactNode
  /** Smaller, for a cell or a card rather than a whole panel. */
  compact?: boolean
  className?: string
}

/**
 * An operation the instance's provider does not offer (the server's
 * OPERATION_NOT_SUPPORTED). Nothing failed and retrying cannot change it, so it is shown
 * calmly, as information with the reason, never as an error.
 *
 * @example
 * <NotAvailableState title="Baseline checks" reason="StackRox Central does not report baseline checks." />
 */
export function NotAvailableState({ reason, title, compact, className }: NotAvailableStateProps) {
  return (
    <div
      role="status"
      className={cn(
        'flex flex-col items-center gap-2 text-center',
        compact ? 'px-3 py-4' : 'px-6 py-10',
        className,
      )}
    >
      {/* An "i" in a circle: information, not the warning triangle errors use. */}
      <svg
        viewBox="0 0 16 16"
        className="text-fg-muted size-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        aria-hidden="true"
        focusable="false"
      >
        <circle cx="8" cy="8" r="6.25" />
        <path d="M8 7.25v4M8 4.75v.01" />
      </svg>
      <p className="text-fg text-sm font-semibold">
        {title ? <>{title}: not available for this provider</> : 'Not available for this provider'}
      </p>
      <p className="text-fg-muted max-w-md text-sm">{reason}</p>
    </div>
  )
}
