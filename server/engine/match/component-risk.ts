import type { ComponentRisk, Finding, Severity } from '@contract/findings'
import type { VersionComparator } from './versions/ecosystem-comparator'

/** A finding with the base score its severity came from (null when a label or nothing decided). */
export interface ScoredFinding {
  finding: Finding
  score: number | null
}

// What a finding without a CVSS score adds to the risk sum: 5.0 when nothing is known (the
// contract's rule), and for a vendor's word the middle of that word's CVSS band, so that a
// "low" Ubuntu priority does not outrank a scored Medium.
const UNSCORED: Readonly<Record<Severity, number>> = { Critical: 9.5, High: 8.0, Medium: 5.5, Low: 2.0, Unknown: 5.0 }

/**
 * What one component's findings add up to: the top CVSS score, a risk sum to sort by, and
 * the one version that fixes every finding that has a fix (the highest of their fixes).
 *
 * @param cmp the component's version ordering; without one, `fixedByAll` is left out
 *   rather than guessed.
 */
export function componentRisk(componentId: string, scored: readonly ScoredFinding[], cmp: VersionComparator | undefined): ComponentRisk {
  let topCvss: number | null = null
  let riskScore = 0
  let fixedByAll: string | undefined
  for (const { finding, score } of scored) {
    if (score !== null) topCvss = topCvss === null ? score : Math.max(topCvss, score)
    riskScore += score ?? UNSCORED[finding.severity]
    const fix = finding.fixedBy
    if (fix !== undefined && cmp) fixedByAll = fixedByAll === undefined || laterOf(cmp, fix, fixedByAll) === fix ? fix : fixedByAll
  }
  return {
    componentId,
    topCvss,
    // Sums of one-decimal scores drift (0.1 + 0.2); the report shows one decimal.
    riskScore: Math.round(riskScore * 10) / 10,
    ...(fixedByAll !== undefined ? { fixedByAll } : {}),
    findingCount: scored.length,
  }
}

/** The later of two versions; the first when they tie or either does not parse. */
export function laterOf(cmp: VersionComparator, a: string, b: string): string {
  try {
    return cmp.compare(a, b) >= 0 ? a : b
  } catch {
    return a
  }
}
