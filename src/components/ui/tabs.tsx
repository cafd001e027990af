import { useRef, type KeyboardEvent, type ReactNode } from 'react'
import { cn } from '@/lib/cn'

export interface TabItem<T extends string> {
  id: T
  label: ReactNode
}

export interface TabsProps<T extends string> {
  /** Accessible name of the tab list: "Report sections". */
  label: string
  tabs: ReadonlyArray<TabItem<T>>
  value: T
  onChange: (id: T) => void
  /** Prefix of the tab and panel element ids; unique on the page. */
  idPrefix: string
  className?: string
}

/** The id of a tab's button and of its panel, so {@link TabPanel} can point back at its tab. */
export const tabIds = (idPrefix: string, id: string) => ({ tab: `${idPrefix}-tab-${id}`, panel: `${idPrefix}-panel-${id}` })

/**
 * WAI-ARIA tabs whose selection lives elsewhere (the URL): one tab stop for the list,
 * arrow keys, Home and End move between tabs and select them, as the APG's "automatic
 * activation" example does. Render the selected panel with {@link TabPanel}.
 *
 * @example
 * <Tabs label="Report sections" idPrefix="report" tabs={tabs} value={tab} onChange={setTab} />
 * <TabPanel idPrefix="report" id={tab}>…</TabPanel>
 */
export function Tabs<T extends string>({ label, tabs, value, onChange, idPrefix, className }: TabsProps<T>) {
  const listRef = useRef<HTMLDivElement>(null)
  const select = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length]
    if (!tab) return
    onChange(tab.id)
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabIds(idPrefix, tab.id).tab)}`)?.focus()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    // From the focused tab, not from `value`: while the URL change of the last key is still
    // pending, `value` lags behind the focus, and a quick second key would move from the old tab.
    const current = tabs.findIndex((t) => tabIds(idPrefix, t.id).tab === event.currentTarget.id)
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 }
    const target = moves[event.key]
    if (target === undefined) return
    event.preventDefault()
    select(target)
  }
  return (
    <div ref={listRef} role="tablist" aria-label={label} className={cn('flex gap-1 overflow-x-auto border-b border-line', className)}>
      {tabs.map((tab) => {
        const selected = tab.id === value
        const ids = tabIds(idPrefix, tab.id)
        return (
          <button
            key={tab.id}
            id={ids.tab}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={ids.panel}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.id)}
            onKeyDown={onKeyDown}
            className={cn(
              '-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap',
              selected ? 'border-accent text-fg' : 'border-transparent text-fg-muted hover:border-line-strong hover:text-fg',
            )}
          >
            {tab.label}
          </button>
        )
      })}
    </div>
  )
}

export interface TabPanelProps {
  idPrefix: string
  id: string
  children: ReactNode
  className?: string
}

/** The selected tab's panel, labelled by its tab. */
export function TabPanel({ idPrefix, id, children, className }: TabPanelProps) {
  const ids = tabIds(idPrefix, id)
  return (
    <div role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} tabIndex={0} className={cn('outline-none focus-visible:outline-2', className)}>
      {children}
    </div>
  )
}
