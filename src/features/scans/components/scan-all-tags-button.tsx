import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { ScanService } from '@contract/scans'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { describeError } from '@/components/ui/error-state'
import { RefreshIcon } from '@/components/ui/icons'
import { usePermitted } from '@/hooks/use-permitted'
import { formatCount, plural } from '@/lib/format'
import { useScanAllTags } from '../api/scan-all-tags'
import { summarizeScanAll } from '../lib/scan-all'
import { ScanServiceChoice } from './scan-service-choice'

export interface ScanAllTagsButtonProps {
  instanceId: string
  repoId: string
  /** How many tags the repository has, for the dialog's wording. */
  tagCount?: number | undefined
  /** Called once the scans are queued (the page refreshes its tag list). */
  onQueued?: () => void
}

/** "Scan all tags": one scan per tag, then how many were queued. */
export function ScanAllTagsButton({ instanceId, repoId, tagCount, onQueued }: ScanAllTagsButtonProps) {
  const [open, setOpen] = useState(false)
  const [service, setService] = useState<ScanService>('ACR_SCAN_SERVICE')
  const formId = useId()
  const scanAll = useScanAllTags({ onQueued })
  const permitted = usePermitted('createRepoTagScanTask')
  const close = () => {
    scanAll.reset()
    setOpen(false)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    scanAll.mutate({ instanceId, repoId, scanService: service })
  }
  const summary = scanAll.data ? summarizeScanAll(scanAll.data) : null
  const doneRef = useRef<HTMLButtonElement>(null)
  // The submit button goes away with the result: focus moves to the button that closes it.
  useEffect(() => {
    if (summary) doneRef.current?.focus()
  }, [summary])
  const error = scanAll.error ? describeError(scanAll.error) : null
  const tags = tagCount === undefined ? 'every tag' : `${formatCount(tagCount)} ${plural(tagCount, 'tag', 'tags')}`
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={tagCount === 0 || !permitted.allowed} title={permitted.reason ?? undefined}>
        <RefreshIcon className="size-3.5" />
        Scan all tags
        {permitted.reason ? <span className="sr-only">{` (${permitted.reason})`}</span> : null}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title="Scan all tags"
        description={`Queues a scan of ${tags} of this repository. Tags that point to one image share its scan.`}
        footer={
          summary ? (
            <Button ref={doneRef} variant="primary" onClick={close}>
              Done
            </Button>
          ) : (
            <>
              <Button onClick={close}>Cancel</Button>
              <Button type="submit" form={formId} variant="primary" disabled={scanAll.isPending}>
                {scanAll.isPending ? 'Queuing…' : `Scan ${tags}`}
              </Button>
            </>
          )
        }
      >
        {summary ? (
          <div role="status" className="flex flex-col gap-1 text-sm">
            <p className="font-medium">{summary.title}</p>
            <p className="text-fg-muted">{summary.description}</p>
          </div>
        ) : (
          <form id={formId} onSubmit={submit} className="flex flex-col gap-3" aria-label="Scan options">
            <ScanServiceChoice value={service} onChange={setService} disabled={scanAll.isPending} />
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
        )}
      </Dialog>
    </>
  )
}
