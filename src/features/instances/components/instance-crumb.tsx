import { BreadcrumbItem } from '@/components/ui/breadcrumbs'
import { useInstance } from '../api/get-instance'

export interface InstanceCrumbProps {
  instanceId: string
  current: boolean
}

/** The instance's level in the breadcrumb trail, named once the instance has loaded. */
export function InstanceCrumb({ instanceId, current }: InstanceCrumbProps) {
  const { data } = useInstance(instanceId)
  return (
    <BreadcrumbItem to={`/instances/${instanceId}`} current={current}>
      {data?.instanceName ?? instanceId}
    </BreadcrumbItem>
  )
}
