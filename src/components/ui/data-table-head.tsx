import type { ReactTable, RowData } from '@tanstack/react-table'
import { cn } from '@/lib/cn'
import type { DataTableFeatures } from './data-table-features'
import { SortIcon } from './icons'

export interface DataTableHeadProps<T extends RowData> {
  table: ReactTable<DataTableFeatures, T>
}

const ariaSort = { asc: 'ascending', desc: 'descending' } as const

/** Header cells: a sort `<button>` inside `<th aria-sort>` for sortable columns, plain text otherwise. */
export function DataTableHead<T extends RowData>({ table }: DataTableHeadProps<T>) {
  return (
    <thead className="border-b border-line bg-surface-muted text-xs text-fg-muted">
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const { column } = header
            const meta = column.columnDef.meta
            const label = meta?.label ?? column.id
            const canSort = column.getCanSort()
            const sorted = column.getIsSorted()
            return (
              <th
                key={header.id}
                scope="col"
                aria-sort={canSort ? (sorted === false ? "none" : ariaSort[sorted]) : undefined}
                className={cn('px-3 py-2 font-semibold whitespace-nowrap', meta?.align === 'end' && 'text-right', meta?.className)}
              >
                {canSort ? (
                  <button
                    type="button"
                    onClick={column.getToggleSortingHandler()}
                    className={cn(
                      // align-middle: with the icon first (end-aligned columns) the baseline would come from the icon.
                      '-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 align-middle hover:bg-line/60 hover:text-fg',
                      sorted && 'text-fg',
                      meta?.align === 'end' && 'flex-row-reverse',
                    )}
                  >
                    {label}
                    <SortIcon sortDirection={sorted} className="size-3.5" />
                  </button>
                ) : (
                  label
                )}
              </th>
            )
          })}
        </tr>
      ))}
    </thead>
  )
}
