import { useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { buttonClasses } from '@/components/ui/button'
import { useInstance } from '@/features/instances/api/get-instance'
import { useRepository } from '@/features/repositories/api/get-repository'
import { RepositoryHeader } from '@/features/repositories/components/repository-header'
import { lastScanColumn } from '@/features/scans/components/last-scan-column'
import { ScanAllTagsButton } from '@/features/scans/components/scan-all-tags-button'
import { scanTasksPath } from '@/features/scans/lib/paths'
import { tagKeys } from '@/features/tags/api/keys'
import { TagsPanel } from '@/features/tags/components/tags-panel'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useRouteParams } from './use-route-params'

const tagExtraColumns = [lastScanColumn]

/** `/instances/:instanceId/repositories/:repoId`: the repository, "Scan all tags", then its tags with their last scan. */
export function RepositoryRoute() {
  const { instanceId, repoId } = useRouteParams('instanceId', 'repoId')
  const queryClient = useQueryClient()
  const repoQuery = useRepository(instanceId, repoId)
  const repo = repoQuery.data
  const failed = Boolean(repoQuery.error) && !repo
  const instance = useInstance(instanceId).data
  useDocumentTitle(repo ? `${repo.repoNamespaceName}/${repo.repoName}` : 'Repository', instance?.instanceName)
  return (
    <div className="flex flex-col gap-6">
      <RepositoryHeader
        instanceId={instanceId}
        repoId={repoId}
        actions={
          <>
            <Link
              to={`${scanTasksPath(instanceId)}?repoId=${repoId}`}
              className={buttonClasses({ variant: 'ghost' })}
            >
              Scan tasks
            </Link>
            <ScanAllTagsButton
              instanceId={instanceId}
              repoId={repoId}
              tagCount={repo?.tagCount}
              onQueued={() => void queryClient.invalidateQueries({ queryKey: tagKeys.lists() })}
            />
          </>
        }
      />
      {failed ? null : <TagsPanel instanceId={instanceId} repoId={repoId} extraColumns={tagExtraColumns} />}
    </div>
  )
}
