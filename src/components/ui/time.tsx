import { useNow } from '@/hooks/use-now'
import { formatAbsoluteTime, formatRelativeTime, toIsoTime } from '@/lib/format'

export interface TimeProps {
  /** Epoch milliseconds, or null for "never". */
  value: number | null
  fallback?: string
  className?: string
}

/** "5 minutes ago", with the exact time as `dateTime` and tooltip. */
export function RelativeTime({ value, fallback = '—', className }: TimeProps) {
  const now = useNow()
  if (value === null) return <span className={className}>{fallback}</span>
  return (
    <time dateTime={toIsoTime(value)} title={formatAbsoluteTime(value)} className={className}>
      {formatRelativeTime(value, now)}
    </time>
  )
}

/** "2024-01-02 03:04:05 UTC" plus, in muted text, how long ago. */
export function AbsoluteTime({ value, fallback = '—', className }: TimeProps) {
  const now = useNow()
  if (value === null) return <span className={className}>{fallback}</span>
  return (
    <span className={className}>
      <time dateTime={toIsoTime(value)}>{formatAbsoluteTime(value)}</time>{' '}
      <span className="text-fg-muted">({formatRelativeTime(value, now)})</span>
    </span>
  )
}
