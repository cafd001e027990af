import { useState } from 'react'
import { formatCount, plural } from '@/lib/format'
import { useScanAllTags } from '../api/scan-all-tags'
import { summarizeScanAll } from '../lib/scan-all'
import { ScanServiceDialog, ScanTriggerButton } from './scan-service-dialog'

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
  const scanAll = useScanAllTags({ onQueued })
  const summary = scanAll.data ? summarizeScanAll(scanAll.data) : null
  const tags = tagCount === undefined ? 'every tag' : `${formatCount(tagCount)} ${plural(tagCount, 'tag', 'tags')}`
  return (
    <>
      <ScanTriggerButton label="Scan all tags" disabled={tagCount === 0} onClick={() => setOpen(true)} />
      <ScanServiceDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Scan all tags"
        description={`Queues a scan of ${tags} of this repository. Tags that point to one image share its scan.`}
        submitLabel={`Scan ${tags}`}
        pendingLabel="Queuing…"
        mutation={scanAll}
        onSubmit={(scanService) => scanAll.mutate({ instanceId, repoId, scanService })}
        result={
          summary ? (
            <div role="status" className="flex flex-col gap-1 text-sm">
              <p className="font-medium">{summary.title}</p>
              <p className="text-fg-muted">{summary.description}</p>
            </div>
          ) : null
        }
      />
    </>
  )
}
