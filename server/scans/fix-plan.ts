import type { FixPlanFinding, FixPlanUpgrade, PackageManager, ScanFixPlan } from '@contract/fix-plan'
import type { PackageFormat, Severity } from '@contract/findings'
import type { VulnerabilityItem } from '@contract/scans'
import { comparatorFor } from '../engine/match/versions/ecosystem-comparator'
import { severityRank } from '../engine/report/severity-order'
import { baseImageLayers, type HistoryLayer } from './fix-plan-base-image'
import { dockerfileSnippet } from './fix-plan-dockerfile'

/** The OSV ecosystem whose version ordering each package format uses. */
const ECOSYSTEM: Record<PackageFormat, string> = { dpkg: 'Debian', apk: 'Alpine', rpm: 'Red Hat', npm: 'npm', pypi: 'PyPI', maven: 'Maven', go: 'Go', gem: 'RubyGems', nuget: 'NuGet' }

/** What an unscored finding weighs: the contract's rule for risk sums. */
const UNSCORED = 5.0

const weight = (f: { cvssScore: number | null }) => f.cvssScore ?? UNSCORED
const round1 = (n: number) => Math.round(n * 10) / 10

/** Worst first: severity, then score, then id. */
const worstFirst = (a: FixPlanFinding, b: FixPlanFinding) =>
  severityRank(b.severity) - severityRank(a.severity) || (b.cvssScore ?? -1) - (a.cvssScore ?? -1) || a.cveName.localeCompare(b.cveName)

const toFinding = (v: VulnerabilityItem): FixPlanFinding => ({ cveName: v.cveName, severity: v.severity, cvssScore: v.cvssScore, versionFixed: v.versionFixed })

function managerOf(format: PackageFormat, command: string): PackageManager {
  switch (format) {
    case 'dpkg':
      return 'apt'
    case 'apk':
      return 'apk'
    case 'rpm':
      return command.startsWith('dnf ') ? 'dnf' : 'yum'
    case 'npm':
      return 'npm'
    case 'pypi':
      return 'pip'
    case 'gem':
      return 'gem'
    case 'maven':
      return 'maven'
    case 'go':
      return 'go'
    case 'nuget':
      return 'dotnet'
  }
}

/** The row whose fix is the latest, in the package's own version ordering (text order if a version does not parse). */
function latestFix(rows: readonly VulnerabilityItem[], format: PackageFormat): VulnerabilityItem {
  const cmp = comparatorFor(ECOSYSTEM[format])
  const later = (a: string, b: string) => {
    try {
      return cmp.compare(a, b) > 0
    } catch {
      return a > b
    }
  }
  return rows.reduce((best, row) => (later(row.versionFixed, best.versionFixed) ? row : best))
}

const topSeverity = (u: FixPlanUpgrade): Severity => u.closes[0]?.severity ?? 'Unknown'

/**
 * The fix plan of one scan from its vulnerability rows: per package, one upgrade to the
 * latest fixed version among its findings, which closes every finding that has a fix;
 * findings without one remain. Upgrades are ordered by the risk they remove (sum of
 * best CVSS scores), then by their worst finding and name, and each says how many
 * findings stay open once it and every upgrade above it are done.
 *
 * @example
 * buildFixPlan({ scanTaskId, digest, rows, layers }).upgrades[0] // { name: 'log4j-core', targetVersion: '2.17.1', closes: [3 CVEs], … }
 */
export function buildFixPlan(input: { scanTaskId: string; digest: string; rows: readonly VulnerabilityItem[]; layers: readonly HistoryLayer[] }): ScanFixPlan {
  const base = baseImageLayers(input.layers)
  const inBase = (layerIndex: number) => base !== null && layerIndex <= base.lastLayerIndex
  const byPackage = new Map<string, VulnerabilityItem[]>()
  for (const row of input.rows) byPackage.set(row.componentId, [...(byPackage.get(row.componentId) ?? []), row])

  const upgrades: FixPlanUpgrade[] = []
  const unfixable: ScanFixPlan['unfixable'] = []
  for (const [componentId, rows] of byPackage) {
    const first = rows[0]
    if (!first) continue
    const fixable = rows.filter((r) => r.versionFixed !== '')
    const open = rows.filter((r) => r.versionFixed === '').map(toFinding).sort(worstFirst)
    if (fixable.length === 0) {
      unfixable.push({ componentId, name: first.feature, version: first.version, findings: open })
      continue
    }
    const target = latestFix(fixable, first.versionFormat)
    const command = target.fixCmd || fixable.find((r) => r.fixCmd)?.fixCmd || ''
    const closes = fixable.map(toFinding).sort(worstFirst)
    upgrades.push({
      componentId,
      name: first.feature,
      format: first.versionFormat,
      manager: managerOf(first.versionFormat, command),
      installedVersion: first.version,
      targetVersion: target.versionFixed,
      command,
      location: first.cveLocation,
      layerIndex: first.layerIndex,
      inBaseImage: inBase(first.layerIndex),
      closes,
      remainsInPackage: open,
      riskRemoved: round1(closes.reduce((sum, f) => sum + weight(f), 0)),
      remainingAfter: 0,
    })
  }

  upgrades.sort(
    (a, b) => b.riskRemoved - a.riskRemoved || severityRank(topSeverity(b)) - severityRank(topSeverity(a)) || a.name.localeCompare(b.name) || a.componentId.localeCompare(b.componentId),
  )
  let open = input.rows.length
  for (const u of upgrades) {
    open -= u.closes.length
    u.remainingAfter = open
  }
  unfixable.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))

  const inBaseCount = input.rows.filter((r) => inBase(r.layerIndex)).length
  return {
    scanTaskId: input.scanTaskId,
    digest: input.digest,
    totalFindings: input.rows.length,
    fixableFindings: input.rows.length - open,
    upgrades,
    unfixable,
    baseImage: base && { ...base, findings: inBaseCount, mostFindings: inBaseCount * 2 > input.rows.length },
    dockerfile: dockerfileSnippet(upgrades),
  }
}
