import { describe, expect, it } from 'vitest'
import { compareDpkgVersions, parseDpkgVersion } from './dpkg'
import { InvalidVersionError } from './version-error'
import { checkVersionVectors, parseVersionVectors, readVersionVectors } from './version-vectors'

describe('dpkg ordering: published vectors', () => {
  it.each([
    [
      'debian-versions.txt',
      new URL('../../../../fixtures/versions/debian-versions.txt', import.meta.url),
      30,
    ],
    [
      'debian-versions-generated.txt',
      new URL('../../../../fixtures/versions/debian-versions-generated.txt', import.meta.url),
      14442,
    ],
  ])('%s: every case holds in both directions', (_name, file, cases) => {
    const report = checkVersionVectors(readVersionVectors(file), compareDpkgVersions)
    expect(report.failures).toEqual([])
    expect(report.checked).toBe(cases)
    expect(report.passed).toBe(cases)
  })
})

describe('dpkg ordering: tricky cases', () => {
  // Every answer here is what `dpkg --compare-versions` prints.
  const cases = parseVersionVectors(`
1.0~rc1 < 1.0
1:0.1 > 2.0
0:1.0 = 1.0
1.0-1 < 1.0-1ubuntu1
7.68.0-1ubuntu2.18 < 7.68.0-1ubuntu2.19
1:1.2.11.dfsg-2ubuntu9.2 > 1:1.2.11.dfsg-2ubuntu9
1:1.2.11.dfsg-2ubuntu9.2 > 1.2.11.dfsg-2ubuntu9.2
1:1.2.11.dfsg-2ubuntu9.2 < 1:1.2.11.dfsg-2ubuntu10
1:1.2.11.dfsg-2ubuntu9.2 = 1:1.2.11.dfsg-2ubuntu9.2
1.0 < 1.0a
1.0a < 1.0+b1
1.0~~ < 1.0~
1.0~ < 1.0
3.3.3 < 3.3.3-squeeze1
1.2.3 = 1.2.3-0
3.0.11-1~deb12u2 < 3.0.11-1
3.0.11-1~deb12u2 < 3.0.11-1~deb12u3
2.36-9+deb12u4 < 2.36-9+deb12u10
2.36-9 < 2.36-9+deb12u4
1.2.3+dfsg-1 > 1.2.3-1
1.2.3.1-1 > 1.2.3+dfsg-1
007 = 7
1.10 > 1.9
1.0-1-1 > 1.0-1
1.0+b1 < 1.0.1
1.0-1+b1 < 1.0-1.1
99999999999999999999999 < 100000000000000000000000
`)

  it('orders like dpkg --compare-versions', () => {
    expect(checkVersionVectors(cases, compareDpkgVersions).failures).toEqual([])
  })

  it('splits epoch, upstream and revision at the first colon and the last hyphen', () => {
    expect(parseDpkgVersion('1:1.2.11.dfsg-2ubuntu9.2')).toEqual({
      epoch: 1,
      upstream: '1.2.11.dfsg',
      revision: '2ubuntu9.2',
    })
    expect(parseDpkgVersion('2:1.0-rc1:x-3')).toEqual({ epoch: 2, upstream: '1.0-rc1:x', revision: '3' })
    expect(parseDpkgVersion('1.0')).toEqual({ epoch: 0, upstream: '1.0', revision: '' })
  })
})

describe('dpkg parsing: invalid input', () => {
  it.each([
    ['', 'empty'],
    [' 1.0', 'whitespace'],
    ['1.0 -1', 'whitespace'],
    ['1.0\n', 'whitespace'],
    ['1.0-', 'revision after "-" is empty'],
    [':1.0', 'epoch before ":" is empty'],
    ['x:1.0', 'epoch is not a number'],
    ['+1:1.0', 'epoch is not a number'],
    ['99999999999:1.0', 'epoch is too big'],
    ['1:', 'upstream version is empty'],
    ['-1', 'upstream version is empty'],
    ['a1.0', 'does not start with a digit'],
    ['1.0_1', 'character other than'],
    ['1.0-1_2', 'character other than'],
    ['1:1.0-1:2', 'character other than'],
    ['1.0é', 'non-ASCII'],
  ])('rejects %j (%s)', (version, reason) => {
    expect(() => parseDpkgVersion(version)).toThrow(InvalidVersionError)
    expect(() => parseDpkgVersion(version)).toThrow(reason)
  })

  it('fails a comparison with an invalid side instead of guessing', () => {
    expect(() => compareDpkgVersions('1.0', '')).toThrow(InvalidVersionError)
  })
})
