import type { ScanTask } from '@contract/scans'
import { ProgressBar } from '@/components/ui/progress-bar'
import { cn } from '@/lib/cn'
import { isScanRunning, progressLabel, progressPercent } from '../lib/scan-status'

export interface ScanProgressProps {
  task: Pick<ScanTask, 'status' | 'progress'>
  className?: string
}

/** Layers done out of the total: a bar while the scan runs, the count once it is done. */
export function ScanProgress({ task, className }: ScanProgressProps) {
  const label = progressLabel(task.status, task.progress)
  if (!isScanRunning(task.status)) {
    return <span className={cn('text-xs whitespace-nowrap text-fg-muted tabular-nums', className)}>{task.progress.layersTotal > 0 ? label : '—'}</span>
  }
  return (
    <span className={cn('flex min-w-28 flex-col gap-1', className)}>
      <ProgressBar value={task.status === 'SCANNING' ? progressPercent(task.progress) : null} label="Scan progress" valueText={label} />
      <span className="text-xs whitespace-nowrap text-fg-muted tabular-nums">{label}</span>
    </span>
  )
}
