import { useQueryClient } from '@tanstack/react-query'
import { useScanRule } from '@/features/scan-rules/api/get-scan-rule'
import { ScanRuleDetailPage } from '@/features/scan-rules/components/scan-rule-detail-page'
import { scanKeys } from '@/features/scans/api/keys'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { ScanRuleTasks } from './scan-rule-tasks'
import { useRouteParams } from './use-route-params'

/**
 * `/instances/:instanceId/rules/:scanRuleId`: the rule and the scans it started. Rules
 * and scans are separate features, so the two meet here.
 */
export function ScanRuleRoute() {
  const { instanceId, scanRuleId } = useRouteParams('instanceId', 'scanRuleId')
  const rule = useScanRule(instanceId, scanRuleId).data
  useDocumentTitle(rule?.ruleName, 'Scan rules')
  const queryClient = useQueryClient()
  // A run queues scans: task lists and tags' scan statuses are out of date.
  const onRan = () =>
    Promise.all(
      [scanKeys.tasks(), scanKeys.statuses()].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    )
  return (
    <ScanRuleDetailPage instanceId={instanceId} scanRuleId={scanRuleId} onRan={onRan}>
      {(r) => <ScanRuleTasks instanceId={r.instanceId} scanRuleId={r.scanRuleId} />}
    </ScanRuleDetailPage>
  )
}
