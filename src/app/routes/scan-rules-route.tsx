import { useInstance } from '@/features/instances/api/get-instance'
import { ScanRulesPage } from '@/features/scan-rules/components/scan-rules-page'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useRouteParams } from './use-route-params'

/** `/instances/:instanceId/rules`: the instance's scan rules. */
export function ScanRulesRoute() {
  const { instanceId } = useRouteParams('instanceId')
  const instance = useInstance(instanceId).data
  useDocumentTitle('Scan rules', instance?.instanceName)
  return <ScanRulesPage instanceId={instanceId} instanceName={instance?.instanceName} />
}
