import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useInstance } from '@/features/instances/api/get-instance'
import { InstanceHeader } from '@/features/instances/components/instance-header'
import { InstanceTriggersSection } from '@/features/instances/components/instance-triggers-section'
import { repositoryKeys } from '@/features/repositories/api/keys'
import { RepositoriesPanel } from '@/features/repositories/components/repositories-panel'
import { useRouteParams } from './use-route-params'

/** When a sync of this instance finishes, the repository list is out of date: refetch it. */
function useRefreshRepositoriesAfterSync(instanceId: string) {
  const queryClient = useQueryClient()
  const status = useInstance(instanceId).data?.syncStatus
  const previous = useRef(status)
  useEffect(() => {
    const was = previous.current
    previous.current = status
    if ((was === 'SYNCING' || was === 'PENDING') && status === 'READY') {
      void queryClient.invalidateQueries({ queryKey: repositoryKeys.all })
    }
  }, [queryClient, status])
}

/** `/instances/:instanceId`: the instance, then its repositories. */
export function InstanceRoute() {
  const { instanceId } = useRouteParams('instanceId')
  const instance = useInstance(instanceId)
  useRefreshRepositoriesAfterSync(instanceId)
  // An instance that cannot be loaded has no repositories worth a second error.
  const failed = Boolean(instance.error) && !instance.data
  return (
    <div className="flex flex-col gap-6">
      <InstanceHeader instanceId={instanceId} />
      {failed ? null : <RepositoriesPanel instanceId={instanceId} />}
      {failed ? null : <InstanceTriggersSection instanceId={instanceId} />}
    </div>
  )
}
