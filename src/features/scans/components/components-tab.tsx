import { componentSource } from '@contract/findings'
import { componentSortBy, type ScanComponentItem } from '@contract/report-overview'
import type { ImageReportView } from '@contract/scans'
import { Button } from '@/components/ui/button'
import { DataTable, type DataTableSort } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { SearchInput } from '@/components/ui/search-input'
import { Select } from '@/components/ui/select'
import { getTableUIState } from '@/components/ui/table-ui-state'
import { useUrlState } from '@/hooks/use-url-state'
import { useScanComponents } from '../api/list-scan-components'
import { componentUrlDefaults, componentUrlSchema } from '../lib/report-url-state'
import { componentColumns, componentRowId } from './components-tab-columns'

export interface ComponentsTabProps {
  report: ImageReportView
}

const sourceOptions = [{ value: '', label: 'All types' }, ...componentSource.options.map((s) => ({ value: s, label: s }))]
const vulnerableOptions = [
  { value: '', label: 'All packages' },
  { value: 'true', label: 'With vulnerabilities' },
  { value: 'false', label: 'Without vulnerabilities' },
]

/** The packages the scan found, with their findings by severity: filtered, sorted and paged by the server. */
export function ComponentsTab({ report }: ComponentsTabProps) {
  const { state, setState, reset, isFiltered } = useUrlState(componentUrlSchema, { defaults: componentUrlDefaults })
  const query = useScanComponents({ ...state, scanTaskId: report.scanTaskId })
  const uiState = getTableUIState<ScanComponentItem>({ rows: query.data?.items, error: query.error, isFetching: query.isFetching, isFiltered: isFiltered || state.pageNo > 1 })
  const sort: DataTableSort = { sortBy: state.sortBy ?? 'severity', sortOrder: state.sortOrder ?? 'desc' }
  const layerOptions = [
    { value: '', label: 'All layers' },
    ...report.metadata.layers.map((l) => ({ value: String(l.index), label: `Layer ${l.index}${l.instruction ? ` · ${l.instruction}` : ''}` })),
  ]
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <SearchInput
          label="Search packages"
          placeholder="Name, purl or path"
          value={state.componentQueryKey ?? ''}
          onValueChange={(componentQueryKey) => setState({ componentQueryKey })}
          className="w-56"
        />
        <Select
          label="Package type"
          hideLabel
          options={sourceOptions}
          value={state.source ?? ''}
          onChange={(e) => setState({ source: componentSource.safeParse(e.target.value).data })}
          fieldClassName="w-40"
        />
        <Select
          label="Layer"
          hideLabel
          options={layerOptions}
          value={state.layerIndex === undefined ? '' : String(state.layerIndex)}
          onChange={(e) => setState({ layerIndex: e.target.value === '' ? undefined : Number(e.target.value) })}
          fieldClassName="w-44"
        />
        <Select
          label="Vulnerable"
          hideLabel
          options={vulnerableOptions}
          value={state.vulnerable === undefined ? '' : String(state.vulnerable)}
          onChange={(e) => setState({ vulnerable: e.target.value === '' ? undefined : e.target.value === 'true' })}
          fieldClassName="w-52"
        />
      </div>
      <DataTable
        caption="Components"
        itemLabel="packages"
        columns={componentColumns}
        uiState={uiState}
        getRowId={componentRowId}
        totalCount={query.data?.totalCount ?? 0}
        pageNo={state.pageNo}
        pageSize={state.pageSize}
        onPageChange={(pageNo) => setState({ pageNo })}
        onPageSizeChange={(pageSize) => setState({ pageSize })}
        sort={sort}
        onSortChange={(next) => {
          const sortBy = componentSortBy.safeParse(next.sortBy)
          if (sortBy.success) setState({ sortBy: sortBy.data, sortOrder: next.sortOrder })
        }}
        onRetry={() => void query.refetch()}
        errorTitle="Could not load packages"
        emptyState={<EmptyState title="No packages found" description="The scan found no package database or application dependency in this image." />}
        filteredEmptyState={
          <EmptyState title="No packages match" description="No package of this scan matches these filters." action={<Button onClick={reset}>Clear filters</Button>} />
        }
      />
    </div>
  )
}
