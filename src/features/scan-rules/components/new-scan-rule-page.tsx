import { useNavigate } from 'react-router'
import { PageHeader } from '@/components/ui/page-header'
import { useCreateScanRule } from '../api/create-scan-rule'
import { scanRulePath, scanRulesPath } from '../lib/paths'
import { emptyScanRuleForm, validateCreate } from '../lib/rule-form'
import { ScanRuleForm } from './scan-rule-form'

export interface NewScanRulePageProps {
  instanceId: string
  instanceName?: string | undefined
}

/** `/instances/:instanceId/rules/new`: the form of a new rule; saved, it opens the rule's page. */
export function NewScanRulePage({ instanceId, instanceName }: NewScanRulePageProps) {
  const navigate = useNavigate()
  const create = useCreateScanRule()
  return (
    <div className="flex flex-col gap-4">
      <PageHeader eyebrow={instanceName ?? 'Instance'} title="New scan rule" description="Pick repositories by scope and tags by a pattern; the preview shows what that matches in the index now." />
      <ScanRuleForm
        instanceId={instanceId}
        initialValues={emptyScanRuleForm}
        editing={false}
        submitLabel="Create rule"
        validate={(values) => validateCreate(instanceId, values)}
        onSubmit={async (body) => {
          const { scanRuleId } = await create.mutateAsync(body)
          await navigate(scanRulePath(instanceId, scanRuleId))
        }}
        onCancel={() => void navigate(scanRulesPath(instanceId))}
      />
    </div>
  )
}
