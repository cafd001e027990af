import { CopyButton } from '@/components/ui/copy-button'
import { DetailList } from '@/components/ui/detail-list'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
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
}

const card = 'rounded-lg border border-line bg-surface'

/** One tag: what it points to, and (until a scan exists) a plain "no scan yet". */
export function TagDetail({ instanceId, repoId, tag, repositoryPath }: TagDetailProps) {
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
      />
      <section aria-labelledby="tag-image-heading" className={card}>
        <h2 id="tag-image-heading" className="border-b border-line px-4 py-2.5 text-sm font-semibold">
          Image
        </h2>
        <div className="p-4">
          {error && !data ? (
            <ErrorState error={error} title="Could not load this tag" onRetry={() => void refetch()} retrying={isFetching} />
          ) : !data ? (
            <LoadingState label="Loading tag" lines={6} />
          ) : (
            <DetailList
              items={[
                {
                  term: 'Digest',
                  value: (
                    <span className="inline-flex items-start gap-1">
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
      {data ? (
        <section aria-labelledby="tag-scan-heading" className={card}>
          <h2 id="tag-scan-heading" className="border-b border-line px-4 py-2.5 text-sm font-semibold">
            Security report
          </h2>
          <EmptyState
            title="No scan yet"
            description="This image has not been scanned. Vulnerabilities, baseline risks and malicious files appear here once a scan of this digest has finished."
          />
        </section>
      ) : null}
    </div>
  )
}
