import { compareParsedApkVersions, parseApkVersion } from './apk'
import { compareParsedDpkgVersions, parseDpkgVersion } from './dpkg'
import { compareParsedMavenVersions, parseMavenVersion } from './maven'
import { compareParsedNuGetVersions, parseNuGetVersion } from './nuget'
import type { Ordering } from './ordering'
import { compareParsedPep440Versions, parsePep440Version } from './pep440'
import { compareParsedRpmVersions, parseRpmVersion } from './rpm'
import { compareParsedRubyGemsVersions, parseRubyGemsVersion } from './rubygems'
import { compareParsedSemverVersions, parseGoVersion, parseSemverVersion } from './semver'
import type { VersionScheme } from './version-error'

/** Parses and orders the versions of one ecosystem. */
export interface VersionComparator {
  readonly scheme: VersionScheme
  /** Throws InvalidVersionError for a version the ecosystem cannot have. */
  parse(version: string): unknown
  /** Throws InvalidVersionError when either version does not parse; never guesses. */
  compare(a: string, b: string): Ordering
}

/** Thrown for an ecosystem the matcher has no version ordering for. */
export class UnknownEcosystemError extends Error {
  override readonly name = 'UnknownEcosystemError'

  constructor(readonly ecosystem: string) {
    super(
      `No version ordering for ecosystem ${JSON.stringify(ecosystem)}; known: ${Object.keys(byEcosystem).join(', ')}`,
    )
  }
}

function comparator<V>(
  scheme: VersionScheme,
  parse: (version: string) => V,
  compareParsed: (a: V, b: V) => Ordering,
): VersionComparator {
  return { scheme, parse, compare: (a, b) => compareParsed(parse(a), parse(b)) }
}

const dpkg = comparator('dpkg', parseDpkgVersion, compareParsedDpkgVersions)
const apk = comparator('apk', parseApkVersion, compareParsedApkVersions)
const rpm = comparator('rpm', parseRpmVersion, compareParsedRpmVersions)
const semver = comparator('semver', parseSemverVersion, compareParsedSemverVersions)

// Keys are OSV ecosystem names, which are case-sensitive: `debian` is not an ecosystem, and
// mapping it anyway would hide a typo in data we generate.
const byEcosystem: Readonly<Record<string, VersionComparator>> = {
  Debian: dpkg,
  Ubuntu: dpkg,
  Alpine: apk,
  // Wolfi and Chainguard build with apk and use its version format.
  Wolfi: apk,
  Chainguard: apk,
  'Red Hat': rpm,
  'Rocky Linux': rpm,
  AlmaLinux: rpm,
  openSUSE: rpm,
  SUSE: rpm,
  Mageia: rpm,
  'Azure Linux': rpm,
  // npm, Cargo and Mix all order by SemVer 2.0.
  npm: semver,
  'crates.io': semver,
  Hex: semver,
  // Go adds toolchain versions (1.22rc1) to SemVer.
  Go: comparator('go', parseGoVersion, compareParsedSemverVersions),
  PyPI: comparator('pep440', parsePep440Version, compareParsedPep440Versions),
  Maven: comparator('maven', parseMavenVersion, compareParsedMavenVersions),
  RubyGems: comparator('rubygems', parseRubyGemsVersion, compareParsedRubyGemsVersions),
  // NuGet has an ordering of its own, not lenient SemVer: the fourth number (1.2.3.4) orders
  // where SemVer would drop it as build metadata, and labels compare case-insensitively.
  NuGet: comparator('nuget', parseNuGetVersion, compareParsedNuGetVersions),
}

/**
 * The version ordering for an OSV ecosystem. Only the part before the first `:` selects it:
 * `Debian:11`, `Ubuntu:Pro:18.04:LTS`, `Alpine:v3.18` and `Red Hat:enterprise_linux:9::appstream`
 * name releases of one distribution, which all order versions the same way.
 *
 * @example
 * comparatorFor('Ubuntu:22.04:LTS').compare('7.68.0-1ubuntu2.18', '7.68.0-1ubuntu2.19') // -1
 * comparatorFor('Maven').compare('5.3.17', '5.3.18') // -1
 * comparatorFor('NuGet').compare('13.0.1', '13.0.1.0') // 0
 * comparatorFor('Packagist') // throws UnknownEcosystemError
 */
export function comparatorFor(ecosystem: string): VersionComparator {
  const colon = ecosystem.indexOf(':')
  const base = colon >= 0 ? ecosystem.slice(0, colon) : ecosystem
  const found = Object.hasOwn(byEcosystem, base) ? byEcosystem[base] : undefined
  if (!found) throw new UnknownEcosystemError(ecosystem)
  return found
}
