import { describe, expect, it } from 'vitest'
import { isNpmPackageRoot, npmAnalyzer, npmLicenses } from './npm'

const analyze = async (path: string, json: unknown) => npmAnalyzer.analyze({ path, bytes: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json, null, 2)), mode: 0o644 })

describe('npm analyzer', () => {
  it('reads an installed package, scoped names encoded in the purl', async () => {
    // As npm leaves @babel/core's package.json (trimmed).
    const babel = { name: '@babel/core', version: '7.23.2', description: 'Babel compiler core.', license: 'MIT', main: './lib/index.js', _resolved: 'https://example.invalid/core-7.23.2.tgz' }
    expect(await analyze('usr/lib/node_modules/npm/node_modules/@babel/core/package.json', babel)).toEqual({
      packages: [{ name: '@babel/core', version: '7.23.2', format: 'npm', source: 'NODEJS', purl: 'pkg:npm/%40babel/core@7.23.2', licenses: ['MIT'], location: 'usr/lib/node_modules/npm/node_modules/@babel/core/package.json' }],
    })
  })

  it('skips roots without a name or version and notes invalid JSON', async () => {
    expect(await analyze('app/node_modules/x/package.json', { private: true })).toEqual({})
    const bad = await analyze('app/node_modules/x/package.json', '{"name": "x", ')
    expect(bad.packages).toBeUndefined()
    expect(bad.notes?.[0]).toMatchObject({ level: 'warning', code: 'unparsable-package-metadata', path: 'app/node_modules/x/package.json' })
    expect((await analyze('app/node_modules/x/package.json', '[1,2]')).notes?.[0]?.code).toBe('unparsable-package-metadata')
  })

  it('wants package roots under node_modules only', () => {
    expect(npmAnalyzer.wants('app/node_modules/express/package.json', 1000, 0o644)).toBe(true)
    expect(npmAnalyzer.wants('app/package.json', 1000, 0o644)).toBe(false)
    expect(npmAnalyzer.wants('app/node_modules/express/package.json', 50_000_000, 0o644)).toBe(false)
  })
})

describe('isNpmPackageRoot', () => {
  it.each([
    ['app/node_modules/express/package.json', true],
    ['app/node_modules/@types/node/package.json', true],
    ['app/node_modules/send/node_modules/ms/package.json', true],
    ['app/node_modules/.pnpm/ms@2.1.3/node_modules/ms/package.json', true],
    ['app/node_modules/rxjs/ajax/package.json', false],
    ['app/node_modules/resolve/test/fixtures/package.json', false],
    ['app/node_modules/@types/package.json', false],
    ['app/node_modules/.bin/package.json', false],
    ['app/node_modules/package.json', false],
    ['app/package.json', false],
  ])('%s → %s', (path, expected) => {
    expect(isNpmPackageRoot(path)).toBe(expected)
  })
})

describe('npmLicenses', () => {
  it('reads every historical shape', () => {
    expect(npmLicenses({ license: 'BSD-3-Clause' })).toEqual(['BSD-3-Clause'])
    expect(npmLicenses({ license: { type: 'MIT', url: 'https://example.invalid' } })).toEqual(['MIT'])
    expect(npmLicenses({ licenses: [{ type: 'MIT' }, 'Apache-2.0', { type: 'MIT' }, 3] })).toEqual(['MIT', 'Apache-2.0'])
    expect(npmLicenses({})).toEqual([])
  })
})
