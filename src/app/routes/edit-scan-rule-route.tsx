import { RequirePermission } from '@/features/auth/components/require-permission'
import { useScanRule } from '@/features/scan-rules/api/get-scan-rule'
import { EditScanRulePage } from '@/features/scan-rules/components/edit-scan-rule-page'
import { scanRulePath } from '@/features/scan-rules/lib/paths'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useRouteParams } from './use-route-params'

/**
 * `/instances/:instanceId/rules/:scanRuleId/edit`: the rule's form. A role that may not
 * change rules (opened by URL) gets "You need access", never the form.
 */
export function EditScanRuleRoute() {
  const { instanceId, scanRuleId } = useRouteParams('instanceId', 'scanRuleId')
  return (
    <RequirePermission
      operation="updateScanRule"
      what="Editing scan rules"
      needs="operator"
      back={{ to: scanRulePath(instanceId, scanRuleId), label: 'Back to the rule' }}
    >
      <EditScanRule instanceId={instanceId} scanRuleId={scanRuleId} />
    </RequirePermission>
  )
}

// Below the permission check, so its document title never replaces "You need access".
function EditScanRule({ instanceId, scanRuleId }: { instanceId: string; scanRuleId: string }) {
  const rule = useScanRule(instanceId, scanRuleId).data
  useDocumentTitle('Edit', rule?.ruleName, 'Scan rules')
  return <EditScanRulePage instanceId={instanceId} scanRuleId={scanRuleId} />
}
