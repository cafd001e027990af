import type { Severity } from '@contract/findings'
import type { SeverityCounts } from '@contract/scans'
import { cn } from '@/lib/cn'
import { SEVERITY_ORDER, severityBuckets, severityColor } from '../lib/severity'

export interface SeverityFilterProps {
  /** The severities shown; none means all. */
  value: readonly Severity[] | undefined
  onChange: (value: Severity[] | undefined) => void
  /** Counts from the summary, shown on each toggle: asked with the list's includeSnoozed, so they match its rows. */
  counts?: SeverityCounts | undefined
}

/**
 * Toggle buttons, one per severity: pressing some narrows the list to those (the URL's
 * repeated `severity` keys); none pressed means every severity.
 */
export function SeverityFilter({ value, onChange, counts }: SeverityFilterProps) {
  const selected = new Set(value ?? [])
  const countOf = new Map(counts ? severityBuckets(counts).map((b) => [b.severity, b.count]) : [])
  const toggle = (severity: Severity) => {
    const next = new Set(selected)
    if (next.has(severity)) next.delete(severity)
    else next.add(severity)
    onChange(next.size ? SEVERITY_ORDER.filter((s) => next.has(s)) : undefined)
  }
  return (
    <div role="group" aria-label="Severity" className="flex flex-wrap items-center gap-1">
      {SEVERITY_ORDER.map((severity) => {
        const pressed = selected.has(severity)
        const count = countOf.get(severity)
        return (
          <button
            key={severity}
            type="button"
            aria-pressed={pressed}
            onClick={() => toggle(severity)}
            className={cn(
              'inline-flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-xs font-medium',
              pressed ? 'border-accent bg-accent-soft text-fg' : 'border-line-strong bg-surface text-fg-muted hover:bg-surface-muted hover:text-fg',
            )}
          >
            <span aria-hidden="true" className="size-2 rounded-sm" style={{ background: severityColor[severity] }} />
            {severity}
            {count !== undefined ? <span className="tabular-nums text-fg-muted">{count}</span> : null}
          </button>
        )
      })}
    </div>
  )
}
