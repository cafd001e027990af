import type { ScanStatus } from '@contract/scans'
import { StatusChip } from '@/components/ui/badge'
import { scanStatusDisplay } from '../lib/scan-status'

export interface ScanStatusChipProps {
  status: ScanStatus
  /** Shown on hover: why it failed or retries. */
  title?: string | undefined
  className?: string
}

/** A scan's status as text plus a symbol (spinning while it scans). */
export function ScanStatusChip({ status, title, className }: ScanStatusChipProps) {
  const display = scanStatusDisplay[status]
  return <StatusChip tone={display.tone} label={display.label} busy={display.busy} title={title} className={className} />
}
