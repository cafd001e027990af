/**
 * OSV ecosystem names and package names, normalised the same way when a record is stored
 * and when a package is looked up, so that lookups hit the index exactly.
 */

/**
 * The part before the first `:`: `Ubuntu:22.04:LTS` → `Ubuntu`, `Ubuntu:Pro:14.04:LTS` →
 * `Ubuntu`, `npm` → `npm`.
 */
export function ecosystemBase(ecosystem: string): string {
  const colon = ecosystem.indexOf(':')
  return colon >= 0 ? ecosystem.slice(0, colon) : ecosystem
}

/** The release part after the base (`22.04:LTS`, `Pro:14.04:LTS`, `v3.18`), `''` when none. */
export function ecosystemSuffix(ecosystem: string): string {
  const colon = ecosystem.indexOf(':')
  return colon >= 0 ? ecosystem.slice(colon + 1) : ''
}

/**
 * Whether an advisory's ecosystem applies to a package's (osv-scalibr's rule): the bases
 * must be equal, and the suffixes too when both sides have one. So a record for `Alpine`
 * (no release) applies to an `Alpine:v3.18` image, but `Ubuntu:Pro:14.04:LTS` never
 * applies to `Ubuntu:14.04:LTS`: Pro (ESM) fixes are not available to a non-Pro image,
 * and their fixed versions (`+esm2`) would be wrong for it.
 *
 * @example
 * ecosystemApplies('Ubuntu:22.04:LTS', 'Ubuntu:22.04:LTS') // true
 * ecosystemApplies('Ubuntu:Pro:22.04:LTS', 'Ubuntu:22.04:LTS') // false
 * ecosystemApplies('Alpine', 'Alpine:v3.18') // true
 */
export function ecosystemApplies(advisoryEcosystem: string, packageEcosystem: string): boolean {
  if (advisoryEcosystem === packageEcosystem) return true
  if (ecosystemBase(advisoryEcosystem) !== ecosystemBase(packageEcosystem)) return false
  return ecosystemSuffix(advisoryEcosystem) === '' || ecosystemSuffix(packageEcosystem) === ''
}

// Distributions whose package names are case-insensitive in practice (Debian policy
// makes them lower case; apk and rpm tools compare them as given but advisories and
// package databases agree on lower case). Lower-casing both sides costs nothing.
const DISTRIBUTIONS = new Set([
  'AlmaLinux',
  'Alpine',
  'Azure Linux',
  'Chainguard',
  'Debian',
  'Mageia',
  'openEuler',
  'openSUSE',
  'Photon OS',
  'Red Hat',
  'Rocky Linux',
  'SUSE',
  'Ubuntu',
  'Wolfi',
])

/** Whether packages of this ecosystem come from an OS package manager (dpkg, apk, rpm). */
export function isDistributionEcosystem(ecosystem: string): boolean {
  return DISTRIBUTIONS.has(ecosystemBase(ecosystem))
}

/**
 * A package name as the index stores it:
 * - PyPI: PEP 503 (`PyYAML` → `pyyaml`, `zope.interface` → `zope-interface`), because
 *   pip treats those spellings as one project and PyPA's records use the normal form
 *   while `dist-info` directories keep the author's spelling;
 * - distributions and NuGet: lower case;
 * - npm, Go, Maven (`group:artifact`), crates.io, RubyGems, …: exactly as written, since
 *   those registries are case-sensitive.
 *
 * @example
 * normalizePackageName('PyPI', 'Jinja2') // 'jinja2'
 * normalizePackageName('Maven', 'org.apache.logging.log4j:log4j-core') // unchanged
 */
export function normalizePackageName(ecosystem: string, name: string): string {
  const base = ecosystemBase(ecosystem)
  if (base === 'PyPI') return name.replace(/[-_.]+/g, '-').toLowerCase()
  if (base === 'NuGet' || DISTRIBUTIONS.has(base)) return name.toLowerCase()
  return name
}
