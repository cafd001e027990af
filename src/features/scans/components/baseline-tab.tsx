import { baselineLevel } from '@contract/findings'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { Select } from '@/components/ui/select'
import { getTableUIState } from '@/components/ui/table-ui-state'
import { useUrlState } from '@/hooks/use-url-state'
import { useBaseline } from '../api/list-baseline'
import { baselineUrlSchema } from '../lib/report-url-state'
import { baselineColumns, baselineRowId } from './baseline-columns'

export interface BaselineTabProps {
  scanTaskId: string
}

const levelOptions = [{ value: '', label: 'All levels' }, ...baselineLevel.options.map((l) => ({ value: l, label: l }))]

/** The baseline (configuration) risks of a scan, with the level filter and page in the URL. */
export function BaselineTab({ scanTaskId }: BaselineTabProps) {
  const { state, setState, reset, isFiltered } = useUrlState(baselineUrlSchema)
  const query = useBaseline({ ...state, scanTaskId })
  const uiState = getTableUIState({ rows: query.data?.items, error: query.error, isFetching: query.isFetching, isFiltered: isFiltered || state.pageNo > 1 })
  const notChecked = query.data?.scanService === 'ACR_SCAN_SERVICE'
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Select
          label="Level"
          hideLabel
          options={levelOptions}
          value={state.level ?? ''}
          onChange={(e) => setState({ level: baselineLevel.safeParse(e.target.value).data })}
          fieldClassName="w-44"
        />
      </div>
      <DataTable
        caption="Baseline risks"
        itemLabel="baseline risks"
        columns={baselineColumns}
        uiState={uiState}
        getRowId={baselineRowId}
        totalCount={query.data?.totalCount ?? 0}
        pageNo={state.pageNo}
        pageSize={state.pageSize}
        onPageChange={(pageNo) => setState({ pageNo })}
        onPageSizeChange={(pageSize) => setState({ pageSize })}
        onRetry={() => void query.refetch()}
        errorTitle="Could not load baseline risks"
        emptyState={
          notChecked ? (
            <EmptyState
              title="Baseline not checked"
              description="This scan looked for vulnerabilities only (ACR_SCAN_SERVICE). Scan the tag with baseline and malicious files to check its configuration."
            />
          ) : (
            <EmptyState title="No baseline risks" description="The image's configuration and files passed every baseline check." />
          )
        }
        filteredEmptyState={
          <EmptyState title="No baseline risks match" description="No risk of this level." action={<Button onClick={reset}>Clear filter</Button>} />
        }
      />
    </div>
  )
}
