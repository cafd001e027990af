import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { sign } from './ordering'
import { compareGoVersions, compareSemverVersions, parseGoVersion, parseSemverVersion } from './semver'
import { InvalidVersionError } from './version-error'
import { checkVersionVectors, parseVersionVectors, readVersionVectors } from './version-vectors'

const vectorsFile = new URL('../../../../fixtures/versions/semver-versions.txt', import.meta.url)

describe('SemVer ordering: published vectors', () => {
  // osv-scalibr checks npm, crates.io, Go and Hex against this one file.
  it.each([
    ['npm, crates.io, Hex', compareSemverVersions],
    ['Go', compareGoVersions],
  ])('semver-versions.txt as %s: every case holds in both directions', (_name, compare) => {
    const report = checkVersionVectors(readVersionVectors(vectorsFile), compare)
    expect(report.failures).toEqual([])
    expect(report.checked).toBe(86)
    expect(report.passed).toBe(86)
  })
})

describe('SemVer ordering: agrees with the semver package on strict versions', () => {
  const extra = [
    '1.2.3',
    '1.2.4',
    '1.10.0',
    '2.0.0-rc.1',
    '2.0.0-rc.1.0',
    '2.0.0-rc.2',
    '2.0.0-RC.1',
    '2.0.0-0',
    '2.0.0-alpha-1',
    '2.0.0',
    '2.0.0+build.5',
    'v2.0.1',
    '0.0.0-20220101120000-abcdef123456',
  ]
  const fromVectors = readVersionVectors(vectorsFile).flatMap((v) => [v.a, v.b])
  const strict = [...new Set([...fromVectors, ...extra])].filter((v) => semver.valid(v) !== null)

  it('covers a useful share of the vectors', () => {
    expect(strict.length).toBeGreaterThan(30)
  })

  it('gives semver.compare’s answer for every pair', () => {
    const disagreements: string[] = []
    for (const a of strict) {
      for (const b of strict) {
        const expected = sign(semver.compare(a, b))
        if (compareSemverVersions(a, b) !== expected)
          disagreements.push(`${a} ? ${b}: semver says ${expected}`)
      }
    }
    expect(disagreements).toEqual([])
  })
})

describe('SemVer ordering: lenient input', () => {
  const cases = parseVersionVectors(`
1.2 = 1.2.0
1 = 1.0.0
v1 = 1.0.0
1.2.3.4 = 1.2.3.5
1.2.3.4 < 1.2.4
01.02.03 = 1.2.3
1.2.3-01 = 1.2.3-1
999999999999999999999.0.0 > 999999999999999999998.9.9
1.2.3-alpha.99999999999999999999 > 1.2.3-alpha.99999999999999999998
`)

  it('orders versions the semver package refuses', () => {
    expect(checkVersionVectors(cases, compareSemverVersions).failures).toEqual([])
  })

  it('keeps extra components as build metadata', () => {
    expect(parseSemverVersion('1.1.3.4.5')).toMatchObject({ core: ['1', '1', '3'], build: '4.5' })
    expect(parseSemverVersion('1.2.3.4+b7')).toMatchObject({ core: ['1', '2', '3'], build: '4+b7' })
  })
})

describe('Go ordering', () => {
  const cases = parseVersionVectors(`
v0.0.0-20220101000000-abcdef123456 < v0.0.0-20220202000000-abcdef123456
v0.0.0-20220101000000-abcdef123456 < v0.1.0
v0.3.0 < v0.3.1-0.20220101000000-abcdef123456
v0.3.1-0.20220101000000-abcdef123456 < v0.3.1
v2.0.0+incompatible = v2.0.0
1.18.0-0 < 1.18.0
1.18.0-0 < 1.18rc1
1.18beta2 < 1.18rc1
1.18rc1 < 1.18rc2
1.18rc2 < 1.18
1.18 = 1.18.0
go1.21.5 = 1.21.5
1.21.5 < 1.22rc1
1.21.13 > 1.21.9
`)

  it('orders module, pseudo and toolchain versions', () => {
    expect(checkVersionVectors(cases, compareGoVersions).failures).toEqual([])
  })

  it('maps toolchain versions onto SemVer the way Go’s vulnerability data does', () => {
    expect(parseGoVersion('go1.22rc1')).toMatchObject({ core: ['1', '22', ''], prerelease: ['rc', '1'] })
    expect(parseGoVersion('1.21')).toMatchObject({ core: ['1', '21', ''], prerelease: [] })
  })
})

describe('SemVer and Go parsing: invalid input', () => {
  it.each([
    '',
    ' 1.2.3',
    '1.2.3 ',
    'x',
    'v',
    '1.2.3-',
    '1.2.3+',
    '1..2',
    '1.2.3-a..b',
    '1.2.3-a_b',
    '1.2.x',
    '=1.2.3',
    '^1.2.3',
    '1.2.3-ü',
  ])('rejects %j', (version) => {
    expect(() => parseSemverVersion(version)).toThrow(InvalidVersionError)
    expect(() => parseGoVersion(version)).toThrow(InvalidVersionError)
  })

  it('says what it expected', () => {
    expect(() => parseSemverVersion('1.2.3-')).toThrow('expected [v]MAJOR[.MINOR[.PATCH]]')
  })
})
