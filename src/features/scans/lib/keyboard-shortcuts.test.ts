import { describe, expect, it } from 'vitest'
import { isTyping, nextRowIndex, shortcutFor, type KeyPress } from './keyboard-shortcuts'
import { toggleExpanded } from './url-row-expansion'

const press = (key: string, target: KeyPress['target'] = { tagName: 'BODY' }, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
})

describe('shortcutFor', () => {
  it('maps the report keys to their actions', () => {
    expect(shortcutFor(press('/'))).toBe('focus-search')
    expect(shortcutFor(press('j'))).toBe('next-row')
    expect(shortcutFor(press('k'))).toBe('previous-row')
    expect(shortcutFor(press('c'))).toBe('copy-link')
    expect(shortcutFor(press('?'))).toBe('show-help')
    expect(shortcutFor(press('x'))).toBeNull()
    // Enter is the focused button's own activation, never intercepted.
    expect(shortcutFor(press('Enter'))).toBeNull()
  })

  it('ignores keys typed into fields and keys with Ctrl, Cmd or Alt', () => {
    expect(shortcutFor(press('j', { tagName: 'INPUT', type: 'search' }))).toBeNull()
    expect(shortcutFor(press('/', { tagName: 'TEXTAREA' }))).toBeNull()
    expect(shortcutFor(press('c', { tagName: 'DIV', isContentEditable: true }))).toBeNull()
    expect(shortcutFor(press('c', { tagName: 'BODY' }, { ctrlKey: true }))).toBeNull()
    expect(shortcutFor(press('k', { tagName: 'BODY' }, { metaKey: true }))).toBeNull()
    // A focused button or checkbox takes no text: the shortcut still works there.
    expect(shortcutFor(press('j', { tagName: 'BUTTON' }))).toBe('next-row')
    expect(shortcutFor(press('j', { tagName: 'INPUT', type: 'checkbox' }))).toBe('next-row')
  })

  it('isTyping treats selects and text inputs as typing', () => {
    expect(isTyping({ tagName: 'select' })).toBe(true)
    expect(isTyping({ tagName: 'INPUT' })).toBe(true)
    expect(isTyping(null)).toBe(false)
  })
})

describe('nextRowIndex', () => {
  it('starts at the top for j, at the bottom for k, and stops at the ends', () => {
    expect(nextRowIndex(-1, 5, 1)).toBe(0)
    expect(nextRowIndex(-1, 5, -1)).toBe(4)
    expect(nextRowIndex(2, 5, 1)).toBe(3)
    expect(nextRowIndex(4, 5, 1)).toBe(4)
    expect(nextRowIndex(0, 5, -1)).toBe(0)
    expect(nextRowIndex(-1, 0, 1)).toBe(-1)
  })
})

describe('toggleExpanded', () => {
  it('adds and removes a row id, keeping the other keys', () => {
    const opened = toggleExpanded(new URLSearchParams('severity=High&pageNo=2'), 'CVE-2021-44228|c1')
    expect(opened.getAll('expanded')).toEqual(['CVE-2021-44228|c1'])
    expect(opened.get('pageNo')).toBe('2')
    const two = toggleExpanded(opened, 'CVE-2|c2')
    expect(two.getAll('expanded')).toEqual(['CVE-2021-44228|c1', 'CVE-2|c2'])
    expect(toggleExpanded(two, 'CVE-2021-44228|c1').getAll('expanded')).toEqual(['CVE-2|c2'])
  })
})
