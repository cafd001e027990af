import { describe, expect, it } from 'vitest'
import { ecosystemApplies, ecosystemBase, ecosystemSuffix, isDistributionEcosystem, normalizePackageName } from './ecosystem'

describe('normalizePackageName', () => {
  it.each([
    ['PyPI', 'PyYAML', 'pyyaml'],
    ['PyPI', 'Jinja2', 'jinja2'],
    ['PyPI', 'zope.interface', 'zope-interface'],
    ['PyPI', 'Foo__Bar-.baz', 'foo-bar-baz'],
    ['Ubuntu:22.04:LTS', 'Glibc', 'glibc'],
    ['Alpine:v3.18', 'musl', 'musl'],
    ['Debian:12', 'OpenSSL', 'openssl'],
    ['npm', 'JSONStream', 'JSONStream'],
    ['Go', 'github.com/BurntSushi/toml', 'github.com/BurntSushi/toml'],
    ['Maven', 'org.apache.logging.log4j:log4j-core', 'org.apache.logging.log4j:log4j-core'],
  ])('%s %s → %s', (ecosystem, name, expected) => {
    expect(normalizePackageName(ecosystem, name)).toBe(expected)
  })
})

describe('ecosystems', () => {
  it('splits base and release', () => {
    expect([ecosystemBase('Ubuntu:Pro:14.04:LTS'), ecosystemSuffix('Ubuntu:Pro:14.04:LTS')]).toEqual(['Ubuntu', 'Pro:14.04:LTS'])
    expect([ecosystemBase('npm'), ecosystemSuffix('npm')]).toEqual(['npm', ''])
    expect(isDistributionEcosystem('Alpine:v3.18')).toBe(true)
    expect(isDistributionEcosystem('PyPI')).toBe(false)
  })

  it('applies a record to a package when the releases agree or either has none', () => {
    expect(ecosystemApplies('Ubuntu:22.04:LTS', 'Ubuntu:22.04:LTS')).toBe(true)
    expect(ecosystemApplies('Ubuntu:20.04:LTS', 'Ubuntu:22.04:LTS')).toBe(false)
    expect(ecosystemApplies('Alpine', 'Alpine:v3.18')).toBe(true)
    expect(ecosystemApplies('Debian:12', 'Ubuntu:22.04:LTS')).toBe(false)
  })

  it('never applies Ubuntu Pro (ESM) records to a non-Pro image', () => {
    expect(ecosystemApplies('Ubuntu:Pro:14.04:LTS', 'Ubuntu:14.04:LTS')).toBe(false)
    expect(ecosystemApplies('Ubuntu:Pro:FIPS:22.04:LTS', 'Ubuntu:22.04:LTS')).toBe(false)
  })
})
