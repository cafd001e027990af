import { useScanRule } from '@/features/scan-rules/api/get-scan-rule'
import { EditScanRulePage } from '@/features/scan-rules/components/edit-scan-rule-page'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useRouteParams } from './use-route-params'

/** `/instances/:instanceId/rules/:scanRuleId/edit`: the rule's form. */
export function EditScanRuleRoute() {
  const { instanceId, scanRuleId } = useRouteParams('instanceId', 'scanRuleId')
  const rule = useScanRule(instanceId, scanRuleId).data
  useDocumentTitle('Edit', rule?.ruleName, 'Scan rules')
  return <EditScanRulePage instanceId={instanceId} scanRuleId={scanRuleId} />
}
