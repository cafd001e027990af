import { describe, expect, it } from 'vitest'
import { parseHeaderBlocks } from './header-fields'

describe('parseHeaderBlocks', () => {
  it('splits deb822 stanzas on blank lines and folds continuation lines', () => {
    const text = 'Package: libc6\nConffiles:\n /etc/ld.so.conf abc\nDescription: GNU C Library\n Contains the standard libraries.\n\n\nPackage: bash\r\nVersion: 5.1-6ubuntu1\r\n'
    const { blocks, strayLines } = parseHeaderBlocks(text)
    expect(blocks).toHaveLength(2)
    expect(blocks[0]?.get('Description')).toBe('GNU C Library\nContains the standard libraries.')
    expect(blocks[0]?.get('conffiles')).toBe('/etc/ld.so.conf abc')
    expect(blocks[1]?.get('VERSION')).toBe('5.1-6ubuntu1')
    expect(strayLines).toBe(0)
  })

  it('keeps repeated fields, stops at the first blank line when asked, and counts stray lines', () => {
    const text = 'Name: x\nClassifier: A\nnot a header\nClassifier: B\n\nBody: not a header\n'
    const { blocks, strayLines } = parseHeaderBlocks(text, true)
    expect(blocks).toHaveLength(1)
    expect(blocks[0]?.all('classifier')).toEqual(['A', 'B'])
    expect(blocks[0]?.get('body')).toBeUndefined()
    expect(strayLines).toBe(1)
  })
})
