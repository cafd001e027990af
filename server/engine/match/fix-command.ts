import type { Component, OsInfo } from '@contract/findings'
import { isDotnetRuntime, isGoStdlib } from './component-query'

/**
 * The command that installs the fixed version, in the package manager's own syntax, so the
 * report can be acted on as it is. Maven has no such command (the version lives in a build
 * file), and neither does the Go toolchain: those get an instruction instead. A NuGet
 * package's command is `dotnet add package`, to be run in the project, not in the image; a
 * .NET runtime's is an instruction too (a patched base image or a newer SDK's publish).
 *
 * @param version the version to install, already translated to the binary package's
 *   version where that differs from the source's (see {@link binaryFixVersion}).
 * @example
 * fixCommand(log4jCore, null, '2.15.0') // 'update org.apache.logging.log4j:log4j-core to 2.15.0'
 */
export function fixCommand(c: Component, os: OsInfo | null, version: string): string {
  switch (c.format) {
    case 'dpkg':
      return `apt-get install --only-upgrade ${c.name}=${version}`
    case 'apk':
      return `apk add --upgrade ${c.name}=${version}`
    case 'rpm':
      return `${usesDnf(os) ? 'dnf upgrade' : 'yum update'} -y ${c.name}-${version}`
    case 'npm':
      return `npm install ${c.name}@${version}`
    case 'pypi':
      return `pip install '${c.name}==${version}'`
    case 'maven':
      return `update ${c.group ? `${c.group}:` : ''}${c.name} to ${version}`
    case 'go':
      if (isGoStdlib(c)) return `rebuild with Go ${version.replace(/^(go|v)/, '')} or later`
      return `go get ${c.name}@v${version.replace(/^v/, '')}`
    case 'gem':
      return `gem install ${c.name} -v ${version}`
    case 'nuget':
      if (isDotnetRuntime(c)) return `move to .NET runtime ${c.name} ${version} or later`
      // Run in the project that references it; the image holds the published output only.
      return `dotnet add package ${c.name} --version ${version}`
  }
}

/** RHEL-family 8 and later, and Fedora, ship dnf; 7 and older only yum. */
function usesDnf(os: OsInfo | null): boolean {
  if (!os) return false
  if (os.id === 'fedora') return true
  const major = Number(/^(\d+)/.exec(os.versionId)?.[1] ?? NaN)
  return Number.isFinite(major) && major >= 8 && ['rhel', 'rocky', 'almalinux', 'centos', 'ol'].includes(os.id)
}

/**
 * The binary package's version that carries a fix named for its source package.
 *
 * Distribution advisories give the source version (`2.37.2-4ubuntu3.1` for util-linux),
 * but `apt-get install bsdutils=…` needs the binary's (`1:2.37.2-4ubuntu3.1`). Ubuntu
 * records list the binaries a fix released (`ecosystem_specific.binaries`), which is exact;
 * otherwise the binary's version is assumed to relate to its source's as it does now
 * (the same, or with an epoch in front).
 */
export function binaryFixVersion(c: Component, fixed: string, binaries: readonly { name: string; version: string }[]): string {
  const listed = binaries.find((b) => b.name === c.name)
  if (listed) return listed.version
  const source = c.sourceVersion
  if (source && c.version !== source && c.version.endsWith(source)) return `${c.version.slice(0, c.version.length - source.length)}${fixed}`
  return fixed
}
