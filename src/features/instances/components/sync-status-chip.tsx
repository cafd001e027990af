import type { Instance } from '@contract/instances'
import { StatusChip } from '@/components/ui/badge'
import { syncStatusDisplay } from '../lib/sync-status'

export interface SyncStatusChipProps {
  instance: Pick<Instance, 'syncStatus' | 'syncError'>
  /** Show the sync error under the chip (one line, full text on hover). */
  showError?: boolean
}

export function SyncStatusChip({ instance, showError = false }: SyncStatusChipProps) {
  const display = syncStatusDisplay[instance.syncStatus]
  const error = instance.syncStatus === 'FAILED' ? instance.syncError : null
  return (
    <span className="inline-flex max-w-full min-w-0 flex-col items-start gap-0.5">
      <StatusChip tone={display.tone} label={display.label} busy={display.busy} title={error ?? undefined} />
      {showError && error ? (
        <span className="block max-w-64 truncate text-xs text-danger" title={error}>
          {error}
        </span>
      ) : null}
    </span>
  )
}
