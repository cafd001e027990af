import type { SeverityCounts as Counts } from '@contract/scans'
import { cn } from '@/lib/cn'
import { describeSeverityCounts, severityBuckets, severityColor } from '../lib/severity'

export interface SeverityCountsProps {
  counts: Counts
  /** Show buckets at zero too (a summary); by default only what was found (a table cell). */
  showZero?: boolean
  className?: string
}

/** Counts by severity, worst first, each a coloured mark and a number, read out in words. */
export function SeverityCounts({ counts, showZero = false, className }: SeverityCountsProps) {
  const words = describeSeverityCounts(counts)
  if (counts.totalSeverity === 0 && !showZero) return <span className={cn('text-xs text-fg-muted', className)}>No vulnerabilities</span>
  const buckets = severityBuckets(counts).filter((b) => showZero || b.count > 0)
  return (
    <span className={cn('inline-flex flex-wrap items-center gap-1', className)} title={words}>
      <span className="sr-only">{words}</span>
      {buckets.map((b) => (
        <span
          key={b.severity}
          aria-hidden="true"
          className="inline-flex items-center gap-1 rounded border border-line bg-surface px-1 text-xs font-medium text-fg tabular-nums"
        >
          <span className="size-2 rounded-sm" style={{ background: severityColor[b.severity] }} />
          {b.count}
          <span className="text-fg-muted">{b.severity.charAt(0)}</span>
        </span>
      ))}
    </span>
  )
}
