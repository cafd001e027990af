import { useId, useState, type FormEvent } from 'react'
import type { ScanService } from '@contract/scans'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { describeError } from '@/components/ui/error-state'
import { RefreshIcon } from '@/components/ui/icons'
import { usePermitted } from '@/hooks/use-permitted'
import { useCreateScanTask } from '../api/create-scan-task'
import { useTagScanStatus } from '../api/get-scan-status'
import { isScanRunning } from '../lib/scan-status'
import { ScanServiceChoice } from './scan-service-choice'

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
  const [service, setService] = useState<ScanService>('ACR_SCAN_SERVICE')
  const formId = useId()
  const create = useCreateScanTask()
  const permitted = usePermitted('createRepoTagScanTask')
  const close = () => {
    create.reset()
    setOpen(false)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate({ instanceId, repoId, tag, scanService: service }, { onSuccess: () => setOpen(false) })
  }
  const error = create.error ? describeError(create.error) : null
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)} disabled={!permitted.allowed} title={permitted.reason ?? undefined}>
        {/* The name stays "Scan" (a running scan is shown below); the icon turns while one runs. */}
        <RefreshIcon className={busy ? 'size-3.5 animate-spin' : 'size-3.5'} />
        Scan
        {permitted.reason ? <span className="sr-only">{` (${permitted.reason})`}</span> : null}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={`Scan ${reference ?? tag}`}
        description="Scans the image the tag points to now. The report stays pinned to this scan, even after the tag moves."
        footer={
          <>
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" form={formId} variant="primary" disabled={create.isPending}>
              {create.isPending ? 'Starting…' : 'Start scan'}
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={submit} className="flex flex-col gap-3" aria-label="Scan options">
          <ScanServiceChoice value={service} onChange={setService} disabled={create.isPending} />
          {error ? (
            <p role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
              {error.message}{' '}
              <span className="text-xs">
                ({error.code}
                {error.requestId ? `, request ${error.requestId}` : ''})
              </span>
            </p>
          ) : null}
        </form>
      </Dialog>
    </>
  )
}
