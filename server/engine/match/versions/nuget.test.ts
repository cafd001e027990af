import { describe, expect, it } from 'vitest'
import { compareNuGetLabels, compareNuGetVersions, parseNuGetVersion } from './nuget'
import { InvalidVersionError } from './version-error'
import { checkVersionVectors, parseVersionVectors, readVersionVectors } from './version-vectors'

describe('NuGet ordering: published vectors', () => {
  it('nuget-versions.txt (osv-scanner): every case holds in both directions', () => {
    const file = new URL('../../../../fixtures/versions/nuget-versions.txt', import.meta.url)
    const report = checkVersionVectors(readVersionVectors(file), compareNuGetVersions)
    expect(report.failures).toEqual([])
    expect(report.staleDisagreements).toEqual([])
    expect(report.checked).toBe(35)
    expect(report.passed).toBe(35)
  })
})

describe('NuGet ordering: everyday cases', () => {
  // Every answer here is what NuGet.Versioning's VersionComparer.Default gives.
  const cases = parseVersionVectors(`
12.0.3 < 13.0.1
13.0.1 = 13.0.1.0
13.0.1 = 13.0.01
13.0.1 < 13.0.1.1
13 = 13.0.0.0
4.5.0 < 4.5.1
4.5.1 < 5.0.0
5.0.0 < 5.0.1
5.0.0-preview.1.20120.5 < 5.0.0-preview.2.20160.6
5.0.0-preview.8.20407.11 < 5.0.0-rc.1.20451.14
5.0.0-rc.2.20475.5 < 5.0.0
6.0.0-rc.1 = 6.0.0-RC.1
6.0.0-rc.1+sha.1 = 6.0.0-rc.1+sha.2
1.0.0-alpha < 1.0.0-alpha.1
1.0.0-alpha.1 < 1.0.0-alpha.beta
1.0.0-alpha.beta < 1.0.0-beta
1.0.0-beta.2 < 1.0.0-beta.11
1.0.0-beta.11 < 1.0.0-rc.1
1.0.0-rc.1 < 1.0.0
1.0.0-2 < 1.0.0-10
1.0.0-10 < 1.0.0-a
1.0.0-beta2 > 1.0.0-beta11
1.0.0-a-b < 1.0.0-a0
# OrdinalIgnoreCase: upper case before comparing, so Z > a (ordinal alone would say Z < a).
1.0.0-Z > 1.0.0-a0
1.0.0.1-alpha > 1.0.0
1.0.0-1 > 1.0.0--1
1.0.0-2147483647 < 1.0.0-2147483648
# Labels beyond 32 bits are words to int.TryParse, and compare as text.
1.0.0-9999999999 > 1.0.0-10000000000
18446744073709551616.0 > 18446744073709551615.9
`)

  it('orders like VersionComparer.Default', () => {
    expect(checkVersionVectors(cases, compareNuGetVersions).failures).toEqual([])
  })

  it('compares labels like VersionComparer.CompareRelease', () => {
    // int.TryParse: numbers before words, numerically; a leading "-" is a sign.
    expect(compareNuGetLabels('2', '10')).toBe(-1)
    expect(compareNuGetLabels('-1', '0')).toBe(-1)
    expect(compareNuGetLabels('-0', '0')).toBe(0)
    expect(compareNuGetLabels('2147483647', 'a')).toBe(-1)
    // Beyond 32 bits a label is a word: ordinal, so "10000000000" < "9999999999".
    expect(compareNuGetLabels('10000000000', '9999999999')).toBe(-1)
    expect(compareNuGetLabels('2147483648', '3')).toBe(1)
    // OrdinalIgnoreCase upper-cases: "-" < digits < letters, and case never matters.
    expect(compareNuGetLabels('RC', 'rc')).toBe(0)
    expect(compareNuGetLabels('Beta', 'alpha')).toBe(1)
    expect(compareNuGetLabels('a-', 'a0')).toBe(-1)
  })

  it('parses numbers, labels and metadata', () => {
    expect(parseNuGetVersion('1.0.01')).toEqual({
      original: '1.0.01',
      numbers: ['1', '', '1', ''],
      releaseLabels: [],
      metadata: '',
    })
    expect(parseNuGetVersion('6.0.0-Preview.7.21377.19+abc.01')).toEqual({
      original: '6.0.0-Preview.7.21377.19+abc.01',
      numbers: ['6', '', '', ''],
      releaseLabels: ['Preview', '7', '21377', '19'],
      metadata: 'abc.01',
    })
    expect(parseNuGetVersion('1.2.3.4-a-b.c+d-e')).toMatchObject({
      numbers: ['1', '2', '3', '4'],
      releaseLabels: ['a-b', 'c'],
      metadata: 'd-e',
    })
    expect(parseNuGetVersion('1+meta')).toMatchObject({
      numbers: ['1', '', '', ''],
      releaseLabels: [],
      metadata: 'meta',
    })
    expect(parseNuGetVersion('1.0.0-0')).toMatchObject({ releaseLabels: ['0'] })
    expect(parseNuGetVersion('1.0.0-0a')).toMatchObject({ releaseLabels: ['0a'] })
  })
})

describe('NuGet parsing: invalid input', () => {
  it.each([
    ['', 'the version is empty'],
    [' 1.0', 'whitespace'],
    ['1.0 ', 'whitespace'],
    ['1.0\n', 'whitespace'],
    ['1.0-ä', 'non-ASCII'],
    ['1.', 'number 2 of "1." is empty'],
    ['.1', 'number 1 of ".1" is empty'],
    ['1..2', 'number 2 of "1..2" is empty'],
    ['a.b', 'number 1 of "a.b" is "a", not digits 0-9'],
    ['v1.0.0', 'number 1 of "v1.0.0" is "v1", not digits 0-9'],
    ['1.0.0a', 'number 3 of "1.0.0a" is "0a", not digits 0-9'],
    ['1.2.3.4.5', '5 dot-separated numbers; NuGet allows 1 to 4'],
    ['1.2.3.4.5-beta', '5 dot-separated numbers; NuGet allows 1 to 4'],
    ['-1', 'not a number'],
    ['+1', 'not a number'],
    ['1.0.0-', 'nothing after "-": the pre-release label is empty'],
    ['1.0.0-+meta', 'nothing after "-": the pre-release label is empty'],
    ['1.0.0-a..b', 'pre-release label 2 of "a..b" is empty'],
    ['1.0.0-a.', 'pre-release label 2 of "a." is empty'],
    ['1.0.0-.a', 'pre-release label 1 of ".a" is empty'],
    ['1.0.0-a_b', 'pre-release label 1 of "a_b" is "a_b": only 0-9, A-Z, a-z and "-" are allowed'],
    [
      '1.0.0-beta.01',
      'pre-release label 2 of "beta.01" is "01": a numeric label must not have a leading zero',
    ],
    ['1.0.0+', 'nothing after "+": the build metadata is empty'],
    ['1.0.0-a+', 'nothing after "+": the build metadata is empty'],
    ['1.0.0+a..b', 'build metadata part 2 of "a..b" is empty'],
    ['1.0.0+a+b', 'build metadata part 1 of "a+b" is "a+b": only 0-9, A-Z, a-z and "-" are allowed'],
  ])('rejects %j (%s)', (version, reason) => {
    expect(() => parseNuGetVersion(version)).toThrow(InvalidVersionError)
    expect(() => parseNuGetVersion(version)).toThrow(reason)
  })

  it('names the scheme and the version in the message', () => {
    expect(() => parseNuGetVersion('1.0.0-a..b')).toThrow('Invalid nuget version "1.0.0-a..b": ')
  })

  it('fails a comparison with an invalid side instead of guessing', () => {
    expect(() => compareNuGetVersions('13.0.1', '13.0.1.0.0')).toThrow(InvalidVersionError)
    expect(() => compareNuGetVersions('1.', '1.0')).toThrow(InvalidVersionError)
  })
})
