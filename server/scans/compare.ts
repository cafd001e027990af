import type { ComparedVulnerability, ScanComparison } from '@contract/compare'
import type { VulnerabilityItem } from '@contract/scans'
import { severityRank } from '../engine/report/severity-order'

/** A vulnerability's identity across scans: the CVE in a package, whatever its version or location. */
export const comparisonKey = (v: Pick<VulnerabilityItem, 'cveName' | 'feature'>) => `${v.cveName}\u0000${v.feature}`

/** One row per key: the same CVE in one package at two locations counts once, its worst row kept. */
function byKey(rows: readonly VulnerabilityItem[]): Map<string, VulnerabilityItem> {
  const out = new Map<string, VulnerabilityItem>()
  for (const row of rows) {
    const key = comparisonKey(row)
    const seen = out.get(key)
    if (!seen || severityRank(row.severity) > severityRank(seen.severity)) out.set(key, row)
  }
  return out
}

const entry = (v: VulnerabilityItem, version: string | null, baseVersion: string | null): ComparedVulnerability => ({
  cveName: v.cveName,
  feature: v.feature,
  severity: v.severity,
  cvssScore: v.cvssScore,
  scanType: v.scanType,
  version,
  baseVersion,
  versionFixed: v.versionFixed,
})

const worstFirst = (a: ComparedVulnerability, b: ComparedVulnerability) =>
  severityRank(b.severity) - severityRank(a.severity) || (b.cvssScore ?? -1) - (a.cvssScore ?? -1) || a.cveName.localeCompare(b.cveName) || a.feature.localeCompare(b.feature)

/**
 * What changed between two scans' vulnerability rows, keyed by CVE and package name:
 * added (only in `head`), fixed (only in `base`) and unchanged (in both), worst first.
 *
 * @example
 * diffVulnerabilities(headRows, baseRows).added.map((v) => v.cveName) // ['CVE-2021-44228', …]
 */
export function diffVulnerabilities(head: readonly VulnerabilityItem[], base: readonly VulnerabilityItem[]): Pick<ScanComparison, 'added' | 'fixed' | 'unchanged'> {
  const now = byKey(head)
  const before = byKey(base)
  const added: ComparedVulnerability[] = []
  const unchanged: ComparedVulnerability[] = []
  for (const [key, v] of now) {
    const old = before.get(key)
    if (old) unchanged.push(entry(v, v.version, old.version))
    else added.push(entry(v, v.version, null))
  }
  const fixed = [...before].filter(([key]) => !now.has(key)).map(([, v]) => entry(v, null, v.version))
  return { added: added.sort(worstFirst), fixed: fixed.sort(worstFirst), unchanged: unchanged.sort(worstFirst) }
}
