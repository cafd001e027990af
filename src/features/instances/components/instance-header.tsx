import { Link, useNavigate } from 'react-router'
import { isClientApiError, isNotFoundError } from '@/api/api-error'
import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { PageHeader } from '@/components/ui/page-header'
import { ProviderBadge } from '@/components/ui/provider-badge'
import { RelativeTime } from '@/components/ui/time'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { formatCount, plural } from '@/lib/format'
import { useInstance } from '../api/get-instance'
import { instanceKindLabel } from '../lib/sync-status'
import { InstanceActions } from './instance-actions'
import { SyncStatusChip } from './sync-status-chip'
import { UnsupportedOperations } from './unsupported-operations'

export interface InstanceHeaderProps {
  instanceId: string
}

/** The instance page's header: name, endpoint, sync status (with the error in full) and actions. */
export function InstanceHeader({ instanceId }: InstanceHeaderProps) {
  const navigate = useNavigate()
  const { data: instance, error, refetch, isFetching } = useInstance(instanceId)
  useDocumentTitle(instance?.instanceName ?? 'Instance')

  if (error && !instance) {
    return (
      <div className="rounded-lg border border-line bg-surface">
        <h1 className="sr-only">Instance</h1>
        {isClientApiError(error) ? (
          <ErrorState
            error={error}
            title={isNotFoundError(error) ? 'Instance not found' : 'Could not load this instance'}
            action={
              <Link to="/instances" className={buttonClasses({ size: 'sm' })}>
                Go to instances
              </Link>
            }
          />
        ) : (
          <ErrorState error={error} title="Could not load this instance" onRetry={() => void refetch()} retrying={isFetching} />
        )}
      </div>
    )
  }
  if (!instance) return <LoadingState label="Loading instance" lines={2} className="max-w-md" />

  return (
    <PageHeader
      eyebrow="Instance"
      title={instance.instanceName}
      description={<code className="text-xs break-all">{instance.endpoint}</code>}
      actions={
        <>
          <Link to={`/instances/${instance.instanceId}/scans`} className={buttonClasses({ variant: 'ghost' })}>
            Scan tasks
          </Link>
          <Link to={`/instances/${instance.instanceId}/rules`} className={buttonClasses({ variant: 'ghost' })}>
            Scan rules
          </Link>
          <InstanceActions instance={instance} onDeleted={() => void navigate('/instances')} />
        </>
      }
    >
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-xs text-fg-muted">
        <SyncStatusChip instance={instance} />
        <ProviderBadge provider={instance.provider} />
        <Badge>{instanceKindLabel[instance.kind]}</Badge>
        <span>
          <span className="font-medium text-fg">{formatCount(instance.namespaceCount)}</span> {plural(instance.namespaceCount, 'namespace', 'namespaces')}
        </span>
        <span>
          <span className="font-medium text-fg">{formatCount(instance.repoCount)}</span> {plural(instance.repoCount, 'repository', 'repositories')}
        </span>
        <span>
          <span className="font-medium text-fg">{formatCount(instance.tagCount)}</span> {plural(instance.tagCount, 'tag', 'tags')}
        </span>
        <span>
          Last sync <RelativeTime value={instance.lastSyncTime} fallback="never" className="text-fg" />
        </span>
        {instance.insecureTls ? <Badge tone="warning">TLS not verified</Badge> : null}
      </div>
      <UnsupportedOperations operations={instance.unsupportedOperations} />
      {instance.syncStatus === 'FAILED' && instance.syncError ? (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
          <span className="font-medium">The last sync failed:</span> {instance.syncError}
        </p>
      ) : null}
    </PageHeader>
  )
}
