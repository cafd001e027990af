import type { RowData } from '@tanstack/react-table'
import type { z } from 'zod'
import type { SortOrder } from '@contract/common'
import { Button } from './button'
import { DataTable, type DataTableProps, type DataTableSort } from './data-table'
import { EmptyState } from './empty-state'
import { getTableUIState } from './table-ui-state'

/** The part of a list query the table reads: a page of rows, the total and a way to retry. */
export interface PagedQuery<T> {
  data: { items: T[]; totalCount: number } | undefined
  error: unknown
  isFetching: boolean
  refetch: () => Promise<unknown>
}

/** The part of `useUrlState` the table reads: paging and the reset behind "Clear filters". */
export interface PagedUrlState {
  state: { pageNo: number; pageSize: number }
  setState: (patch: { pageNo?: number; pageSize?: number }) => void
  reset: () => void
  isFiltered: boolean
}

export interface PagedDataTableProps<T extends RowData>
  extends Omit<
    DataTableProps<T>,
    'uiState' | 'totalCount' | 'pageNo' | 'pageSize' | 'onPageChange' | 'onPageSizeChange' | 'onRetry' | 'filteredEmptyState'
  > {
  query: PagedQuery<T>
  urlState: PagedUrlState
  /** What to say when the filters (or a page past the last) leave no rows; its button resets the URL. */
  filteredEmpty: { title: string; description: string; clearLabel?: string }
}

/**
 * A `DataTable` fed by a list query whose paging lives in the URL: derives the
 * loading / error / empty / filtered-empty / data state, wires paging and retry, and offers
 * to clear the filters when they match nothing. Pages keep their header, filters and columns.
 *
 * @example
 * const urlState = useUrlState(listInstanceQuery)
 * const query = useInstances(urlState.state)
 * <PagedDataTable caption="Instances" itemLabel="instances" columns={instanceColumns} getRowId={getRowId}
 *   query={query} urlState={urlState} errorTitle="Could not load instances" emptyState={<EmptyState title="No instances yet" />}
 *   filteredEmpty={{ title: 'No instances match', description: 'Nothing matches the search.', clearLabel: 'Clear search' }} />
 */
export function PagedDataTable<T extends RowData>({ query, urlState, filteredEmpty, ...tableProps }: PagedDataTableProps<T>) {
  const { state, setState, reset, isFiltered } = urlState
  // Past page 1 an empty page is a filtered view too: the way out is back to the start.
  const uiState = getTableUIState({ rows: query.data?.items, error: query.error, isFetching: query.isFetching, isFiltered: isFiltered || state.pageNo > 1 })
  return (
    <DataTable
      {...tableProps}
      uiState={uiState}
      totalCount={query.data?.totalCount ?? 0}
      pageNo={state.pageNo}
      pageSize={state.pageSize}
      onPageChange={(pageNo) => setState({ pageNo })}
      onPageSizeChange={(pageSize) => setState({ pageSize })}
      onRetry={() => void query.refetch()}
      filteredEmptyState={
        <EmptyState
          title={filteredEmpty.title}
          description={filteredEmpty.description}
          action={<Button onClick={reset}>{filteredEmpty.clearLabel ?? 'Clear filters'}</Button>}
        />
      }
    />
  )
}

/** The part of `useUrlState` a sortable table reads. */
export interface UrlSortState<K extends string> {
  state: { sortBy?: K | undefined; sortOrder?: SortOrder | undefined }
  setState: (patch: { sortBy?: K; sortOrder?: SortOrder }) => void
}

/**
 * A table's `sort` and `onSortChange` kept in the URL. A column the contract cannot sort by
 * is ignored rather than sent, so the server never answers a sort with a 400.
 *
 * @example
 * <PagedDataTable {...urlSortProps(urlState, repositorySortBy, repositoryUrlDefaults)} ... />
 * // clicking "Last push" → ?sortBy=lastPushTime&sortOrder=asc
 */
export function urlSortProps<K extends string>(
  urlState: UrlSortState<K>,
  sortBy: z.ZodType<K>,
  defaults: { sortBy: NoInfer<K>; sortOrder: SortOrder },
): { sort: DataTableSort; onSortChange: (next: DataTableSort) => void } {
  const { state, setState } = urlState
  return {
    sort: { sortBy: state.sortBy ?? defaults.sortBy, sortOrder: state.sortOrder ?? defaults.sortOrder },
    onSortChange: (next) => {
      const parsed = sortBy.safeParse(next.sortBy)
      if (parsed.success) setState({ sortBy: parsed.data, sortOrder: next.sortOrder })
    },
  }
}
