import type { Db } from '../db/database'
import { ecosystemApplies, normalizePackageName } from '../engine/advisories/ecosystem'
import { findAdvisoriesByAlias } from '../engine/advisories/advisory-store'
import { evaluateAffected } from '../engine/match/affected-range'

/** The package as the advisory store names it: the matcher's own query (engine/match/component-query.ts). */
export interface AdvisoryPackage {
  ecosystem: string
  name: string
  version: string
}

/**
 * The version that fixes `cveName` in this package version, if the advisory store knows
 * one now: a record with that id or alias whose affected entry for the package (same
 * ecosystem, name as the store normalises it) has a `fixed` event closing the interval
 * the version is in. This is the matcher's own rule, so a deferral "until fixed" ends
 * exactly when a rescan would show a fixed-by version.
 *
 * @example
 * await fixedVersion(db, 'CVE-2021-44228', { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core', version: '2.14.1' }) // '2.15.0'
 */
export async function fixedVersion(db: Db, cveName: string, pkg: AdvisoryPackage): Promise<string | null> {
  const records = await findAdvisoriesByAlias(db, [cveName])
  const wanted = normalizePackageName(pkg.ecosystem, pkg.name)
  for (const record of records) {
    for (const entry of record.affected) {
      const ecosystem = entry.package?.ecosystem
      const name = entry.package?.name
      if (!ecosystem || !name || !ecosystemApplies(ecosystem, pkg.ecosystem)) continue
      if (normalizePackageName(pkg.ecosystem, name) !== wanted) continue
      const verdict = evaluateAffected(entry, pkg.version, pkg.ecosystem)
      if (verdict.fixed) return verdict.fixed
    }
  }
  return null
}
