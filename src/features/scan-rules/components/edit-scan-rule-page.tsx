import { useNavigate } from 'react-router'
import { PageHeader } from '@/components/ui/page-header'
import { useUpdateScanRule } from '../api/update-scan-rule'
import { scanRulePath } from '../lib/paths'
import { formFromRule, validateUpdate } from '../lib/rule-form'
import { ScanRuleForm } from './scan-rule-form'
import { ScanRuleLoader } from './scan-rule-loader'

export interface EditScanRulePageProps {
  instanceId: string
  scanRuleId: string
}

/** `/instances/:instanceId/rules/:scanRuleId/edit`: the rule's form, saved as a full replace. */
export function EditScanRulePage({ instanceId, scanRuleId }: EditScanRulePageProps) {
  const navigate = useNavigate()
  const update = useUpdateScanRule()
  const back = scanRulePath(instanceId, scanRuleId)
  return (
    <ScanRuleLoader instanceId={instanceId} scanRuleId={scanRuleId}>
      {(rule) => (
        <div className="flex flex-col gap-4">
          <PageHeader eyebrow="Edit scan rule" title={rule.ruleName} />
          <ScanRuleForm
            // A refetched rule must not reset what is being typed: the form starts from the rule once.
            key={rule.scanRuleId}
            instanceId={instanceId}
            initialValues={formFromRule(rule)}
            editing
            submitLabel="Save rule"
            validate={(values) => validateUpdate(instanceId, scanRuleId, values)}
            onSubmit={async (body) => {
              await update.mutateAsync(body)
              await navigate(back)
            }}
            onCancel={() => void navigate(back)}
          />
        </div>
      )}
    </ScanRuleLoader>
  )
}
