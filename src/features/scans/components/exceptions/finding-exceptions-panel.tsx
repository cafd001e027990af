import { useState } from 'react'
import type { VulnerabilityItem } from '@contract/scans'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { AbsoluteTime } from '@/components/ui/time'
import { usePermitted } from '@/hooks/use-permitted'
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
  const exceptions = useFindingExceptions(scanTaskId, item.cveName, item.componentId)
  // The server's answer is newer than the row's (a decision made since the page loaded).
  const state = exceptions.data?.state ?? item.state ?? 'OBSERVED'
  const suppressExpiry = exceptions.data ? exceptions.data.suppressExpiry : item.suppressExpiry
  const pending = exceptions.data?.pendingExceptionIds.length ?? 0

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
        {state !== 'OBSERVED' && suppressExpiry ? (
          <span className="text-fg-muted">
            until <AbsoluteTime value={suppressExpiry} />
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
        exceptions={exceptions.data?.items}
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
