import { describe, expect, it } from 'vitest'
import { compareApkVersions, parseApkVersion } from './apk'
import { InvalidVersionError } from './version-error'
import {
  checkVersionVectors,
  parseVersionVectors,
  readVersionVectors,
  type KnownDisagreement,
} from './version-vectors'

// Cases of alpine-versions.txt where apk-tools 2, the apk of every Alpine 3.x release and the
// one that ordered alpine-versions-generated.txt, answers otherwise. This module follows apk-tools
// 2 and reproduces all 13,979 generated cases. All eight involve versions that apk's own
// validator refuses; the file's comments say that apk versions disagree on most of them.
const apkTools2: readonly KnownDisagreement[] = [
  {
    text: '1-r-0 < 1-r0',
    ours: '>',
    why: 'File comment: `on latest apk these are "<" but on 3.x they\'re ">"`. In apk-tools 2, "-r-0" is an empty revision and then an invalid token, and an invalid token sorts above the end.',
  },
  {
    text: '1-r-1 < 1-r0',
    ours: '>',
    why: 'File comment: `on latest apk these are "<" but on 3.x they\'re ">"`. Same reading as "1-r-0".',
  },
  {
    text: '0.r1 < 0r2',
    ours: '>',
    why: 'File heading: `letters`, no note on this case. In apk-tools 2, "0." starts a (here empty) number token where "0r2" has a letter token, and a number token beats a letter.',
  },
  {
    text: '0.8.21.r2 < 0.8.21r2',
    ours: '>',
    why: 'File heading: `letters`, no note on this case. Same reading as "0.r1 < 0r2".',
  },
  {
    text: '1.2.0A < 1.2.0d',
    ours: '>',
    why: 'File comment: `letters (invalid) - note on latest apk these are "<" but on 3.x line they\'re ">"`. apk-tools 2 only takes lower-case letters, so "A" is invalid, and invalid sorts above a letter.',
  },
  {
    text: '1.2.0D < 1.2.0d',
    ours: '>',
    why: 'File comment: `letters (invalid) - note on latest apk these are "<" but on 3.x line they\'re ">"`. Same reading as "1.2.0A".',
  },
  {
    text: '1 > 1-ruff',
    ours: '<',
    why: 'File comment: `on latest apk this is ">" but on 3.x they\'re "<"`. In apk-tools 2, "-r" starts a revision, which makes "1-ruff" longer than "1".',
  },
  {
    text: '1-ruff2 = 1--ruff1',
    ours: '<',
    why: 'File comment: `on latest apk these are "<" but on 3.x they\'re ">"`, while the case itself says "=". In apk-tools 2, "1-ruff2" has a revision token before turning invalid and "1--ruff1" turns invalid right after "1"; invalid sorts above a revision.',
  },
]

describe('apk ordering: published vectors', () => {
  it('alpine-versions.txt: every case holds in both directions, apk-tools 2 disagreements listed', () => {
    const file = new URL('../../../../fixtures/versions/alpine-versions.txt', import.meta.url)
    const report = checkVersionVectors(readVersionVectors(file), compareApkVersions, apkTools2)
    expect(report.failures).toEqual([])
    expect(report.staleDisagreements).toEqual([])
    expect(report.checked).toBe(778)
    expect(report.passed).toBe(778 - apkTools2.length)
  })

  it('alpine-versions-generated.txt: every case holds in both directions', () => {
    const file = new URL('../../../../fixtures/versions/alpine-versions-generated.txt', import.meta.url)
    const report = checkVersionVectors(readVersionVectors(file), compareApkVersions)
    expect(report.failures).toEqual([])
    expect(report.checked).toBe(13979)
    expect(report.passed).toBe(13979)
  })
})

describe('apk ordering: everyday cases', () => {
  const cases = parseVersionVectors(`
1.2.4-r2 < 1.2.4-r3
1.2.4-r9 < 1.2.4-r10
1.2.4-r0 < 1.2.4-r1
1.2.4_git20230717-r5 > 1.2.4-r5
1.2.4_git20230717-r5 < 1.2.5
1.2.4_git20230717-r5 < 1.2.4_git20230718-r0
1.2.4_git20230717-r5 = 1.2.4_git20230717-r5
1.2.4_p1 > 1.2.4_git20230717
1.2_alpha < 1.2_beta
1.2_beta < 1.2_pre
1.2_pre < 1.2_rc1
1.2_rc1 < 1.2
1.2_rc1 < 1.2_rc2
1.2 < 1.2_cvs
1.2_hg1 < 1.2_p1
3.1.4-r1 < 3.1.4-r10
2.40.1-r0 > 2.39.5-r0
3.0.8-r0 < 3.0.10-r0
1.1.1t-r0 < 1.1.1w-r1
1.1.1 < 1.1.1a
1.01 < 1.1
1.001 < 1.01
1.2.3 < 1.2.3.1
20230311 < 20240101
1.2_blah < 1.2
`)

  it('orders like apk version -t', () => {
    expect(checkVersionVectors(cases, compareApkVersions).failures).toEqual([])
  })

  it('marks versions that apk itself would refuse, but still orders them', () => {
    expect(parseApkVersion('1.2.4_git20230717-r5').wellFormed).toBe(true)
    expect(parseApkVersion('1.0').wellFormed).toBe(true)
    expect(parseApkVersion('1.2_blah').wellFormed).toBe(false)
    expect(parseApkVersion('1.0bc').wellFormed).toBe(false)
    expect(parseApkVersion('1.0-1').wellFormed).toBe(false)
  })
})

describe('apk parsing: invalid input', () => {
  it.each([
    ['', 'empty'],
    [' 1.0', 'whitespace'],
    ['1.0 -r1', 'whitespace'],
    ['1.0\t', 'whitespace'],
    ['1.0\u0000', 'control character'],
    ['1.0-rα', 'non-ASCII'],
  ])('rejects %j (%s)', (version, reason) => {
    expect(() => parseApkVersion(version)).toThrow(InvalidVersionError)
    expect(() => parseApkVersion(version)).toThrow(reason)
  })

  it('fails a comparison with an invalid side instead of guessing', () => {
    expect(() => compareApkVersions('', '1.0')).toThrow(InvalidVersionError)
  })
})
