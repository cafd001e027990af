import { RequirePermission } from '@/features/auth/components/require-permission'
import { useInstance } from '@/features/instances/api/get-instance'
import { scanRulesPath } from '@/features/scan-rules/lib/paths'
import { NewScanRulePage } from '@/features/scan-rules/components/new-scan-rule-page'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useRouteParams } from './use-route-params'

/**
 * `/instances/:instanceId/rules/new`: a new rule's form with its live preview. A role that
 * may not create rules (opened by URL) gets "You need access", never the form.
 */
export function NewScanRuleRoute() {
  const { instanceId } = useRouteParams('instanceId')
  return (
    <RequirePermission
      operation="createScanRule"
      what="Creating scan rules"
      needs="operator"
      back={{ to: scanRulesPath(instanceId), label: 'Back to scan rules' }}
    >
      <NewScanRule instanceId={instanceId} />
    </RequirePermission>
  )
}

// Below the permission check, so its document title never replaces "You need access".
function NewScanRule({ instanceId }: { instanceId: string }) {
  const instance = useInstance(instanceId).data
  useDocumentTitle('New scan rule', instance?.instanceName)
  return <NewScanRulePage instanceId={instanceId} instanceName={instance?.instanceName} />
}
