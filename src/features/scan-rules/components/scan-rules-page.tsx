import { Link } from 'react-router'
import { scanRuleType, type ScanRule } from '@contract/scan-rules'
import { Button, buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PlusIcon } from '@/components/ui/icons'
import { PageHeader } from '@/components/ui/page-header'
import { PagedDataTable } from '@/components/ui/paged-data-table'
import { Select } from '@/components/ui/select'
import { usePermitted } from '@/hooks/use-permitted'
import { useUrlState } from '@/hooks/use-url-state'
import { useScanRules } from '../api/list-scan-rules'
import { newScanRulePath } from '../lib/paths'
import { scanTypeDisplay } from '../lib/rule-display'
import { scanRuleUrlSchema } from '../lib/rule-url-state'
import { LegacyScanRules } from './legacy-scan-rules'
import { scanRuleColumns } from './scan-rule-columns'

export interface ScanRulesPageProps {
  instanceId: string
  /** The instance's name for the eyebrow, once known. */
  instanceName?: string | undefined
}

const getRowId = (row: ScanRule) => row.scanRuleId
const typeOptions = [{ value: '', label: 'All scan types' }, ...scanRuleType.options.map((t) => ({ value: t, label: scanTypeDisplay[t].label }))]

/** `/instances/:instanceId/rules`: the instance's scan rules, newest first, scan type and page in the URL. */
export function ScanRulesPage({ instanceId, instanceName }: ScanRulesPageProps) {
  const urlState = useUrlState(scanRuleUrlSchema)
  const { state, setState } = urlState
  const query = useScanRules({ ...state, instanceId })
  const canCreate = usePermitted('createScanRule')
  // A link cannot be disabled: a role that may not create rules gets a disabled button that says why.
  const newRule = canCreate.allowed ? (
    <Link to={newScanRulePath(instanceId)} className={buttonClasses({ variant: 'primary' })}>
      <PlusIcon className="size-3.5" />
      New rule
    </Link>
  ) : (
    <Button variant="primary" disabled title={canCreate.reason ?? undefined}>
      <PlusIcon className="size-3.5" />
      New rule<span className="sr-only">{` (${canCreate.reason ?? ''})`}</span>
    </Button>
  )

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        eyebrow={instanceName ?? 'Instance'}
        title="Scan rules"
        description="Which tags get scanned: on push, or when you run a rule. Each rule picks repositories by scope and tags by a pattern."
        actions={newRule}
      />
      <LegacyScanRules instanceId={instanceId} />
      <div className="flex flex-wrap items-center gap-2">
        <Select
          label="Scan type"
          hideLabel
          options={typeOptions}
          value={state.scanType ?? ''}
          onChange={(e) => setState({ scanType: scanRuleType.safeParse(e.target.value).data })}
          fieldClassName="w-56"
        />
      </div>
      <PagedDataTable
        caption="Scan rules"
        itemLabel="rules"
        columns={scanRuleColumns}
        getRowId={getRowId}
        query={query}
        urlState={urlState}
        errorTitle="Could not load scan rules"
        emptyState={<EmptyState title="No scan rules yet" description="A rule scans matching tags on push, or all at once when you run it." action={newRule} />}
        filteredEmpty={{ title: 'No scan rules match', description: 'No rule on this page matches the filter.' }}
      />
    </div>
  )
}
