import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { PlusIcon } from '@/components/ui/icons'
import { usePermitted } from '@/hooks/use-permitted'
import { AddInstanceForm } from './add-instance-form'

/** The "Add instance" button and its dialog; the form starts empty each time it opens. Hidden from roles that may not add one. */
export function AddInstanceButton() {
  const [open, setOpen] = useState(false)
  const permitted = usePermitted('createInstance')
  const close = () => setOpen(false)
  if (!permitted.allowed) return null
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        <PlusIcon className="size-3.5" />
        Add instance
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title="Add instance"
        description="Connect a registry, an image directory, Alibaba Cloud ACR or StackRox Central. The connection is checked before anything is saved."
      >
        <AddInstanceForm onDone={close} onCancel={close} />
      </Dialog>
    </>
  )
}
