import type { Component, OsInfo } from '@contract/findings'
import { ecosystemBase } from '../advisories/ecosystem'

/**
 * What to ask the advisory store for one component: the OSV ecosystem, the name advisories
 * use for it, and the version to test (scanner.md 3.2 "Name", 3.3).
 */
export interface PackageQuery {
  ecosystem: string
  /** Before per-ecosystem normalisation, which the store and the matcher both apply. */
  name: string
  version: string
}

/** Why a component is not matched at all; becomes a scan note. */
export interface QuerySkip {
  code: 'os-ecosystem-unknown' | 'maven-group-unknown'
  message: string
}

// Which distributions each OS package format belongs to: a dpkg database in an image whose
// os-release says Alpine is a leftover or a trick, and Alpine advisories do not describe it.
const OS_FAMILIES: Readonly<Record<'dpkg' | 'apk' | 'rpm', readonly string[]>> = {
  dpkg: ['Debian', 'Ubuntu'],
  apk: ['Alpine', 'Wolfi', 'Chainguard'],
  rpm: ['Red Hat', 'Rocky Linux', 'AlmaLinux', 'openSUSE', 'SUSE', 'Mageia', 'Photon OS', 'Azure Linux', 'openEuler'],
}

/**
 * @example
 * packageQuery({ format: 'dpkg', name: 'libc6', sourceName: 'glibc', sourceVersion: '2.35-0ubuntu3.3', … }, jammy)
 * // { ecosystem: 'Ubuntu:22.04:LTS', name: 'glibc', version: '2.35-0ubuntu3.3' }
 */
export function packageQuery(c: Component, os: OsInfo | null): PackageQuery | QuerySkip {
  switch (c.format) {
    case 'dpkg':
    case 'apk':
    case 'rpm': {
      const ecosystem = os?.ecosystem
      if (!ecosystem || !OS_FAMILIES[c.format].includes(ecosystemBase(ecosystem))) {
        const what = os ? `${os.prettyName ?? `${os.id}${os.versionId ? ` ${os.versionId}` : ''}`}${ecosystem ? ` (${ecosystem})` : ''}` : 'no detected OS'
        return { code: 'os-ecosystem-unknown', message: `${c.format} packages were not matched: ${what} has no OSV ecosystem for them` }
      }
      // Distribution advisories name source packages (dpkg Source, apk origin, source RPM)
      // and their versions; a binary package shares both with its source.
      return { ecosystem, name: c.sourceName ?? c.name, version: c.sourceVersion ?? c.version }
    }
    case 'npm':
      return { ecosystem: 'npm', name: c.name, version: c.version }
    case 'pypi':
      return { ecosystem: 'PyPI', name: c.name, version: c.version }
    case 'gem':
      return { ecosystem: 'RubyGems', name: c.name, version: c.version }
    case 'nuget':
      // NuGet ids are case-insensitive; the store and the matcher lower-case both sides.
      return { ecosystem: 'NuGet', name: c.name, version: c.version }
    case 'go':
      // The toolchain's own packages are one module in OSV, `stdlib`.
      return { ecosystem: 'Go', name: isGoStdlib(c) ? 'stdlib' : c.name, version: c.version }
    case 'maven': {
      const group = c.group ?? mavenGroupFromPurl(c.purl)
      if (!group) return { code: 'maven-group-unknown', message: `${c.name} ${c.version} (${c.location}) was not matched: its Maven groupId is unknown` }
      return { ecosystem: 'Maven', name: c.name.includes(':') ? c.name : `${group}:${c.name}`, version: c.version }
    }
  }
}

export function isGoStdlib(c: Pick<Component, 'name' | 'purl'>): boolean {
  return c.name === 'stdlib' || c.purl.startsWith('pkg:golang/stdlib@')
}

/**
 * A .NET shared framework (`Microsoft.NETCore.App`, as StackRox names the runtime installed
 * in an image) or the runtime pack a self-contained app bundles
 * (`Microsoft.AspNetCore.App.Runtime.linux-x64`). Advisories name them like packages, but
 * the fix is a newer runtime: a patched base image, or a publish with a newer SDK, not
 * `dotnet add package`.
 */
export function isDotnetRuntime(c: Pick<Component, 'name'>): boolean {
  return /^microsoft\.(netcore|aspnetcore|windowsdesktop)\.app(\.runtime\.[a-z0-9-]+)?$/i.test(c.name)
}

function mavenGroupFromPurl(purl: string): string | undefined {
  const m = /^pkg:maven\/([^/@?#]+)\//.exec(purl)
  return m?.[1] ? decodeURIComponent(m[1]) : undefined
}
