import { useId, type ReactNode } from 'react'
import { cn } from '@/lib/cn'

export interface FieldIds {
  controlId: string
  describedBy: string | undefined
  invalid: boolean
}

export interface FieldProps {
  label: ReactNode
  hint?: ReactNode
  errors?: string[] | undefined
  hideLabel?: boolean
  className?: string
  children: (ids: FieldIds) => ReactNode
}

/** Label, control, hint and error messages wired together with ids for screen readers. */
export function Field({ label, hint, errors, hideLabel, className, children }: FieldProps) {
  const id = useId()
  const controlId = `${id}-control`
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = errors?.length ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={controlId} className={cn('text-xs font-medium text-fg', hideLabel && 'sr-only')}>
        {label}
      </label>
      {children({ controlId, describedBy, invalid: Boolean(errorId) })}
      {hint ? (
        <p id={hintId} className="text-xs text-fg-muted">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <ul id={errorId} className="text-xs text-danger">
          {errors?.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

export const controlClasses = cn(
  'h-8 w-full rounded-md border border-line-strong bg-surface px-2.5 text-sm text-fg placeholder:text-fg-muted',
  'disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-danger',
)
