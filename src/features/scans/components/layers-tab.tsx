import type { LayerFindings } from '@contract/report-overview'
import { DataTable, type DataTableSort } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { getTableUIState } from '@/components/ui/table-ui-state'
import { useUrlState } from '@/hooks/use-url-state'
import { useScanOverview } from '../api/get-scan-overview'
import { sortLayers } from '../lib/layer-sort'
import { layerSortBy, layerUrlDefaults, layerUrlSchema } from '../lib/report-url-state'
import { layerColumns, layerRowId } from './layers-tab-columns'

export interface LayersTabProps {
  scanTaskId: string
}

/**
 * The image's layers, bottom first, with the instruction that made each, its size, and
 * the findings and packages it added. An image has a handful of layers, all in the
 * overview's answer: they are sorted here, and the sort is in the URL like any list's.
 */
export function LayersTab({ scanTaskId }: LayersTabProps) {
  const { state, setState } = useUrlState(layerUrlSchema, { defaults: layerUrlDefaults })
  const query = useScanOverview(scanTaskId)
  const sort: DataTableSort = { sortBy: state.sortBy ?? 'index', sortOrder: state.sortOrder ?? 'asc' }
  const sorted = query.data ? sortLayers(query.data.layers, layerSortBy.parse(sort.sortBy), sort.sortOrder) : undefined
  const rows = sorted?.slice((state.pageNo - 1) * state.pageSize, state.pageNo * state.pageSize)
  const uiState = getTableUIState<LayerFindings>({ rows, error: query.error, isFetching: query.isFetching, isFiltered: state.pageNo > 1 })
  return (
    <DataTable
      caption="Layers"
      itemLabel="layers"
      columns={layerColumns}
      uiState={uiState}
      getRowId={layerRowId}
      totalCount={sorted?.length ?? 0}
      pageNo={state.pageNo}
      pageSize={state.pageSize}
      onPageChange={(pageNo) => setState({ pageNo })}
      onPageSizeChange={(pageSize) => setState({ pageSize })}
      sort={sort}
      onSortChange={(next) => {
        const sortBy = layerSortBy.safeParse(next.sortBy)
        if (sortBy.success) setState({ sortBy: sortBy.data, sortOrder: next.sortOrder })
      }}
      onRetry={() => void query.refetch()}
      errorTitle="Could not load layers"
      emptyState={<EmptyState title="No layers" description="The image manifest lists no layers." />}
      filteredEmptyState={<EmptyState title="No layers on this page" description="The image has fewer layers than this page starts at." />}
    />
  )
}
