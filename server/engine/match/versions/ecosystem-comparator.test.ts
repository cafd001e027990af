import { describe, expect, it } from 'vitest'
import { UnknownEcosystemError, comparatorFor } from './ecosystem-comparator'
import { InvalidVersionError } from './version-error'

describe('comparatorFor', () => {
  it.each([
    ['Debian', 'dpkg'],
    ['Debian:11', 'dpkg'],
    ['Debian:12', 'dpkg'],
    ['Ubuntu', 'dpkg'],
    ['Ubuntu:22.04:LTS', 'dpkg'],
    ['Ubuntu:Pro:18.04:LTS', 'dpkg'],
    ['Alpine', 'apk'],
    ['Alpine:v3.18', 'apk'],
    ['Wolfi', 'apk'],
    ['Chainguard', 'apk'],
    ['Red Hat', 'rpm'],
    ['Red Hat:enterprise_linux:9::appstream', 'rpm'],
    ['Rocky Linux', 'rpm'],
    ['Rocky Linux:9', 'rpm'],
    ['AlmaLinux', 'rpm'],
    ['AlmaLinux:9', 'rpm'],
    ['openSUSE', 'rpm'],
    ['openSUSE:Leap 15.5', 'rpm'],
    ['SUSE', 'rpm'],
    ['SUSE:Linux Enterprise Server 15 SP5', 'rpm'],
    ['npm', 'semver'],
    ['crates.io', 'semver'],
    ['Hex', 'semver'],
    ['Go', 'go'],
    ['PyPI', 'pep440'],
    ['Maven', 'maven'],
    ['RubyGems', 'rubygems'],
    ['NuGet', 'nuget'],
  ])('%s orders with %s', (ecosystem, scheme) => {
    expect(comparatorFor(ecosystem).scheme).toBe(scheme)
  })

  it.each(['Packagist', 'nuget', 'NUGET', 'debian', 'DEBIAN', 'constructor', 'toString', '', ':11'])(
    'throws a typed error for %j',
    (ecosystem) => {
      expect(() => comparatorFor(ecosystem)).toThrow(UnknownEcosystemError)
      expect(() => comparatorFor(ecosystem)).toThrow('No version ordering for ecosystem')
    },
  )

  it('keeps the ecosystem on the error', () => {
    try {
      comparatorFor('Packagist')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownEcosystemError)
      expect((error as UnknownEcosystemError).ecosystem).toBe('Packagist')
    }
  })

  it('compares with the ecosystem’s own rules', () => {
    expect(comparatorFor('Ubuntu:22.04:LTS').compare('7.68.0-1ubuntu2.18', '7.68.0-1ubuntu2.19')).toBe(-1)
    expect(comparatorFor('Debian:12').compare('1:0.1', '2.0')).toBe(1)
    expect(comparatorFor('Alpine:v3.18').compare('1.2.4_git20230717-r5', '1.2.4-r5')).toBe(1)
    expect(comparatorFor('AlmaLinux:9').compare('3.0.7-24.el9', '1:3.0.7-24.el9')).toBe(-1)
    expect(comparatorFor('Maven').compare('5.2.20.RELEASE', '5.2.20')).toBe(0)
    expect(comparatorFor('npm').compare('1.0.0-rc.1', '1.0.0')).toBe(-1)
    expect(comparatorFor('Go').compare('1.21.5', '1.22rc1')).toBe(-1)
    expect(comparatorFor('PyPI').compare('1.0.dev0', '1.0a0')).toBe(-1)
    expect(comparatorFor('RubyGems').compare('1.0.0.rc1', '1.0.0')).toBe(-1)
    expect(comparatorFor('NuGet').compare('12.0.3', '13.0.1')).toBe(-1)
    // A fourth number orders in NuGet; lenient SemVer drops it as build metadata.
    expect(comparatorFor('NuGet').compare('1.0.0', '1.0.0.1')).toBe(-1)
    expect(comparatorFor('npm').compare('1.0.0', '1.0.0.1')).toBe(0)
    // The same pair orders differently by ecosystem: `~` only means "before" in dpkg.
    expect(comparatorFor('Debian').compare('1.0~rc1', '1.0')).toBe(-1)
  })

  it('parses with the ecosystem’s own rules and rejects what it cannot have', () => {
    expect(comparatorFor('Debian').parse('1:1.2.11.dfsg-2ubuntu9.2')).toMatchObject({ epoch: 1 })
    expect(() => comparatorFor('Debian').parse('a1.0')).toThrow(InvalidVersionError)
    expect(() => comparatorFor('npm').parse('1.2.3.')).toThrow(InvalidVersionError)
    expect(() => comparatorFor('RubyGems').compare('1.0', '')).toThrow(InvalidVersionError)
    expect(() => comparatorFor('NuGet').parse('1.2.3.4.5')).toThrow(InvalidVersionError)
  })
})
