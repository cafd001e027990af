import type { RowData } from '@tanstack/react-table'
import type { ReactNode } from 'react'
import type { DataTableColumnDef } from '@/components/ui/data-table-features'
import { EmptyState } from '@/components/ui/empty-state'
import { PagedDataTable } from '@/components/ui/paged-data-table'
import { Select } from '@/components/ui/select'
import { ActiveFilterChips } from './active-filter-chips'

/** What the baseline and malicious-file tabs say; everything else they share. */
export interface LevelFindingsTexts {
  caption: string
  itemLabel: string
  errorTitle: string
  notChecked: { title: string; description: string }
  empty: { title: string; description: string }
  filteredEmpty: { title: string; description: string }
}

export interface LevelFindingsTableProps<T extends RowData, L extends string> {
  texts: LevelFindingsTexts
  levels: readonly { value: L; label: string }[]
  /** Parses the select's value back to a level (undefined for "All levels"). */
  parseLevel: (value: string) => L | undefined
  columns: DataTableColumnDef<T>[]
  getRowId: (row: T, index: number) => string
  query: {
    data: { items: T[]; totalCount: number; scanService: string } | undefined
    error: unknown
    isFetching: boolean
    refetch: () => Promise<unknown>
  }
  state: { level?: L | undefined; pageNo: number; pageSize: number }
  setState: (patch: { level?: L | undefined; pageNo?: number; pageSize?: number }) => void
  reset: () => void
  isFiltered: boolean
  /** Drawn above the filter: the tab's charts, whose bars set its filters. */
  chart?: ReactNode
  /** A filter only a chart sets (a category, a type): shown beside the level, removable. */
  chartFilter?: { label: string; onClear: () => void } | undefined
}

/**
 * A scan's findings that come in levels (baseline risks, malicious files): a level filter,
 * a paged table, and the empty states that tell "nothing found" from "not checked" (a
 * vulnerabilities-only scan runs neither check).
 */
export function LevelFindingsTable<T extends RowData, L extends string>(props: LevelFindingsTableProps<T, L>) {
  const { texts, query, state, setState, reset, isFiltered } = props
  const notChecked = query.data?.scanService === 'ACR_SCAN_SERVICE'
  const options = [{ value: '', label: 'All levels' }, ...props.levels]
  return (
    <div className="flex flex-col gap-3">
      {props.chart}
      <div className="flex flex-wrap items-center gap-2">
        <Select
          label="Level"
          hideLabel
          options={options}
          value={state.level ?? ''}
          onChange={(e) => setState({ level: props.parseLevel(e.target.value) })}
          fieldClassName="w-44"
        />
        {props.chartFilter ? <ActiveFilterChips chips={[{ key: 'chart', label: props.chartFilter.label, clear: {} }]} onRemove={props.chartFilter.onClear} /> : null}
      </div>
      <PagedDataTable<T>
        caption={texts.caption}
        itemLabel={texts.itemLabel}
        columns={props.columns}
        getRowId={props.getRowId}
        query={query}
        urlState={{ state, setState, reset, isFiltered }}
        errorTitle={texts.errorTitle}
        emptyState={notChecked ? <EmptyState {...texts.notChecked} /> : <EmptyState {...texts.empty} />}
        filteredEmpty={{ ...texts.filteredEmpty, clearLabel: 'Clear filter' }}
      />
    </div>
  )
}
