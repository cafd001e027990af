import { describe, expect, it } from 'vitest'
import { compareRpmVersions, parseRpmVersion, rpmvercmp } from './rpm'
import { InvalidVersionError } from './version-error'
import { checkVersionVectors, parseVersionVectors, readVersionVectors } from './version-vectors'

describe('rpm ordering: published vectors', () => {
  it('redhat-versions.txt (UTF-8, with α and β): every case holds in both directions', () => {
    const file = new URL('../../../../fixtures/versions/redhat-versions.txt', import.meta.url)
    const report = checkVersionVectors(readVersionVectors(file), compareRpmVersions)
    expect(report.failures).toEqual([])
    expect(report.checked).toBe(165)
    expect(report.passed).toBe(165)
  })
})

describe('rpm ordering: everyday cases', () => {
  // Every answer here is what rpm's own comparison (librpm 4.18) gives.
  const cases = parseVersionVectors(`
1:1.0-1.el9 > 2.0-1.el9
3.0.7-24.el9 < 3.0.7-25.el9
3.0.7-24.el9 < 1:3.0.7-24.el9
0:1.2.3-4 = 1.2.3-4
1.0~rc1-1 < 1.0-1
1.0^git1-1 > 1.0-1
1.0^git1-1 < 1.0.1-1
4.18.0-477.10.1.el8_8 < 4.18.0-477.13.1.el8_8
2.02-142.el8 < 2.02-148.el8_8.1
1.1.1k-9.el8_7 < 1.1.1k-12.el8_9
3.10.0-229.el7 < 3.10.0-229.1.2.el7
2.34-60.el9 < 2.34-60.el9_2.7
1.2.3-4.el8_6 < 1.2.3-4.el8_7
8.0.30-1.module+el8.6.0+1234+abcdef12 < 8.0.30-1.module+el8.7.0+1000+12345678
5.5p1-1 < 5.5p10-1
1.0a-1 > 1.0-1
1.0-1 < 1.0_0-1
15.1-150500.3.3.1 < 15.1-150500.3.10.1
`)

  it('orders like rpm', () => {
    expect(checkVersionVectors(cases, compareRpmVersions).failures).toEqual([])
  })

  it('sorts a version without a release before the same version with one', () => {
    expect(compareRpmVersions('1.0', '1.0-1')).toBe(-1)
    expect(compareRpmVersions('1.0', '1.0-')).toBe(-1)
    expect(compareRpmVersions('1.0-', '1.0-')).toBe(0)
  })

  it('compares numbers of any length', () => {
    expect(rpmvercmp('1.99999999999999999999', '1.100000000000000000000')).toBe(-1)
    expect(rpmvercmp('0010', '10')).toBe(0)
  })

  it('takes only digits before the first colon as the epoch', () => {
    expect(parseRpmVersion('1:3.0.7-24.el9')).toEqual({ epoch: '1', version: '3.0.7', release: '24.el9' })
    expect(parseRpmVersion('1.m+e2:1')).toEqual({ epoch: '0', version: '1.m+e2:1', release: undefined })
    expect(parseRpmVersion('4.0+2.na.r-n:1')).toEqual({ epoch: '0', version: '4.0+2.na.r', release: 'n:1' })
    expect(parseRpmVersion(':1.0')).toEqual({ epoch: '0', version: '1.0', release: undefined })
  })
})

describe('rpm parsing: invalid input', () => {
  it.each([
    ['', 'empty'],
    ['1.0 -1', 'whitespace'],
    ['1.0-1\n', 'whitespace'],
    ['1.0\u200b', 'control character'],
    ['1:', 'version part is empty'],
    ['-1.el9', 'version part is empty'],
    ['2:-1', 'version part is empty'],
  ])('rejects %j (%s)', (version, reason) => {
    expect(() => parseRpmVersion(version)).toThrow(InvalidVersionError)
    expect(() => parseRpmVersion(version)).toThrow(reason)
  })

  it('fails a comparison with an invalid side instead of guessing', () => {
    expect(() => compareRpmVersions('1.0-1', '')).toThrow(InvalidVersionError)
  })
})
