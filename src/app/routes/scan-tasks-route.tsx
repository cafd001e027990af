import { useInstance } from '@/features/instances/api/get-instance'
import { ScanTasksPage } from '@/features/scans/components/scan-tasks-page'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useRouteParams } from './use-route-params'

/** `/instances/:instanceId/scans`: the instance's scan tasks. */
export function ScanTasksRoute() {
  const { instanceId } = useRouteParams('instanceId')
  const instance = useInstance(instanceId).data
  useDocumentTitle('Scan tasks', instance?.instanceName)
  return <ScanTasksPage instanceId={instanceId} instanceName={instance?.instanceName} />
}
