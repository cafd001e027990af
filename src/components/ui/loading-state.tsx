import { cn } from '@/lib/cn'

const widths = ['w-3/4', 'w-1/2', 'w-2/3', 'w-5/6', 'w-2/5']

function Bar({ className }: { className?: string }) {
  return <span className={cn('block h-3 animate-pulse rounded bg-surface-muted', className)} />
}

export interface TableSkeletonRowsProps {
  columns: number
  rows?: number
}

/** Placeholder rows in a table body while the first page loads. */
export function TableSkeletonRows({ columns, rows = 8 }: TableSkeletonRowsProps) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} className="border-b border-line last:border-0">
          {Array.from({ length: columns }, (_, c) => (
            <td key={c} className="px-3 py-2.5">
              <Bar className={widths[(r + c) % widths.length]} />
            </td>
          ))}
        </tr>
      ))}
    </>
  )
}

export interface LoadingStateProps {
  /** What is loading, for screen readers: "Loading tag". */
  label?: string
  lines?: number
  className?: string
}

/** A block of skeleton lines for cards and detail pages. */
export function LoadingState({ label = 'Loading', lines = 4, className }: LoadingStateProps) {
  return (
    <div role="status" className={cn('flex flex-col gap-3 py-2', className)}>
      <span className="sr-only">{label}…</span>
      {Array.from({ length: lines }, (_, i) => (
        <Bar key={i} className={widths[i % widths.length]} />
      ))}
    </div>
  )
}
