import { useEffect, useRef, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { toast } from '@/lib/toast'
import { nextRowIndex, shortcutFor, SHORTCUTS, type ShortcutAction } from '../lib/keyboard-shortcuts'

/** Where the shortcuts look for the search box and the table: the open tab, else the whole report. */
const scopeOf = (): ParentNode => document.querySelector('[role="tabpanel"]') ?? document

/** The table's item rows: detail rows and empty or error states span one cell and are skipped. */
function itemRows(): HTMLTableRowElement[] {
  return [...scopeOf().querySelectorAll<HTMLTableRowElement>('table tbody tr')].filter(
    (row) => row.cells.length > 1,
  )
}

/** What a row's keyboard focus lands on: its expand button (so Enter opens it), else its first link or button. */
const focusTargetOf = (row: HTMLTableRowElement) =>
  row.querySelector<HTMLElement>('button[aria-expanded]') ?? row.querySelector<HTMLElement>('a[href], button')

function moveRow(step: 1 | -1) {
  const rows = itemRows()
  const active = document.activeElement
  const current = rows.findIndex((row) => active instanceof Node && row.contains(active))
  const row = rows[nextRowIndex(current, rows.length, step)]
  if (!row) return
  const target = focusTargetOf(row)
  target?.focus()
  row.scrollIntoView({ block: 'nearest' })
}

async function copyLink() {
  try {
    await navigator.clipboard.writeText(window.location.href)
    toast.success('Link copied', 'It opens this view: tab, filters, sort, page and expanded rows.')
  } catch {
    toast.error('Could not copy the link', 'Copy it from the address bar instead.')
  }
}

/**
 * The report's keyboard shortcuts (see SHORTCUTS): one listener on the document, quiet
 * while the user types in a field or another dialog is open. `?` opens this list.
 */
export function KeyboardShortcuts() {
  const [helpOpen, setHelpOpen] = useState(false)
  const helpOpenRef = useRef(helpOpen)
  useEffect(() => {
    helpOpenRef.current = helpOpen
  }, [helpOpen])

  useEffect(() => {
    const run: Record<ShortcutAction, () => void> = {
      'focus-search': () => scopeOf().querySelector<HTMLInputElement>('input[type="search"]')?.focus(),
      'next-row': () => moveRow(1),
      'previous-row': () => moveRow(-1),
      'copy-link': () => void copyLink(),
      'show-help': () => setHelpOpen(true),
    }
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || helpOpenRef.current || document.querySelector('dialog[open]')) return
      const target = e.target instanceof HTMLElement ? e.target : null
      const action = shortcutFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        target,
      })
      if (!action) return
      // `/` would otherwise be typed into the box it focuses, or open the browser's quick find.
      e.preventDefault()
      run[action]()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <>
      <Button variant="ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?" data-print-hidden>
        Shortcuts <kbd className="text-fg-muted font-mono text-xs">?</kbd>
      </Button>
      <Dialog
        open={helpOpen}
        onClose={() => setHelpOpen(false)}
        title="Keyboard shortcuts"
        description="They work anywhere on the report except while typing in a field."
      >
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map((s) => (
            <div key={s.keys} className="contents">
              <dt>
                <kbd className="border-line-strong bg-surface-muted rounded border px-1.5 py-0.5 font-mono text-xs">
                  {s.keys}
                </kbd>
              </dt>
              <dd className="text-fg">{s.description}</dd>
            </div>
          ))}
        </dl>
      </Dialog>
    </>
  )
}
