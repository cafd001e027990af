import { functionalUpdate, useTable, type RowData, type SortingState, type Updater } from '@tanstack/react-table'
import { Fragment, useMemo, type ReactNode } from 'react'
import type { SortOrder } from '@contract/common'
import { cn } from '@/lib/cn'
import { dataTableFeatures, type DataTableColumnDef } from './data-table-features'
import { DataTableHead } from './data-table-head'
import { ErrorState } from './error-state'
import { TableSkeletonRows } from './loading-state'
import { Pagination } from './pagination'
import type { TableUIState } from './table-ui-state'

export interface DataTableSort {
  sortBy: string
  sortOrder: SortOrder
}

export interface DataTableProps<T extends RowData> {
  /** Accessible name of the table. */
  caption: string
  /** Keep stable (module scope or memo): the table rebuilds its model when it changes. */
  columns: DataTableColumnDef<T>[]
  uiState: TableUIState<T>
  /** A stable id per row; the index is the row's place on the page, for rows with no natural key. */
  getRowId: (row: T, index: number) => string
  totalCount: number
  pageNo: number
  pageSize: number
  onPageChange: (pageNo: number) => void
  onPageSizeChange: (pageSize: number) => void
  sort?: DataTableSort
  onSortChange?: (sort: DataTableSort) => void
  emptyState: ReactNode
  filteredEmptyState: ReactNode
  onRetry: () => void
  errorTitle?: string
  /** Plural noun for pagination labels: "repositories". */
  itemLabel: string
  /**
   * A row's details under it (an expanded row), or null while it is collapsed. The
   * toggle is a column's cell (see `ExpandButton`); the details span every column.
   */
  renderRowDetail?: (row: T) => ReactNode
}

const NO_ROWS: never[] = []

/**
 * Every list in the app: TanStack Table in manual mode (the server sorts and pages),
 * sort buttons in `<th aria-sort>`, `aria-busy` while a page is on its way, and the
 * loading / error / empty / filtered-empty / data cases from one {@link TableUIState}.
 * Row links are ordinary links rendered by the columns (see `RowLink`).
 */
export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { caption, columns, uiState, getRowId, totalCount, pageNo, pageSize, sort, onSortChange } = props
  const sorting = useMemo<SortingState>(
    () => (sort ? [{ id: sort.sortBy, desc: sort.sortOrder === 'desc' }] : []),
    [sort],
  )
  const pagination = useMemo(() => ({ pageIndex: pageNo - 1, pageSize }), [pageNo, pageSize])

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: uiState.type === 'data' ? uiState.rows : NO_ROWS,
    getRowId,
    rowCount: totalCount,
    manualPagination: true,
    manualSorting: true,
    enableSorting: Boolean(onSortChange),
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, pagination },
    onSortingChange: (updater: Updater<SortingState>) => {
      const first = functionalUpdate(updater, sorting)[0]
      if (first) onSortChange?.({ sortBy: first.id, sortOrder: first.desc ? 'desc' : 'asc' })
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination)
      if (next.pageSize !== pagination.pageSize) props.onPageSizeChange(next.pageSize)
      else if (next.pageIndex !== pagination.pageIndex) props.onPageChange(next.pageIndex + 1)
    },
  })

  const columnCount = columns.length
  const busy = uiState.type === 'loading' || (uiState.type === 'data' && uiState.isFetching)
  const fullRow = (content: ReactNode) => (
    <tr>
      <td colSpan={columnCount}>{content}</td>
    </tr>
  )

  return (
    <div className="overflow-hidden rounded-lg border border-line bg-surface">
      <div className="relative overflow-x-auto">
        {busy && uiState.type === 'data' ? (
          <div aria-hidden="true" className="absolute inset-x-0 top-0 h-0.5 animate-pulse bg-accent" />
        ) : null}
        <table aria-busy={busy} className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <DataTableHead table={table} />
          <tbody className={cn(uiState.type === 'data' && uiState.isFetching && 'opacity-70 transition-opacity')}>
            {uiState.type === 'loading' ? <TableSkeletonRows columns={columnCount} rows={Math.min(pageSize, 8)} /> : null}
            {uiState.type === 'error'
              ? fullRow(<ErrorState error={uiState.error} title={props.errorTitle} onRetry={props.onRetry} />)
              : null}
            {uiState.type === 'empty' ? fullRow(props.emptyState) : null}
            {uiState.type === 'filtered-empty' ? fullRow(props.filteredEmptyState) : null}
            {uiState.type === 'data'
              ? table.getRowModel().rows.map((row) => {
                  const detail = props.renderRowDetail?.(row.original) ?? null
                  return (
                    <Fragment key={row.id}>
                      <tr className={cn('relative border-b border-line last:border-0 hover:bg-surface-muted', detail !== null && 'border-b-0 bg-surface-muted/60')}>
                        {row.getAllCells().map((cell) => {
                          const meta = cell.column.columnDef.meta
                          return (
                            <td
                              key={cell.id}
                              className={cn('px-3 py-2 align-middle', meta?.align === 'end' && 'text-right tabular-nums', meta?.className)}
                            >
                              <table.FlexRender cell={cell} />
                            </td>
                          )
                        })}
                      </tr>
                      {detail !== null ? (
                        <tr className="border-b border-line bg-surface-muted/60 last:border-0">
                          <td colSpan={columnCount} className="px-3 pt-1 pb-4">
                            {detail}
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  )
                })
              : null}
          </tbody>
        </table>
      </div>
      {totalCount > 0 && uiState.type !== 'error' ? (
        <Pagination
          className="border-t border-line px-3 py-2"
          pageNo={pageNo}
          pageSize={pageSize}
          totalCount={totalCount}
          itemLabel={props.itemLabel}
          onPageChange={(page) => table.setPageIndex(page - 1)}
          onPageSizeChange={(size) => table.setPageSize(size)}
        />
      ) : null}
    </div>
  )
}
