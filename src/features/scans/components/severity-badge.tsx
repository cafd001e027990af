import type { Severity } from '@contract/findings'
import { cn } from '@/lib/cn'
import { severityColor } from '../lib/severity'

export interface SeverityBadgeProps {
  severity: Severity
  /** Another word on the same scale (a baseline or malicious-file level); default the severity. */
  label?: string
  className?: string
}

/**
 * A severity as its word with a coloured mark: the text carries the meaning and keeps
 * full contrast in both themes; the colour only helps scanning a long list.
 */
export function SeverityBadge({ severity, label, className }: SeverityBadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 rounded border border-line bg-surface px-1.5 py-px text-xs font-medium whitespace-nowrap text-fg',
        className,
      )}
    >
      <span aria-hidden="true" className="size-2 shrink-0 rounded-sm" style={{ background: severityColor[severity] }} />
      {label ?? severity}
    </span>
  )
}
