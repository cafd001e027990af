import { maliciousLevel } from '@contract/findings'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { Select } from '@/components/ui/select'
import { getTableUIState } from '@/components/ui/table-ui-state'
import { useUrlState } from '@/hooks/use-url-state'
import { useMalicious } from '../api/list-malicious'
import { maliciousUrlSchema } from '../lib/report-url-state'
import { maliciousColumns, maliciousRowId } from './malicious-columns'

export interface MaliciousTabProps {
  scanTaskId: string
}

const levelLabel = { serious: 'Serious', suspicious: 'Suspicious', remind: 'Remind' } as const
const levelOptions = [{ value: '', label: 'All levels' }, ...maliciousLevel.options.map((l) => ({ value: l, label: levelLabel[l] }))]

/** The malicious files a scan found, with the level filter and page in the URL. */
export function MaliciousTab({ scanTaskId }: MaliciousTabProps) {
  const { state, setState, reset, isFiltered } = useUrlState(maliciousUrlSchema)
  const query = useMalicious({ ...state, scanTaskId })
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
          onChange={(e) => setState({ level: maliciousLevel.safeParse(e.target.value).data })}
          fieldClassName="w-44"
        />
      </div>
      <DataTable
        caption="Malicious files"
        itemLabel="malicious files"
        columns={maliciousColumns}
        uiState={uiState}
        getRowId={maliciousRowId}
        totalCount={query.data?.totalCount ?? 0}
        pageNo={state.pageNo}
        pageSize={state.pageSize}
        onPageChange={(pageNo) => setState({ pageNo })}
        onPageSizeChange={(pageSize) => setState({ pageSize })}
        onRetry={() => void query.refetch()}
        errorTitle="Could not load malicious files"
        emptyState={
          notChecked ? (
            <EmptyState
              title="Malicious files not searched"
              description="This scan looked for vulnerabilities only (ACR_SCAN_SERVICE). Scan the tag with baseline and malicious files to search it."
            />
          ) : (
            <EmptyState title="No malicious files" description="No file in any layer matched a malware hash or signature." />
          )
        }
        filteredEmptyState={
          <EmptyState title="No malicious files match" description="No file of this level." action={<Button onClick={reset}>Clear filter</Button>} />
        }
      />
    </div>
  )
}
