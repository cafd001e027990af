import { useInstance } from '@/features/instances/api/get-instance'
import { useRepository } from '@/features/repositories/api/get-repository'
import { TagDetail } from '@/features/tags/components/tag-detail'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useRouteParams } from './use-route-params'

/** `/instances/:instanceId/repositories/:repoId/tags/:tag`: one tag (the report tabs hang here later). */
export function TagRoute() {
  const { instanceId, repoId, tag } = useRouteParams('instanceId', 'repoId', 'tag')
  const repo = useRepository(instanceId, repoId).data
  const instance = useInstance(instanceId).data
  useDocumentTitle(repo ? `${repo.repoNamespaceName}/${repo.repoName}:${tag}` : tag, instance?.instanceName)
  return <TagDetail instanceId={instanceId} repoId={repoId} tag={tag} repositoryPath={repo?.fullName} />
}
