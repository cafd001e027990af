import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { cn } from '@/lib/cn'
import { ChevronRightIcon } from './icons'

export interface RowExpansion {
  isExpanded: (rowId: string) => boolean
  toggle: (rowId: string) => void
}

const RowExpansionContext = createContext<RowExpansion | null>(null)

/**
 * Which rows of a table are expanded. The state is the table owner's, handed to the
 * cells through {@link RowExpansionProvider}, so column definitions stay static.
 *
 * @example
 * const expansion = useRowExpansion()
 * <RowExpansionProvider value={expansion}>
 *   <DataTable … renderRowDetail={(row) => (expansion.isExpanded(id(row)) ? <Details row={row} /> : null)} />
 * </RowExpansionProvider>
 */
export function useRowExpansion(): RowExpansion {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set())
  const toggle = useCallback((rowId: string) => {
    setExpanded((prev) => {
      const next = new Set(prev)
      if (next.has(rowId)) next.delete(rowId)
      else next.add(rowId)
      return next
    })
  }, [])
  return useMemo(() => ({ isExpanded: (rowId: string) => expanded.has(rowId), toggle }), [expanded, toggle])
}

export function RowExpansionProvider({ value, children }: { value: RowExpansion; children: ReactNode }) {
  return <RowExpansionContext.Provider value={value}>{children}</RowExpansionContext.Provider>
}

/** An id for a row's detail element, safe in `id` and `aria-controls` whatever the row id holds. */
export function rowDetailId(prefix: string, rowId: string): string {
  return `${prefix}-${rowId.replace(/[^A-Za-z0-9_-]/g, '_')}`
}

export interface ExpandButtonProps {
  rowId: string
  /** The id of the details element it shows and hides. */
  controls: string
  /** Accessible name: "Details of CVE-2021-44228 in log4j-core". */
  label: string
  className?: string
}

/** The disclosure button of an expandable row (aria-expanded, aria-controls). */
export function ExpandButton({ rowId, controls, label, className }: ExpandButtonProps) {
  const expansion = useContext(RowExpansionContext)
  if (!expansion) throw new Error('ExpandButton needs a RowExpansionProvider around its table.')
  const expanded = expansion.isExpanded(rowId)
  return (
    <button
      type="button"
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      onClick={() => expansion.toggle(rowId)}
      title={label}
      className={cn('relative z-10 inline-flex size-6 items-center justify-center rounded text-fg-muted hover:bg-line/60 hover:text-fg', className)}
    >
      <ChevronRightIcon className={cn('size-3.5 transition-transform', expanded && 'rotate-90')} />
      <span className="sr-only">{label}</span>
    </button>
  )
}
