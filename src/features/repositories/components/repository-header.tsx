import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { isClientApiError, isNotFoundError } from '@/api/api-error'
import { buttonClasses } from '@/components/ui/button'
import { CopyButton } from '@/components/ui/copy-button'
import { ErrorState } from '@/components/ui/error-state'
import { InstanceProviderBadge } from '@/components/ui/instance-provider-badge'
import { LoadingState } from '@/components/ui/loading-state'
import { PageHeader } from '@/components/ui/page-header'
import { RelativeTime } from '@/components/ui/time'
import { formatCount, plural } from '@/lib/format'
import { useRepository } from '../api/get-repository'

export interface RepositoryHeaderProps {
  instanceId: string
  repoId: string
  /** Buttons beside the title (scan all tags), shown once the repository has loaded. */
  actions?: ReactNode
}

/** The repository page's header: namespace/name, the path to pull, tag count and last push. */
export function RepositoryHeader({ instanceId, repoId, actions }: RepositoryHeaderProps) {
  const { data: repo, error, refetch, isFetching } = useRepository(instanceId, repoId)

  if (error && !repo) {
    const instanceMissing = isNotFoundError(error) && error.code === 'INSTANCE_NOT_EXIST'
    return (
      <div className="rounded-lg border border-line bg-surface">
        <h1 className="sr-only">Repository</h1>
        {isClientApiError(error) ? (
          <ErrorState
            error={error}
            title={instanceMissing ? 'Instance not found' : isNotFoundError(error) ? 'Repository not found' : 'Could not load this repository'}
            action={
              <Link to={instanceMissing ? '/instances' : `/instances/${instanceId}`} className={buttonClasses({ size: 'sm' })}>
                {instanceMissing ? 'Go to instances' : 'Back to instance'}
              </Link>
            }
          />
        ) : (
          <ErrorState error={error} title="Could not load this repository" onRetry={() => void refetch()} retrying={isFetching} />
        )}
      </div>
    )
  }
  if (!repo) return <LoadingState label="Loading repository" lines={2} className="max-w-md" />

  return (
    <PageHeader
      eyebrow="Repository"
      actions={actions}
      title={
        <>
          <span className="font-normal text-fg-muted">{repo.repoNamespaceName}/</span>
          {repo.repoName}
        </>
      }
      description={
        <span className="inline-flex items-center gap-1">
          Path <code className="text-xs text-fg">{repo.fullName}</code>
          <CopyButton value={repo.fullName} label="Copy repository path" />
        </span>
      }
    >
      <div className="flex flex-wrap items-center gap-x-5 gap-y-1 text-xs text-fg-muted">
        <InstanceProviderBadge instanceId={instanceId} />
        <span>
          <span className="font-medium text-fg">{formatCount(repo.tagCount)}</span> {plural(repo.tagCount, 'tag', 'tags')}
        </span>
        <span>
          Last push <RelativeTime value={repo.lastPushTime} fallback="never" className="text-fg" />
        </span>
        <span>
          Indexed since <RelativeTime value={repo.createTime} className="text-fg" />
        </span>
      </div>
    </PageHeader>
  )
}
