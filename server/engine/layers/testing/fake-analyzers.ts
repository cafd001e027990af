import type { Analyzer, PackageRecord } from '../../inventory/analyzer'

/**
 * Analyzers for the walker's and merge's own tests, so they do not depend on the real
 * ones. `pkgs.txt` files list `name version` per line (as npm packages); `os-release`
 * gives `ID` and `VERSION_ID`.
 *
 * @example
 * await walkLayerTar(tar, { analyzers: [pkgsTxtAnalyzer(), osReleaseTestAnalyzer()], expectedDiffId })
 */
export function pkgsTxtAnalyzer(calls: string[] = []): Analyzer {
  return {
    name: 'test-pkgs-txt',
    version: 1,
    wants: (path) => path === 'pkgs.txt' || path.endsWith('/pkgs.txt'),
    analyze({ path, bytes }) {
      calls.push(path)
      const packages: PackageRecord[] = []
      for (const line of bytes.toString('utf8').split('\n')) {
        const [name, version] = line.trim().split(/\s+/)
        if (name && version) packages.push({ name, version, format: 'npm', source: 'NODEJS', purl: `pkg:npm/${name}@${version}`, licenses: [], location: path })
      }
      return { packages }
    },
  }
}

export function osReleaseTestAnalyzer(): Analyzer {
  return {
    name: 'test-os-release',
    version: 1,
    wants: (path) => path === 'etc/os-release' || path === 'usr/lib/os-release',
    analyze({ bytes }) {
      const fields = new Map(bytes.toString('utf8').split('\n').map((l) => l.split('=') as [string, string]))
      const id = fields.get('ID')
      const versionId = fields.get('VERSION_ID')?.replace(/"/g, '')
      return id && versionId ? { os: { id, versionId } } : {}
    },
  }
}
