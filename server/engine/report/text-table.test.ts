import { describe, expect, it } from 'vitest'
import { fitWidths, renderTable, wrapText } from './text-table'

describe('wrapText', () => {
  it('wraps at spaces and cuts words longer than the line, at a separator if it can', () => {
    expect(wrapText('Remote code injection in Log4j', 12)).toEqual(['Remote code', 'injection in', 'Log4j'])
    expect(wrapText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl'])
    // After a separator when one is in the second half of the line.
    expect(wrapText('https://example.com/advisory', 10)).toEqual(['https://', 'example.', 'com/adviso', 'ry'])
    expect(wrapText('org.apache.logging.log4j:log4j-core', 12)).toEqual([
      'org.apache.',
      'logging.',
      'log4j:log4j-',
      'core',
    ])
    expect(wrapText('a\nb c', 5)).toEqual(['a', 'b c'])
    expect(wrapText('', 5)).toEqual([''])
  })
})

describe('fitWidths', () => {
  const columns = [
    { header: 'Name', minWidth: 4, shrinkOrder: 2 },
    { header: 'Long Header', minWidth: 4, shrinkOrder: 1 },
    { header: 'Text', minWidth: 6, shrinkOrder: 0 },
  ]
  const rows = [{ cells: ['abcdefgh', 'x', 'the quick brown fox jumps'] }]

  it('keeps natural widths when they fit', () => {
    expect(fitWidths(columns, rows, 100)).toEqual([8, 11, 25])
  })

  it('shrinks the lowest shrinkOrder first, down to its floor, then the next', () => {
    // chrome is 3 × 3 + 1 = 10
    expect(fitWidths(columns, rows, 10 + 8 + 11 + 20)).toEqual([8, 11, 20])
    expect(fitWidths(columns, rows, 10 + 8 + 9 + 6)).toEqual([8, 9, 6])
    // A header's longest word is a floor too ("Header" = 6).
    expect(fitWidths(columns, rows, 10 + 6 + 6 + 6)).toEqual([6, 6, 6])
    expect(fitWidths(columns, rows, 1)).toEqual([4, 6, 6])
  })
})

describe('renderTable', () => {
  it('draws boxes, wraps cells and merges a continued first cell', () => {
    const text = renderTable(
      [
        { header: 'Pkg', minWidth: 3, shrinkOrder: 1 },
        { header: 'Id', minWidth: 2, shrinkOrder: 0 },
      ],
      [{ cells: ['a', 'one two'] }, { cells: ['a', 'three'], continues: true }],
      { maxWidth: 15, paint: (col, t) => (col === 1 ? t.toUpperCase() : t) },
    )
    expect(text.split('\n')).toEqual([
      '┌─────┬───────┐',
      '│ Pkg │ Id    │',
      '├─────┼───────┤',
      '│ a   │ ONE   │',
      '│     │ TWO   │',
      '│     ├───────┤',
      '│     │ THREE │',
      '└─────┴───────┘',
    ])
  })
})
