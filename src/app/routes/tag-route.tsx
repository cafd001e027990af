import { useInstance } from '@/features/instances/api/get-instance'
import { useRepository } from '@/features/repositories/api/get-repository'
import { StartScanButton } from '@/features/scans/components/start-scan-button'
import { TagScanPanel } from '@/features/scans/components/tag-scan-panel'
import { TagDetail } from '@/features/tags/components/tag-detail'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useRouteParams } from './use-route-params'

/** `/instances/:instanceId/repositories/:repoId/tags/:tag`: one tag, the Scan action and its latest scan. */
export function TagRoute() {
  const { instanceId, repoId, tag } = useRouteParams('instanceId', 'repoId', 'tag')
  const repo = useRepository(instanceId, repoId).data
  const instance = useInstance(instanceId).data
  const reference = repo ? `${repo.fullName}:${tag}` : undefined
  useDocumentTitle(repo ? `${repo.repoNamespaceName}/${repo.repoName}:${tag}` : tag, instance?.instanceName)
  return (
    <TagDetail
      instanceId={instanceId}
      repoId={repoId}
      tag={tag}
      repositoryPath={repo?.fullName}
      actions={<StartScanButton instanceId={instanceId} repoId={repoId} tag={tag} reference={reference} />}
    >
      <TagScanPanel instanceId={instanceId} repoId={repoId} tag={tag} />
    </TagDetail>
  )
}
