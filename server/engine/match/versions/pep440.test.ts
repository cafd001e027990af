import { compare as renovateCompare, valid as renovateValid } from '@renovatebot/pep440'
import { describe, expect, it } from 'vitest'
import { sign } from './ordering'
import { comparePep440Versions, parsePep440Version } from './pep440'
import { InvalidVersionError } from './version-error'
import { checkVersionVectors, parseVersionVectors, readVersionVectors } from './version-vectors'

const plainFile = new URL('../../../../fixtures/versions/pypi-versions.txt', import.meta.url)
const generatedFile = new URL('../../../../fixtures/versions/pypi-versions-generated.txt', import.meta.url)

describe('PyPI ordering: published vectors', () => {
  it.each([
    ['pypi-versions.txt', plainFile, 37],
    ['pypi-versions-generated.txt', generatedFile, 12375],
  ])('%s: every case holds in both directions, legacy versions included', (_name, file, cases) => {
    const report = checkVersionVectors(readVersionVectors(file), comparePep440Versions)
    expect(report.failures).toEqual([])
    expect(report.checked).toBe(cases)
    expect(report.passed).toBe(cases)
  })

  it('agrees with @renovatebot/pep440 on every case where both sides are PEP 440', () => {
    const vectors = [...readVersionVectors(plainFile), ...readVersionVectors(generatedFile)]
    const pep440 = vectors.filter((v) => renovateValid(v.a) !== null && renovateValid(v.b) !== null)
    expect(pep440.length).toBeGreaterThan(12000)
    const disagreements = pep440
      .filter((v) => comparePep440Versions(v.a, v.b) !== sign(renovateCompare(v.a, v.b)))
      .map((v) => v.text)
    expect(disagreements).toEqual([])
  })
})

describe('PyPI ordering: everyday cases', () => {
  // Every answer here is what packaging.version gives.
  const cases = parseVersionVectors(`
1.0.dev1 < 1.0a0
1.0a1 < 1.0b1
1.0b1 < 1.0rc1
1.0rc1 < 1.0
1.0 < 1.0+local
1.0+local < 1.0.post1
1.0.post1 > 1.0.post1.dev0
1!1.0 > 2.0
1.0 = 1.0.0
1.0RC1 = 1.0-rc.1
1.0-1 = 1.0.post1
v1.0 = 1.0
2.31.0 < 2.32.3
1.26.18 > 1.26.5
3.2.post1 > 3.2
1.0+ubuntu.1 < 1.0+ubuntu.2
1.0+abc < 1.0+1
`)

  it('orders like packaging.version', () => {
    expect(checkVersionVectors(cases, comparePep440Versions).failures).toEqual([])
  })

  // Where @renovatebot/pep440's compare is wrong, so this module orders by itself.
  it.each([
    // Number() loses precision above 2^53; renovate says "=".
    ['1.9007199254740993', '>', '1.9007199254740992'],
    ['1.0.post9007199254740993', '>', '1.0.post9007199254740992'],
    // Number() reads these local labels as numbers; PEP 440 reads them as words. Renovate says ">".
    ['1.0+0x1f', '<', '1.0+abc'],
    ['1.0+1e3', '<', '1.0+5'],
  ] as const)('%s %s %s, as packaging orders it', (a, op, b) => {
    const expected = op === '<' ? -1 : 1
    expect(comparePep440Versions(a, b)).toBe(expected)
    expect(sign(renovateCompare(a, b))).not.toBe(expected)
  })

  it('sorts legacy versions below every PEP 440 version', () => {
    expect(parsePep440Version('0.1-bulbasaur').kind).toBe('legacy')
    expect(parsePep440Version('2013-01-21T20:33:09+0100').kind).toBe('legacy')
    expect(comparePep440Versions('999.0-legacy', '0.0.1.dev0')).toBe(-1)
    expect(comparePep440Versions('trunk', '0')).toBe(-1)
    expect(comparePep440Versions('0.1-bulbasaur', '0.1-charmander')).toBe(-1)
  })

  it('treats words that are also object keys as plain words', () => {
    expect(comparePep440Versions('constructor', 'constructor')).toBe(0)
    expect(comparePep440Versions('__proto__', 'constructor')).toBe(-1)
    expect(comparePep440Versions('1.0-toString', '1.0-valueOf')).toBe(-1)
  })
})

describe('PyPI parsing: invalid input', () => {
  it.each([
    ['', 'empty'],
    [' 1.0', 'whitespace'],
    ['1.0 ', 'whitespace'],
    ['1.0\n', 'whitespace'],
    ['1.0.ß', 'non-ASCII'],
  ])('rejects %j (%s)', (version, reason) => {
    expect(() => parsePep440Version(version)).toThrow(InvalidVersionError)
    expect(() => parsePep440Version(version)).toThrow(reason)
  })

  it('fails a comparison with an invalid side instead of guessing', () => {
    expect(() => comparePep440Versions('1.0', '')).toThrow(InvalidVersionError)
  })
})
