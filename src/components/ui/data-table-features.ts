import {
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type RowData,
} from '@tanstack/react-table'

export interface DataTableColumnMeta {
  /** The column's header text (also the sort button's name). */
  label: string
  /** Numbers line up on the right. */
  align?: 'start' | 'end'
  /** Extra classes for this column's header and cells (widths, wrapping). */
  className?: string
}

/**
 * The one feature set every table uses: server-side sorting and paging only, so no
 * client row models are registered (the server sorts, filters and pages).
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
})
export type DataTableFeatures = typeof dataTableFeatures

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of one table hold different value types
export type DataTableColumnDef<T extends RowData> = ColumnDef<DataTableFeatures, T, any>

/**
 * A column helper bound to the shared table features.
 *
 * @example
 * const col = dataTableColumnHelper<Repository>()
 * export const repositoryColumns = col.columns([
 *   col.accessor('tagCount', { meta: { label: 'Tags', align: 'end' }, sortDescFirst: true }),
 * ])
 */
export function dataTableColumnHelper<T extends RowData>() {
  return createColumnHelper<DataTableFeatures, T>()
}
