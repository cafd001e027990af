import { useState } from 'react'
import type { Instance } from '@contract/instances'
import { Button } from '@/components/ui/button'
import { RefreshIcon, TrashIcon } from '@/components/ui/icons'
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

/** "Sync now" and "Delete" for one instance; each use owns its mutation and confirm dialog. */
export function InstanceActions({ instance, compact = false, onDeleted }: InstanceActionsProps) {
  const sync = useSyncInstance()
  const [confirming, setConfirming] = useState(false)
  const busy = isSyncBusy(instance) || sync.isPending
  const name = instance.instanceName
  return (
    <div className={cn('relative z-10 flex items-center gap-1.5', compact && 'justify-end')}>
      <Button
        size={compact ? 'sm' : 'md'}
        variant={compact ? 'ghost' : 'secondary'}
        onClick={() => sync.mutate(instance.instanceId)}
        disabled={busy}
        title={compact ? `Sync ${name} now` : undefined}
      >
        <RefreshIcon className={cn('size-3.5', busy && 'animate-spin')} />
        <span className={compact ? 'sr-only' : undefined}>{busy ? `Syncing${compact ? ` ${name}` : ''}…` : `Sync now${compact ? `: ${name}` : ''}`}</span>
      </Button>
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
      <DeleteInstanceDialog instance={instance} open={confirming} onClose={() => setConfirming(false)} onDeleted={onDeleted} />
    </div>
  )
}
