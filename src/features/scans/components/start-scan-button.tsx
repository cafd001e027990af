import { useState } from 'react'
import { useCreateScanTask } from '../api/create-scan-task'
import { useTagScanStatus } from '../api/get-scan-status'
import { isScanRunning } from '../lib/scan-status'
import { ScanServiceDialog, ScanTriggerButton } from './scan-service-dialog'

export interface StartScanButtonProps {
  instanceId: string
  repoId: string
  tag: string
  /** The image reference, for the dialog's title: "demo/shop-app:1.0.0". */
  reference?: string | undefined
}

/** "Scan": asks which scan service, then queues a scan of the image the tag points to. */
export function StartScanButton({ instanceId, repoId, tag, reference }: StartScanButtonProps) {
  // While a scan of this image runs the icon turns; the button stays usable (the server answers with that task).
  const latest = useTagScanStatus(instanceId, repoId, tag).data
  const busy = Boolean(latest && isScanRunning(latest.status))
  const [open, setOpen] = useState(false)
  const create = useCreateScanTask()
  return (
    <>
      {/* The name stays "Scan" (a running scan is shown below); the icon turns while one runs. */}
      <ScanTriggerButton label="Scan" variant="primary" spinning={busy} onClick={() => setOpen(true)} />
      <ScanServiceDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Scan ${reference ?? tag}`}
        description="Scans the image the tag points to now. The report stays pinned to this scan, even after the tag moves."
        submitLabel="Start scan"
        pendingLabel="Starting…"
        mutation={create}
        onSubmit={(scanService) => create.mutate({ instanceId, repoId, tag, scanService }, { onSuccess: () => setOpen(false) })}
      />
    </>
  )
}
