import { componentSource } from '@contract/findings'
import { componentSortBy, type ScanComponentItem } from '@contract/report-overview'
import { Button } from '@/components/ui/button'
import { DataTable, type DataTableSort } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { SearchInput } from '@/components/ui/search-input'
import { Select } from '@/components/ui/select'
import { getTableUIState } from '@/components/ui/table-ui-state'
import { useUrlState } from '@/hooks/use-url-state'
import { useScanComponents } from '../api/list-scan-components'
import { componentUrlSchema } from '../lib/report-url-state'
import { componentColumns, componentRowId } from './components-tab-columns'

export interface SbomComponentsTableProps {
  scanTaskId: string
}

/** The SBOM is an inventory: the Components tab's columns without its vulnerability ones. */
const INVENTORY_COLUMN_IDS = new Set(['name', 'version', 'source', 'layer', 'location', 'licenses'])
const inventoryColumns = componentColumns.filter((c) => {
  const id = c.id ?? ('accessorKey' in c ? String(c.accessorKey) : '')
  return INVENTORY_COLUMN_IDS.has(id)
})
const sourceOptions = [{ value: '', label: 'All types' }, ...componentSource.options.map((s) => ({ value: s, label: s }))]
/** An inventory reads best alphabetically (the Components tab puts the worst first). */
const sbomUrlDefaults = { sortBy: 'name', sortOrder: 'asc' } as const

/** The packages the SBOM lists, as listScanComponent pages them (the same rows as the document's components). */
export function SbomComponentsTable({ scanTaskId }: SbomComponentsTableProps) {
  const { state, setState, reset, isFiltered } = useUrlState(componentUrlSchema, { defaults: sbomUrlDefaults })
  const query = useScanComponents({ ...state, scanTaskId })
  const uiState = getTableUIState<ScanComponentItem>({ rows: query.data?.items, error: query.error, isFetching: query.isFetching, isFiltered: isFiltered || state.pageNo > 1 })
  const sort: DataTableSort = { sortBy: state.sortBy ?? 'name', sortOrder: state.sortOrder ?? 'asc' }
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <SearchInput
          label="Search the SBOM"
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
      </div>
      <DataTable
        caption="SBOM components"
        itemLabel="components"
        columns={inventoryColumns}
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
        errorTitle="Could not load the components"
        emptyState={<EmptyState title="No components" description="The scan found no package database or application dependency in this image." />}
        filteredEmptyState={<EmptyState title="No component matches" description="No component of this SBOM matches these filters." action={<Button onClick={reset}>Clear filters</Button>} />}
      />
    </div>
  )
}
