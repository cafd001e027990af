/** What a report shortcut does. */
export type ShortcutAction = 'focus-search' | 'next-row' | 'previous-row' | 'copy-link' | 'show-help'

/** The shortcuts, as the help dialog lists them; Enter is the row's own button, not a handler. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; description: string; action?: ShortcutAction }> = [
  { keys: '/', description: 'Focus the search box', action: 'focus-search' },
  { keys: 'j', description: 'Next row of the table', action: 'next-row' },
  { keys: 'k', description: 'Previous row of the table', action: 'previous-row' },
  { keys: 'Enter', description: 'Expand or collapse the focused row' },
  { keys: 'c', description: 'Copy a link to this view (tab, filters, sort, page, expanded row)', action: 'copy-link' },
  { keys: '?', description: 'Show these shortcuts', action: 'show-help' },
]

const BY_KEY = new Map(SHORTCUTS.flatMap((s) => (s.action ? [[s.keys, s.action] as const] : [])))

/** The parts of a keydown event that decide whether it is a shortcut. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  /** The focused element: its tag name, input type and whether it is editable. */
  target: { tagName?: string; type?: string; isContentEditable?: boolean } | null
}

// Inputs that take no text: a shortcut pressed on them is still a shortcut.
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'])

/** True while the user is typing: the key belongs to the field, never to a shortcut. */
export function isTyping(target: KeyPress['target']): boolean {
  if (!target) return false
  if (target.isContentEditable) return true
  const tag = target.tagName?.toUpperCase()
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase())
}

/**
 * The shortcut a key press means, or null: none while typing in a field or with Ctrl,
 * Cmd or Alt held (those belong to the browser: Ctrl+C must still copy).
 *
 * @example
 * shortcutFor({ key: 'j', ctrlKey: false, metaKey: false, altKey: false, target: { tagName: 'BODY' } }) // 'next-row'
 * shortcutFor({ key: 'j', ctrlKey: false, metaKey: false, altKey: false, target: { tagName: 'INPUT', type: 'search' } }) // null
 */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || isTyping(press.target)) return null
  return BY_KEY.get(press.key) ?? null
}

/**
 * The row to move to from `current` (−1: none focused yet): j from nothing starts at the
 * top, k from nothing at the bottom; both stop at the ends.
 *
 * @example
 * nextRowIndex(-1, 5, 1) // 0
 * nextRowIndex(4, 5, 1) // 4
 */
export function nextRowIndex(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1
  if (current < 0) return step === 1 ? 0 : count - 1
  return Math.min(count - 1, Math.max(0, current + step))
}
