import { useInstance } from '@/features/instances/api/get-instance'
import { useRepository } from '@/features/repositories/api/get-repository'
import { RepositoryHeader } from '@/features/repositories/components/repository-header'
import { TagsPanel } from '@/features/tags/components/tags-panel'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useRouteParams } from './use-route-params'

/** `/instances/:instanceId/repositories/:repoId`: the repository, then its tags. */
export function RepositoryRoute() {
  const { instanceId, repoId } = useRouteParams('instanceId', 'repoId')
  const repoQuery = useRepository(instanceId, repoId)
  const repo = repoQuery.data
  const failed = Boolean(repoQuery.error) && !repo
  const instance = useInstance(instanceId).data
  useDocumentTitle(repo ? `${repo.repoNamespaceName}/${repo.repoName}` : 'Repository', instance?.instanceName)
  return (
    <div className="flex flex-col gap-6">
      <RepositoryHeader instanceId={instanceId} repoId={repoId} />
      {failed ? null : <TagsPanel instanceId={instanceId} repoId={repoId} />}
    </div>
  )
}
