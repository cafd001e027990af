import { BreadcrumbItem } from '@/components/ui/breadcrumbs'
import { useRepository } from '../api/get-repository'

export interface RepositoryCrumbProps {
  instanceId: string
  repoId: string
  current: boolean
}

/** "namespace/name" in the breadcrumb trail, once the repository has loaded. */
export function RepositoryCrumb({ instanceId, repoId, current }: RepositoryCrumbProps) {
  const { data } = useRepository(instanceId, repoId)
  return (
    <BreadcrumbItem to={`/instances/${instanceId}/repositories/${repoId}`} current={current}>
      {data ? `${data.repoNamespaceName}/${data.repoName}` : repoId}
    </BreadcrumbItem>
  )
}
