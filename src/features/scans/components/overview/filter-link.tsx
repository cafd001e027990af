import type { ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router'
import { tabIds } from '@/components/ui/tabs'
import { cn } from '@/lib/cn'
import { isActiveFilterBar } from '../../lib/active-filter-bar'
import type { FilterBar } from '../../lib/overview-charts'
import { REPORT_TAB_ID_PREFIX, searchForFilter } from '../../lib/report-url-state'

/**
 * After a link replaces the overview with another tab, the link itself is gone: focus
 * moves to the panel that now shows the filtered list, so keyboard users carry on there.
 */
export function focusReportPanel(tab: FilterBar['tab'], frames = 30) {
  // The panel renders once the router has applied the new URL: wait a few frames for it.
  requestAnimationFrame(() => {
    const panel = document.getElementById(tabIds(REPORT_TAB_ID_PREFIX, tab).panel)
    if (panel) panel.focus()
    else if (frames > 0) focusReportPanel(tab, frames - 1)
  })
}

/** The query string a bar leads to: its tab, its filters, and the page-wide keys kept. */
export function useFilterSearch() {
  const [params] = useSearchParams()
  return (bar: Pick<FilterBar, 'tab' | 'filters'>) => `?${searchForFilter(params, bar.tab, bar.filters).toString()}`
}

/** Whether a bar's filter is the one the URL shows (see `isActiveFilterBar`). */
export function useIsActiveFilterBar() {
  const [params] = useSearchParams()
  return (bar: Pick<FilterBar, 'tab' | 'filters'>) => isActiveFilterBar(params, bar)
}

export interface FilterLinkProps {
  bar: Pick<FilterBar, 'tab' | 'filters'>
  /** The accessible name: "Attack vector: Network, 12 findings, filter". */
  name: string
  children: ReactNode
  className?: string
  /** Set when the page already lists what the link leads to: the active filter. */
  current?: boolean
}

/** A link to the list a chart element counts; an ordinary link, so it can also open in a new tab. */
export function FilterLink({ bar, name, children, className, current = false }: FilterLinkProps) {
  const searchFor = useFilterSearch()
  return (
    <Link
      to={{ search: searchFor(bar) }}
      aria-label={name}
      aria-current={current ? 'true' : undefined}
      onClick={() => focusReportPanel(bar.tab)}
      className={className}
    >
      {children}
    </Link>
  )
}

export interface FilterChipListProps {
  /** Names the list: "Attack vector filters". */
  label: string
  bars: readonly FilterBar[]
  nameOf: (bar: FilterBar) => string
}

/**
 * Every bar of a chart as a link with its label and count: the keyboard and screen-reader
 * way into the chart (the drawing itself is hidden from assistive technology), and the
 * exact numbers for everyone. A bar of zero is plain text: it would open an empty list.
 * The active filter's link is marked `aria-current` and drawn like the removable chip.
 */
export function FilterChipList({ label, bars, nameOf }: FilterChipListProps) {
  const isActive = useIsActiveFilterBar()
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1">
      {bars.map((bar) => {
        const body = (
          <>
            <span aria-hidden="true" className="size-2 shrink-0 rounded-sm" style={{ background: bar.color }} />
            <span>{bar.label}</span>
            <span className="tabular-nums text-fg-muted">{bar.count}</span>
          </>
        )
        const chip = 'inline-flex h-7 items-center gap-1.5 rounded-md border px-2 text-xs'
        return (
          <li key={bar.key}>
            {bar.count > 0 ? (
              <FilterLink
                bar={bar}
                name={nameOf(bar)}
                current={isActive(bar)}
                className={cn(
                  chip,
                  isActive(bar)
                    ? 'border-accent bg-accent-soft font-semibold text-fg ring-1 ring-accent'
                    : 'border-line-strong bg-surface text-fg hover:bg-surface-muted',
                )}
              >
                {body}
              </FilterLink>
            ) : (
              <span className={cn(chip, 'border-line text-fg-muted')}>{body}</span>
            )}
          </li>
        )
      })}
    </ul>
  )
}
