import { cn } from '@/lib/cn'

export interface ProgressBarProps {
  /** 0–100, or null when how far along is not known yet (an indeterminate bar). */
  value: number | null
  /** Accessible name: "Scan progress". */
  label: string
  /** Said with the value: "3 of 4 layers". */
  valueText?: string
  className?: string
}

/**
 * A progress bar for screen readers (role progressbar, value and value text) and eyes.
 *
 * @example
 * <ProgressBar value={75} label="Scan progress" valueText="3 of 4 layers" />
 */
export function ProgressBar({ value, label, valueText, className }: ProgressBarProps) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value ?? undefined}
      aria-valuetext={valueText}
      className={cn('h-1.5 w-full overflow-hidden rounded-full bg-surface-muted ring-1 ring-line ring-inset', className)}
    >
      <div
        className={cn('h-full rounded-full bg-accent transition-[width]', value === null && 'w-1/3 animate-pulse')}
        style={value === null ? undefined : { width: `${value}%` }}
      />
    </div>
  )
}
