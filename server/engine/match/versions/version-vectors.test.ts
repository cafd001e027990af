import { describe, expect, it } from 'vitest'
import type { Ordering } from './ordering'
import { checkVersionVectors, parseVersionVectors } from './version-vectors'

const numeric = (a: string, b: string): Ordering => Math.sign(Number(a) - Number(b)) as Ordering

describe('parseVersionVectors', () => {
  it('skips blank lines and "# " or "// " comments and keeps line numbers', () => {
    const vectors = parseVersionVectors('# heading\n\n1 < 2\n// note\n3 = 3\n')
    expect(vectors).toEqual([
      { line: 3, text: '1 < 2', a: '1', op: '<', b: '2' },
      { line: 5, text: '3 = 3', a: '3', op: '=', b: '3' },
    ])
  })

  it.each(['1 <', '1 < 2 3', '1  < 2', '1 << 2', '1 < 2 ', '1 ≤ 2'])(
    'rejects the malformed line %j',
    (line) => {
      expect(() => parseVersionVectors(`${line}\n`)).toThrow('is not "A OP B"')
    },
  )
})

describe('checkVersionVectors', () => {
  it('checks both directions', () => {
    const lopsided = (a: string, b: string): Ordering => (a === '1' && b === '2' ? -1 : 0)
    const report = checkVersionVectors(parseVersionVectors('1 < 2\n'), lopsided)
    expect(report.failures).toEqual(['line 1 "1 < 2": got 1 < 2 and 2 = 1'])
  })

  it('reports versions that fail to parse', () => {
    const throwing = (): Ordering => {
      throw new Error('bad version')
    }
    expect(checkVersionVectors(parseVersionVectors('1 < 2\n'), throwing).failures).toEqual([
      'line 1 "1 < 2": bad version',
    ])
  })

  it('holds listed disagreements to their listed answer', () => {
    const vectors = parseVersionVectors('1 < 2\n3 > 2\n')
    const ok = checkVersionVectors(vectors, numeric, [{ text: '3 > 2', ours: '>', why: 'agrees after all' }])
    expect(ok).toMatchObject({ checked: 2, passed: 1, failures: [] })
    expect(ok.staleDisagreements).toEqual([])

    const stale = checkVersionVectors(vectors, numeric, [
      { text: '1 < 2', ours: '=', why: 'wrong' },
      { text: '9 < 10', ours: '<', why: 'absent' },
    ])
    expect(stale.staleDisagreements).toEqual([
      '"1 < 2": listed as "=" but we answer "<"',
      '"9 < 10": not in the file',
    ])
  })
})
