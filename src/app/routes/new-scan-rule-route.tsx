import { useInstance } from '@/features/instances/api/get-instance'
import { NewScanRulePage } from '@/features/scan-rules/components/new-scan-rule-page'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useRouteParams } from './use-route-params'

/** `/instances/:instanceId/rules/new`: a new rule's form with its live preview. */
export function NewScanRuleRoute() {
  const { instanceId } = useRouteParams('instanceId')
  const instance = useInstance(instanceId).data
  useDocumentTitle('New scan rule', instance?.instanceName)
  return <NewScanRulePage instanceId={instanceId} instanceName={instance?.instanceName} />
}
