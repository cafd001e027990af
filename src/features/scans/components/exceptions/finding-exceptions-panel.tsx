import { useState } from 'react'
import type { VulnerabilityItem } from '@contract/scans'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { AbsoluteTime } from '@/components/ui/time'
import { usePermitted } from '@/hooks/use-permitted'
import { useImageReportHeader } from '../../api/get-image-report-header'
import { stateLabel, stateTone } from './exception-labels'
import { useFindingExceptions } from './exception-queries'
import { FindingHistory } from './finding-history'
import { RequestExceptionDialog } from './request-exception-dialog'

export interface FindingExceptionsPanelProps {
  scanTaskId: string
  item: VulnerabilityItem
}

/**
 * The expanded row's exception part: the finding's state, the "Request exception" action
 * for roles that may ask, and the history of every exception about it. The data owner;
 * FindingHistory draws the list.
 */
export function FindingExceptionsPanel({ scanTaskId, item }: FindingExceptionsPanelProps) {
  const [open, setOpen] = useState(false)
  const mayRequest = usePermitted('createVulnException')
  const header = useImageReportHeader(scanTaskId).data
  const image = header
    ? { instanceId: header.instanceId, repoId: header.repoId, digest: header.id }
    : undefined
  const exceptions = useFindingExceptions(image, {
    cveName: item.cveName,
    feature: item.feature,
    version: item.version,
    versionFormat: item.versionFormat,
  })
  const state = item.state ?? 'OBSERVED'
  const pending = exceptions.data?.filter((e) => e.status === 'PENDING').length ?? 0

  return (
    <section
      aria-label={`Exceptions of ${item.cveName} in ${item.feature}`}
      className="border-line flex flex-col gap-2 border-t pt-3"
    >
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <h4 className="text-sm font-semibold">Exceptions</h4>
        <span>
          State: <Badge tone={stateTone[state]}>{stateLabel[state]}</Badge>
        </span>
        {state !== 'OBSERVED' && item.suppressExpiry ? (
          <span className="text-fg-muted">
            until <AbsoluteTime value={item.suppressExpiry} />
          </span>
        ) : null}
        {pending ? <Badge tone="info">{pending} pending</Badge> : null}
        {mayRequest.allowed ? (
          <Button size="sm" className="ml-auto" onClick={() => setOpen(true)}>
            Request exception
          </Button>
        ) : null}
      </div>
      <FindingHistory
        exceptions={exceptions.data}
        error={exceptions.error}
        onRetry={() => void exceptions.refetch()}
      />
      <RequestExceptionDialog
        open={open}
        onClose={() => setOpen(false)}
        scanTaskId={scanTaskId}
        findings={[item]}
      />
    </section>
  )
}
