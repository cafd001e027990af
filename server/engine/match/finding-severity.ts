import type { CvssV2, CvssV3, CvssV4, Severity } from '@contract/findings'
import { CvssError, scoreCvss, severityFromLabel, severityFromScore, severityFromV2 } from '../cvss/cvss'
import type { SeverityLabel } from './record-vulnerabilities'

/**
 * One finding's severity, from everything the advisories merged into it say.
 *
 * Precedence (the product's rule; scanner.md 4.4 discusses the alternatives):
 * 1. a CVSS v3.x vector → its base score's band (`cvss_v3`);
 * 2. else CVSS v4.0 (`cvss_v4`); 3. else CVSS v2, with NVD's v2 bands (`cvss_v2`);
 * 4. else a vendor's word: Ubuntu priority (`ubuntu_priority`), GitHub's
 *    `database_specific.severity` (`ghsa`), other `database_specific` (`database_specific`);
 * 5. else the same, read from alias records that did not match themselves (`alias`);
 * 6. else Unknown (`none`).
 * When several vectors of one version apply (a USN's cves_map often lists two, the NVD's
 * and the vendor's), the highest score wins, as osv-scanner shows the maximum. Every
 * parsed vector is kept (the best of each version), not only the deciding one.
 */
export interface ChosenSeverity {
  severity: Severity
  severitySource: string
  /** The base score the band came from; null when a label or nothing decided. */
  score: number | null
  cvssV2?: CvssV2
  cvssV3?: CvssV3
  cvssV4?: CvssV4
}

export interface SeverityEvidence {
  vectors: readonly string[]
  labels: readonly SeverityLabel[]
}

const LABEL_ORDER = ['ubuntu_priority', 'ghsa', 'database_specific']

export function chooseSeverity(evidence: SeverityEvidence): ChosenSeverity {
  let v2: CvssV2 | undefined
  let v3: CvssV3 | undefined
  let v4: CvssV4 | undefined
  for (const vector of evidence.vectors) {
    let scored
    try {
      scored = scoreCvss(vector)
    } catch (error) {
      // A malformed vector is the source's mistake; the other evidence still counts.
      if (error instanceof CvssError) continue
      throw error
    }
    if (scored.kind === 'v3' && (!v3 || scored.cvss.baseScore > v3.baseScore)) v3 = scored.cvss
    if (scored.kind === 'v4' && (!v4 || scored.cvss.baseScore > v4.baseScore)) v4 = scored.cvss
    if (scored.kind === 'v2' && (!v2 || scored.cvss.baseScore > v2.baseScore)) v2 = scored.cvss
  }
  const kept = { ...(v2 ? { cvssV2: v2 } : {}), ...(v3 ? { cvssV3: v3 } : {}), ...(v4 ? { cvssV4: v4 } : {}) }
  // A 0.0 score has no band (severityFromScore says Unknown): fall through to the next source.
  const byScore: [number | undefined, (s: number) => Severity, string][] = [
    [v3?.baseScore, severityFromScore, 'cvss_v3'],
    [v4?.baseScore, severityFromScore, 'cvss_v4'],
    [v2?.baseScore, severityFromV2, 'cvss_v2'],
  ]
  for (const [score, band, source] of byScore) {
    if (score === undefined) continue
    const severity = band(score)
    if (severity !== 'Unknown') return { severity, severitySource: source, score, ...kept }
  }
  const labels = [...evidence.labels].sort((a, b) => rank(a.source) - rank(b.source))
  for (const { source, label } of labels) {
    const severity = severityFromLabel(label)
    if (severity && severity !== 'Unknown') return { severity, severitySource: source, score: null, ...kept }
  }
  return { severity: 'Unknown', severitySource: 'none', score: null, ...kept }
}

function rank(source: string): number {
  const i = LABEL_ORDER.indexOf(source)
  return i < 0 ? LABEL_ORDER.length : i
}

/** Whether a chosen severity came from the finding's own data (else aliases may be asked). */
export function hasOwnSeverity(chosen: ChosenSeverity): boolean {
  return chosen.severitySource !== 'none'
}
