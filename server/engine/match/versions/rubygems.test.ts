import { describe, expect, it } from 'vitest'
import { compareRubyGemsVersions, parseRubyGemsVersion } from './rubygems'
import { InvalidVersionError } from './version-error'
import { checkVersionVectors, parseVersionVectors, readVersionVectors } from './version-vectors'

describe('RubyGems ordering: published vectors', () => {
  it.each([
    [
      'rubygems-versions.txt',
      new URL('../../../../fixtures/versions/rubygems-versions.txt', import.meta.url),
      25,
    ],
    [
      'rubygems-versions-generated.txt',
      new URL('../../../../fixtures/versions/rubygems-versions-generated.txt', import.meta.url),
      4098,
    ],
  ])('%s: every case holds in both directions', (_name, file, cases) => {
    const report = checkVersionVectors(readVersionVectors(file), compareRubyGemsVersions)
    expect(report.failures).toEqual([])
    expect(report.checked).toBe(cases)
    expect(report.passed).toBe(cases)
  })
})

describe('RubyGems ordering: everyday cases', () => {
  // Every answer here is what Gem::Version#<=> gives.
  const cases = parseVersionVectors(`
3.2 < 3.10
1.0.0.pre < 1.0.0
1.0.0-rc1 < 1.0.0
1.0.0-rc1 < 1.0.0.rc1
7.0.4 < 7.0.4.1
1.0.a2 = 1.0.a.2
1.0 = 1
6.1.7.3 < 6.1.7.10
2.0.0.beta1 < 2.0.0.beta.2
1.0.0.rc1 > 1.0.0.beta9
0.9 < 1.0.a
1.13.10 > 1.13.9
`)

  it('orders like Gem::Version', () => {
    expect(checkVersionVectors(cases, compareRubyGemsVersions).failures).toEqual([])
  })

  it('keeps canonical segments and flags pre-releases', () => {
    expect(parseRubyGemsVersion('1.0.a10')).toMatchObject({ segments: ['1', 'a', '10'], prerelease: true })
    expect(parseRubyGemsVersion('1.0-rc1')).toMatchObject({
      segments: ['1', 'pre', 'rc', '1'],
      prerelease: true,
    })
    expect(parseRubyGemsVersion('7.0.4.0')).toMatchObject({ segments: ['7', '0', '4'], prerelease: false })
  })

  it('accepts letters glued to the first number, which Gem::Version refuses but the published cases use', () => {
    expect(parseRubyGemsVersion('1beta')).toMatchObject({ segments: ['1', 'beta'], prerelease: true })
    expect(compareRubyGemsVersions('1beta', '1.beta')).toBe(0)
  })
})

describe('RubyGems parsing: invalid input', () => {
  it.each([
    ['', 'empty'],
    ['1 0', 'whitespace'],
    ['1.0\t', 'whitespace'],
    ['1..2', 'expected numbers and words'],
    ['1.', 'expected numbers and words'],
    ['.1', 'expected numbers and words'],
    ['a1', 'expected numbers and words'],
    ['-1', 'expected numbers and words'],
    ['1.0-', 'expected numbers and words'],
    ['2.7.4-x86_64-linux', 'expected numbers and words'],
    ['1.0+1', 'expected numbers and words'],
    ['1.0.ä', 'non-ASCII'],
  ])('rejects %j (%s)', (version, reason) => {
    expect(() => parseRubyGemsVersion(version)).toThrow(InvalidVersionError)
    expect(() => parseRubyGemsVersion(version)).toThrow(reason)
  })

  it('fails a comparison with an invalid side instead of guessing', () => {
    expect(() => compareRubyGemsVersions('1.0', '1..0')).toThrow(InvalidVersionError)
  })
})
