import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { isClientApiError } from '@/api/api-error'
import { buttonClasses } from '@/components/ui/button'
import { CopyButton } from '@/components/ui/copy-button'
import { DetailList } from '@/components/ui/detail-list'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { InstanceProviderBadge } from '@/components/ui/instance-provider-badge'
import { PageHeader } from '@/components/ui/page-header'
import { AbsoluteTime } from '@/components/ui/time'
import { formatBytes, formatCount } from '@/lib/format'
import { useRepoTag } from '../api/get-repo-tag'

export interface TagDetailProps {
  instanceId: string
  repoId: string
  tag: string
  /** The repository's path, for the image reference; shown once known. */
  repositoryPath?: string | undefined
  /** Buttons beside the title (the scan action), shown once the tag has loaded. */
  actions?: ReactNode
  /** Sections under the image (the security report), shown once the tag has loaded. */
  children?: ReactNode
}

const card = 'rounded-lg border border-line bg-surface'

/** What a refusal (4xx) on this page means, by the server's code, and where to go instead. */
function notFound(code: string, instanceId: string, repoId: string): { title: string; to: string; label: string } {
  if (code === 'TAG_NOT_EXIST') return { title: 'Tag not found', to: `/instances/${instanceId}/repositories/${repoId}`, label: 'Back to repository' }
  if (code === 'REPO_NOT_EXIST') return { title: 'Repository not found', to: `/instances/${instanceId}`, label: 'Back to instance' }
  return { title: code === 'INSTANCE_NOT_EXIST' ? 'Instance not found' : 'Could not load this tag', to: '/instances', label: 'Go to instances' }
}

/** One tag: what it points to, then whatever the page adds below (its security report). */
export function TagDetail({ instanceId, repoId, tag, repositoryPath, actions, children }: TagDetailProps) {
  const { data, error, refetch, isFetching } = useRepoTag(instanceId, repoId, tag)
  const reference = repositoryPath && data ? `${repositoryPath}:${tag}` : undefined

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        eyebrow="Tag"
        title={tag}
        description={
          reference ? (
            <span className="inline-flex items-center gap-1">
              <code className="text-xs text-fg">{reference}</code>
              <CopyButton value={reference} label="Copy image reference" />
            </span>
          ) : undefined
        }
        actions={data ? actions : undefined}
      >
        <div>
          <InstanceProviderBadge instanceId={instanceId} />
        </div>
      </PageHeader>
      <section aria-labelledby="tag-image-heading" className={card}>
        <h2 id="tag-image-heading" className="border-b border-line px-4 py-2.5 text-sm font-semibold">
          Image
        </h2>
        <div className="p-4">
          {error && !data ? (
            isClientApiError(error) ? (
              <TagNotFound error={error} {...notFound(error.code, instanceId, repoId)} />
            ) : (
              <ErrorState error={error} title="Could not load this tag" onRetry={() => void refetch()} retrying={isFetching} />
            )
          ) : !data ? (
            <LoadingState label="Loading tag" lines={6} />
          ) : (
            <DetailList
              items={[
                {
                  term: 'Digest',
                  value: (
                    <span className="inline-flex items-center gap-1">
                      <code className="text-xs break-all">{data.digest}</code>
                      <CopyButton value={data.digest} label="Copy digest" />
                    </span>
                  ),
                },
                { term: 'Media type', value: <code className="text-xs break-all">{data.mediaType}</code> },
                { term: 'Platforms', value: data.platforms.length ? data.platforms.join(', ') : '—' },
                { term: 'Size', value: `${formatBytes(data.imageSize)} (compressed)` },
                { term: 'Layers', value: formatCount(data.layerCount) },
                { term: 'Image created', value: <AbsoluteTime value={data.imageCreate} fallback="Not recorded in the image" /> },
                { term: 'Pushed', value: <AbsoluteTime value={data.pushTime} /> },
              ]}
            />
          )}
        </div>
      </section>
      {data ? children : null}
    </div>
  )
}

/** A tag (or its repository or instance) the server does not know or a malformed address: retrying cannot help, going back can. */
function TagNotFound({ error, title, to, label }: { error: unknown; title: string; to: string; label: string }) {
  return (
    <ErrorState
      error={error}
      title={title}
      action={
        <Link to={to} className={buttonClasses({ size: 'sm' })}>
          {label}
        </Link>
      }
    />
  )
}
