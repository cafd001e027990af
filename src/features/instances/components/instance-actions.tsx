import { useState } from 'react'
import type { Instance } from '@contract/instances'
import { Button } from '@/components/ui/button'
import { RefreshIcon, TrashIcon } from '@/components/ui/icons'
import { usePermitted } from '@/hooks/use-permitted'
import { cn } from '@/lib/cn'
import { useSyncInstance } from '../api/sync-instance'
import { isSyncBusy } from '../lib/sync-status'
import { DeleteInstanceDialog } from './delete-instance-dialog'

export interface InstanceActionsProps {
  instance: Instance
  /** Icon-only buttons for table rows; labelled buttons for the page header. */
  compact?: boolean
  onDeleted?: () => void
}

/**
 * "Sync now" and "Delete" for one instance; each use owns its mutation and confirm dialog.
 * Sync is disabled, with the reason, for a role that may not sync; Delete is not offered to one that may not delete.
 */
export function InstanceActions({ instance, compact = false, onDeleted }: InstanceActionsProps) {
  const sync = useSyncInstance()
  const canSync = usePermitted('syncInstance')
  const canDelete = usePermitted('deleteInstance')
  const [confirming, setConfirming] = useState(false)
  const busy = isSyncBusy(instance) || sync.isPending
  const name = instance.instanceName
  const syncLabel = busy ? `Syncing${compact ? ` ${name}` : ''}…` : `Sync now${compact ? `: ${name}` : ''}`
  return (
    <div className={cn('relative z-10 flex items-center gap-1.5', compact && 'justify-end')}>
      <Button
        size={compact ? 'sm' : 'md'}
        variant={compact ? 'ghost' : 'secondary'}
        onClick={() => sync.mutate(instance.instanceId)}
        disabled={busy || !canSync.allowed}
        title={canSync.reason ?? (compact ? `Sync ${name} now` : undefined)}
      >
        <RefreshIcon className={cn('size-3.5', busy && 'animate-spin')} />
        <span className={compact ? 'sr-only' : undefined}>{syncLabel}</span>
        {canSync.reason ? <span className="sr-only">{` (${canSync.reason})`}</span> : null}
      </Button>
      {canDelete.allowed ? (
        <Button
          size={compact ? 'sm' : 'md'}
          variant={compact ? 'ghost' : 'secondary'}
          onClick={() => setConfirming(true)}
          title={compact ? `Delete ${name}` : undefined}
          className="text-danger"
        >
          <TrashIcon className="size-3.5" />
          <span className={compact ? 'sr-only' : undefined}>{compact ? `Delete ${name}` : 'Delete'}</span>
        </Button>
      ) : null}
      {canDelete.allowed ? <DeleteInstanceDialog instance={instance} open={confirming} onClose={() => setConfirming(false)} onDeleted={onDeleted} /> : null}
    </div>
  )
}
