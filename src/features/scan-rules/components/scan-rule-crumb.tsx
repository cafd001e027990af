import { BreadcrumbItem } from '@/components/ui/breadcrumbs'
import { useScanRule } from '../api/get-scan-rule'
import { scanRulePath } from '../lib/paths'

export interface ScanRuleCrumbProps {
  instanceId: string
  scanRuleId: string
  current: boolean
}

/** The rule's level in the breadcrumb trail, named once the rule has loaded. */
export function ScanRuleCrumb({ instanceId, scanRuleId, current }: ScanRuleCrumbProps) {
  const { data } = useScanRule(instanceId, scanRuleId)
  return (
    <BreadcrumbItem to={scanRulePath(instanceId, scanRuleId)} current={current}>
      {data?.ruleName ?? scanRuleId}
    </BreadcrumbItem>
  )
}
