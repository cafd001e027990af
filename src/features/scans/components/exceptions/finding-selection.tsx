import { useMemo, useState } from 'react'
import type { VulnerabilityItem } from '@contract/scans'
import { flexRender } from '@tanstack/react-table'
import { Button } from '@/components/ui/button'
import { dataTableColumnHelper, type DataTableColumnDef } from '@/components/ui/data-table-features'
import { usePermitted } from '@/hooks/use-permitted'
import { RequestExceptionDialog } from './request-exception-dialog'

const col = dataTableColumnHelper<VulnerabilityItem>()
const rowKey = (v: VulnerabilityItem) => `${v.cveName}|${v.componentId}`

export interface FindingSelection {
  /** Whether the role may request exceptions; without it there is no selection column or bar. */
  allowed: boolean
  /** The table's columns: with a checkbox in each row's leading cell when allowed. */
  columns: DataTableColumnDef<VulnerabilityItem>[]
  selected: VulnerabilityItem[]
  clear: () => void
}

/**
 * Findings picked for one exception request, kept across pages and filters of one scan
 * (a new scan starts empty), and the checkbox column that picks them.
 *
 * @example
 * const selection = useFindingSelection(scanTaskId, vulnerabilityColumns)
 * <DataTable columns={selection.columns} … />
 * <FindingSelectionBar scanTaskId={scanTaskId} selection={selection} />
 */
export function useFindingSelection(
  scanTaskId: string,
  columns: DataTableColumnDef<VulnerabilityItem>[],
): FindingSelection {
  const allowed = usePermitted('createVulnException').allowed
  const [picked, setPicked] = useState<{ scanTaskId: string; items: ReadonlyMap<string, VulnerabilityItem> }>(
    { scanTaskId, items: new Map() },
  )
  const items = useMemo(
    () => (picked.scanTaskId === scanTaskId ? picked.items : new Map<string, VulnerabilityItem>()),
    [picked, scanTaskId],
  )
  const withSelect = useMemo(() => {
    if (!allowed) return columns
    const toggle = (v: VulnerabilityItem, on: boolean) =>
      setPicked((prev) => {
        const next = new Map(prev.scanTaskId === scanTaskId ? prev.items : [])
        if (on) next.set(rowKey(v), v)
        else next.delete(rowKey(v))
        return { scanTaskId, items: next }
      })
    const checkbox = (v: VulnerabilityItem) => (
      <input
        type="checkbox"
        className="size-4 align-middle"
        aria-label={`Select ${v.cveName} in ${v.feature} ${v.version}`}
        checked={items.has(rowKey(v))}
        onChange={(e) => toggle(v, e.target.checked)}
      />
    )
    // The checkbox shares the leading cell with the details button rather than adding a
    // column, so the CVE stays the second cell (journeys and shortcuts read rows that way).
    const expand = columns.find((c) => c.id === 'expand')
    if (!expand)
      return [
        col.display({
          id: 'select',
          meta: { label: 'Select', className: 'w-px' },
          cell: (c) => checkbox(c.row.original),
        }),
        ...columns,
      ]
    const withCheckbox: DataTableColumnDef<VulnerabilityItem> = {
      ...expand,
      cell: (c) => (
        <span className="flex items-center gap-1.5">
          {checkbox(c.row.original)}
          {flexRender(expand.cell, c)}
        </span>
      ),
    }
    return columns.map((c) => (c === expand ? withCheckbox : c))
  }, [allowed, columns, items, scanTaskId])
  return {
    allowed,
    columns: withSelect,
    selected: [...items.values()],
    clear: () => setPicked({ scanTaskId, items: new Map() }),
  }
}

export interface FindingSelectionBarProps {
  scanTaskId: string
  selection: FindingSelection
}

/** "N selected → Request exception" for the picked findings; announced politely as the count changes. */
export function FindingSelectionBar({ scanTaskId, selection }: FindingSelectionBarProps) {
  const [open, setOpen] = useState(false)
  const count = selection.selected.length
  if (!selection.allowed) return null
  return (
    <section aria-label="Selected findings" className="flex min-h-8 flex-wrap items-center gap-2 text-xs">
      <span role="status" className="text-fg-muted">
        {count ? `${count} selected` : 'Select findings to request one exception for all of them.'}
      </span>
      {count ? (
        <>
          <Button size="sm" variant="primary" onClick={() => setOpen(true)}>
            Request exception
          </Button>
          <Button size="sm" variant="ghost" onClick={selection.clear}>
            Clear selection
          </Button>
        </>
      ) : null}
      <RequestExceptionDialog
        open={open}
        onClose={() => setOpen(false)}
        scanTaskId={scanTaskId}
        findings={selection.selected}
        onRequested={selection.clear}
      />
    </section>
  )
}
