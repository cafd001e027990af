import type { Instance } from '@contract/instances'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { describeError } from '@/components/ui/error-state'
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
  const close = () => {
    deletion.reset()
    onClose()
  }
  const confirm = () => {
    deletion.mutate(
      { instanceId: instance.instanceId, instanceName: instance.instanceName },
      {
        onSuccess: () => {
          close()
          onDeleted?.()
        },
      },
    )
  }
  const error = deletion.error ? describeError(deletion.error) : null
  return (
    <Dialog
      open={open}
      onClose={close}
      role="alertdialog"
      title={`Delete ${instance.instanceName}?`}
      description="The registry or directory itself is not touched."
      footer={
        <>
          <Button onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} disabled={deletion.isPending}>
            {deletion.isPending ? 'Deleting…' : 'Delete instance'}
          </Button>
        </>
      }
    >
      <p className="text-sm">
        Layerscope forgets this instance and everything indexed from it: {formatCount(instance.repoCount)}{' '}
        {plural(instance.repoCount, 'repository', 'repositories')} and {formatCount(instance.tagCount)} {plural(instance.tagCount, 'tag', 'tags')}.
      </p>
      {error ? (
        <p role="alert" className="mt-3 rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
          {error.message} <span className="text-xs">({error.code}{error.requestId ? `, request ${error.requestId}` : ''})</span>
        </p>
      ) : null}
    </Dialog>
  )
}
