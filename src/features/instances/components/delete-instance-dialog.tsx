import type { Instance } from '@contract/instances'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { formatCount, plural } from '@/lib/format'
import { useDeleteInstance } from '../api/delete-instance'

export interface DeleteInstanceDialogProps {
  instance: Pick<Instance, 'instanceId' | 'instanceName' | 'repoCount' | 'tagCount'>
  open: boolean
  onClose: () => void
  onDeleted?: () => void
}

export function DeleteInstanceDialog({ instance, open, onClose, onDeleted }: DeleteInstanceDialogProps) {
  const deletion = useDeleteInstance()
  const confirm = (close: () => void) => {
    const { instanceId, instanceName } = instance
    deletion.mutate(
      { instanceId, instanceName },
      {
        onSuccess: () => {
          close()
          onDeleted?.()
        },
      },
    )
  }
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={`Delete ${instance.instanceName}?`}
      description="The registry or directory itself is not touched."
      confirmLabel="Delete instance"
      pendingLabel="Deleting…"
      mutation={deletion}
      onConfirm={confirm}
    >
      Layerscope forgets this instance and everything indexed from it: {formatCount(instance.repoCount)}{' '}
      {plural(instance.repoCount, 'repository', 'repositories')} and {formatCount(instance.tagCount)} {plural(instance.tagCount, 'tag', 'tags')}.
    </ConfirmDialog>
  )
}
