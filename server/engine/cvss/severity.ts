import type { Severity } from '@contract/findings'

/**
 * Severity band of a CVSS v3.x or v4.0 base score (NVD / FIRST qualitative scale):
 * 9.0–10.0 Critical, 7.0–8.9 High, 4.0–6.9 Medium, 0.1–3.9 Low.
 *
 * FIRST's "None" (0.0) has no band in our Severity, and "Low" would claim a rating the
 * vector explicitly denies, so 0.0 — like a negative or non-finite number — is `Unknown`.
 *
 * @example severityFromScore(9.8) // 'Critical'
 */
export function severityFromScore(score: number): Severity {
  if (!Number.isFinite(score) || score <= 0 || score > 10) return 'Unknown'
  if (score >= 9) return 'Critical'
  if (score >= 7) return 'High'
  if (score >= 4) return 'Medium'
  return 'Low'
}

/**
 * Severity band of a CVSS v2 base score, by NVD's v2 scale: 7.0–10.0 High, 4.0–6.9
 * Medium, 0.0–3.9 Low. v2 has no Critical; osv-scanner applies the v3 bands to v2 scores,
 * which NVD does not, so we don't.
 *
 * @example severityFromV2(10) // 'High'
 */
export function severityFromV2(score: number): Severity {
  if (!Number.isFinite(score) || score < 0 || score > 10) return 'Unknown'
  if (score >= 7) return 'High'
  if (score >= 4) return 'Medium'
  return 'Low'
}

// Vendor words, lower-cased. Sources: Ubuntu priorities (trivy-db ubuntu.go), GHSA
// `database_specific.severity`, Red Hat / StackRox (`IMPORTANT`, `MODERATE`), Debian
// urgency (trivy-db debian.go severityFromUrgency), NVD `baseSeverity`.
const LABELS: Readonly<Record<string, Severity>> = {
  critical: 'Critical',
  high: 'High',
  important: 'High',
  medium: 'Medium',
  moderate: 'Medium',
  low: 'Low',
  negligible: 'Low',
  unimportant: 'Low',
  // A vendor that says "none" rated it and found nothing; like a 0.0 score, no band fits.
  none: 'Unknown',
  unknown: 'Unknown',
  untriaged: 'Unknown',
  'not yet assigned': 'Unknown',
  'end-of-life': 'Unknown',
}

/**
 * Maps a vendor's severity word to our bands, or `undefined` for a word we don't know
 * (so the caller can fall back to CVSS instead of trusting a guess).
 *
 * Case-insensitive. Debian's `low*`/`medium**` asterisks (how sure the triager was) are
 * ignored, and StackRox's `IMPORTANT_VULNERABILITY_SEVERITY` form is accepted.
 *
 * @example severityFromLabel('MODERATE') // 'Medium'
 */
export function severityFromLabel(label: string): Severity | undefined {
  const word = label
    .trim()
    .toLowerCase()
    .replace(/\*+$/, '')
    .replace(/_vulnerability_severity$/, '')
  return Object.hasOwn(LABELS, word) ? LABELS[word] : undefined
}
