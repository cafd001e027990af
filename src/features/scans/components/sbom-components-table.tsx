import { componentSortBy, type ScanComponentItem } from '@contract/report-overview'
import { EmptyState } from '@/components/ui/empty-state'
import { PagedDataTable, urlSortProps } from '@/components/ui/paged-data-table'
import { useUrlState } from '@/hooks/use-url-state'
import { useScanComponents } from '../api/list-scan-components'
import { componentUrlSchema } from '../lib/report-url-state'
import { ComponentSearchFilters } from './component-search-filters'
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
/** An inventory reads best alphabetically (the Components tab puts the worst first). */
const sbomUrlDefaults = { sortBy: 'name', sortOrder: 'asc' } as const

/** The packages the SBOM lists, as listScanComponent pages them (the same rows as the document's components). */
export function SbomComponentsTable({ scanTaskId }: SbomComponentsTableProps) {
  const urlState = useUrlState(componentUrlSchema, { defaults: sbomUrlDefaults })
  const { state, setState } = urlState
  const query = useScanComponents({ ...state, scanTaskId })
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <ComponentSearchFilters searchLabel="Search the SBOM" state={state} setState={setState} />
      </div>
      <PagedDataTable<ScanComponentItem>
        caption="SBOM components"
        itemLabel="components"
        columns={inventoryColumns}
        getRowId={componentRowId}
        query={query}
        urlState={urlState}
        {...urlSortProps(urlState, componentSortBy, sbomUrlDefaults)}
        errorTitle="Could not load the components"
        emptyState={<EmptyState title="No components" description="The scan found no package database or application dependency in this image." />}
        filteredEmpty={{ title: 'No component matches', description: 'No component of this SBOM matches these filters.' }}
      />
    </div>
  )
}
