import { useState } from 'react'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { usePermitted } from '@/hooks/use-permitted'
import { useInstanceTriggers, useSetInstanceTriggers } from '../api/instance-triggers'
import { PollIntervalForm } from './poll-interval-form'
import { WebhookSecretPanel } from './webhook-secret-panel'

export interface InstanceTriggersSectionProps {
  instanceId: string
}

/** What scans this instance's pushed tags by itself: the registry webhook and polling. */
export function InstanceTriggersSection({ instanceId }: InstanceTriggersSectionProps) {
  const { data, error, refetch, isFetching } = useInstanceTriggers(instanceId)
  const save = useSetInstanceTriggers()
  const canChange = usePermitted('setInstanceTriggers')
  // A role that may not change the settings still sees them, with its controls disabled and the reason said once.
  const locked = save.isPending || !canChange.allowed
  // Held only in this component's state: leaving the page forgets it, as the server has.
  const [revealed, setRevealed] = useState<string | null>(null)

  const body = data ? (
    <div className="grid gap-6 md:grid-cols-2">
      <WebhookSecretPanel
        webhook={data.webhook}
        origin={window.location.origin}
        revealedSecret={revealed}
        pending={locked}
        onRotate={() => save.mutate({ instanceId, webhookSecret: 'ROTATE' }, { onSuccess: (r) => setRevealed(r.webhookSecret) })}
        onRemove={() => save.mutate({ instanceId, webhookSecret: 'REMOVE' }, { onSuccess: () => setRevealed(null) })}
      />
      <PollIntervalForm poll={data.poll} pending={locked} onChange={(seconds) => save.mutate({ instanceId, pollIntervalSeconds: seconds })} />
    </div>
  ) : error ? (
    <ErrorState error={error} title="Could not load the trigger settings" onRetry={() => void refetch()} retrying={isFetching} />
  ) : (
    <LoadingState label="Loading trigger settings" lines={2} />
  )

  return (
    <section aria-labelledby="triggers-heading" className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4">
      <div>
        <h2 id="triggers-heading" className="text-base font-semibold text-fg">
          Automatic scans
        </h2>
        <p className="text-xs text-fg-muted">Pushed tags are scanned when an AUTO scan rule of this instance matches them.</p>
        {data && canChange.reason ? <p className="text-xs text-fg-muted">{`${canChange.reason}: the settings are read-only.`}</p> : null}
      </div>
      {body}
    </section>
  )
}
