import { describe, expect, it } from 'vitest'
import { compareMavenVersions, parseMavenVersion } from './maven'
import { InvalidVersionError } from './version-error'
import {
  checkVersionVectors,
  parseVersionVectors,
  readVersionVectors,
  type KnownDisagreement,
  type VectorOp,
} from './version-vectors'

// maven-versions-generated.txt was ordered with maven-artifact 3.8.6. Since 3.8.7 (MNG-7644)
// Maven reads a qualifier after "." like one after "-" (1.0.0.RC1 orders like 1.0.0-RC1),
// which reverses these pairs. We follow current Maven: these are the answers of maven-artifact
// 3.8.7 and 3.9.6 (the generated file has no comments).
const mng7644 =
  'Ordered by maven-artifact 3.8.6; Maven 3.8.7 and later treat ".X" like "-X" for a qualifier X (MNG-7644) and answer ">".'
const currentMaven: readonly KnownDisagreement[] = (
  [
    ['1.0.0-RC16 < 1.0.0.RC8-beta', '>'],
    ['1.0.0-gradle-rework-beta3 < 1.0.0.RC7-3', '>'],
    ['2.9.0-1 < 2.9.0.RC1', '>'],
    ['6.1.12.rc5 < 6.1.12rc1', '>'],
    ['1.1.31.sec10 < 1.1.31_noneautotype', '>'],
    ['1.1.34.sec10 < 1.1.34_noneautotype', '>'],
    ['1.1.46.sec10 < 1.1.46_noneautotype', '>'],
    ['1.2.8.sec10_noneautotype < 1.2.8_noneautotype', '>'],
    ['1.2.31.sec10 < 1.2.31_noneautotype', '>'],
    ['1.2.48.sec10 < 1.2.48_noneautotype', '>'],
    ['1.2.50.sec10 < 1.2.50_noneautotype', '>'],
    ['1.2.54.sec10 < 1.2.54_noneautotype', '>'],
    ['1.2.57.sec10 < 1.2.57_noneautotype', '>'],
    ['1.2.60.sec10 < 1.2.60_noneautotype', '>'],
    ['1.2.67.sec10 < 1.2.67_noneautotype', '>'],
    ['1.0.0rc0 < 1.0.beta8', '>'],
    ['1.5.9.RC1 < 1.5.9-RC0', '>'],
    ['1.1.0-01-glassfish < 1.1.0.Beta1', '>'],
  ] satisfies [string, VectorOp][]
).map(([text, ours]) => ({ text, ours, why: mng7644 }))

// maven-versions.txt, line 100, which has no comment of its own.
const gaList: readonly KnownDisagreement[] = [
  {
    text: '1-1 = 1-ga-1',
    ours: '>',
    why: 'maven-artifact 3.8.7 and 3.9.6 answer ">": "1-ga-1" parses as [1, [[1]]] (the "ga" goes, its sub-list stays) and a sub-list sorts below a number.',
  },
]

describe('Maven ordering: published vectors', () => {
  it('maven-versions.txt: every case holds in both directions, Maven disagreements listed', () => {
    const file = new URL('../../../../fixtures/versions/maven-versions.txt', import.meta.url)
    const report = checkVersionVectors(readVersionVectors(file), compareMavenVersions, gaList)
    expect(report.failures).toEqual([])
    expect(report.staleDisagreements).toEqual([])
    expect(report.checked).toBe(102)
    expect(report.passed).toBe(102 - gaList.length)
  })

  it('maven-versions-generated.txt: every case holds in both directions, MNG-7644 changes listed', () => {
    const file = new URL('../../../../fixtures/versions/maven-versions-generated.txt', import.meta.url)
    const report = checkVersionVectors(readVersionVectors(file), compareMavenVersions, currentMaven)
    expect(report.failures).toEqual([])
    expect(report.staleDisagreements).toEqual([])
    expect(report.checked).toBe(14752)
    expect(report.passed).toBe(14752 - currentMaven.length)
  })
})

describe('Maven ordering: everyday cases', () => {
  // Every answer here is what maven-artifact 3.9.6 gives.
  const cases = parseVersionVectors(`
2.14.1 < 2.15.0
5.3.17 < 5.3.18
2.12.6.1 > 2.12.6
2.12.6.1 < 2.12.7
2.12.6 < 2.12.6.1.1
5.2.20.RELEASE = 5.2.20
5.2.20.RELEASE < 5.2.21.RELEASE
5.2.20.RELEASE < 5.2.20.BUILD-SNAPSHOT
1.0-SNAPSHOT < 1.0
1.0-alpha-1 < 1.0-beta-1
1.0.0.Final = 1.0.0
2.0.0-M1 < 2.0.0-RC1
2.0.0-RC1 < 2.0.0
1.0-sp1 > 1.0
32.0.0-jre > 31.1-jre
31.1-android < 31.1-jre
9.4.50.v20221201 < 9.4.51.v20230217
2.17.0 < 2.17.1
1.2.17 > 1.2.9
4.1.94.Final < 4.1.100.Final
1.0.0.RC1 < 1.0.0-RC2
1.0-constructor > 1.0-__proto__
1.0-constructor > 1.0
1-toString > 1-sp
`)

  it('orders like ComparableVersion', () => {
    expect(checkVersionVectors(cases, compareMavenVersions).failures).toEqual([])
  })

  it('parses into items and sub-lists, trimming release markers', () => {
    expect(parseMavenVersion('1.0-beta-1').items).toEqual([
      { digits: '1' },
      [{ qualifier: 'beta', sortKey: '1' }, [{ digits: '1' }]],
    ])
    expect(parseMavenVersion('5.2.20.RELEASE').items).toEqual([
      { digits: '5' },
      { digits: '2' },
      { digits: '20' },
    ])
  })
})

describe('Maven parsing: invalid input', () => {
  it.each([
    ['', 'empty'],
    [' ', 'whitespace'],
    ['1.0 beta', 'whitespace'],
    ['1.0\r', 'whitespace'],
    ['1.0-ü', 'non-ASCII'],
  ])('rejects %j (%s)', (version, reason) => {
    expect(() => parseMavenVersion(version)).toThrow(InvalidVersionError)
    expect(() => parseMavenVersion(version)).toThrow(reason)
  })

  it('fails a comparison with an invalid side instead of guessing', () => {
    expect(() => compareMavenVersions('1.0', '1 .0')).toThrow(InvalidVersionError)
  })
})
