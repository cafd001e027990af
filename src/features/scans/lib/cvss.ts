import type { CvssV2, CvssV3 } from '@contract/findings'

export interface CvssMetric {
  /** The metric's name, as the CVSS specification writes it. */
  label: string
  /** Its decoded value, in words. */
  value: string
  /** The vector's abbreviation, "AV:N". */
  code: string
}

/** `ADJACENT_NETWORK` → `Adjacent network`. */
export function humanizeEnum(value: string): string {
  const words = value.toLowerCase().split('_').join(' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const metric = (label: string, code: string, value: string): CvssMetric => ({ label, code: `${code}:${value.charAt(0)}`, value: humanizeEnum(value) })

/**
 * The eight base metrics of a CVSS v3.x vector, decoded, in the specification's order.
 *
 * @example
 * cvssV3Metrics(log4shell.cvssV3)[0] // { label: 'Attack vector', code: 'AV:N', value: 'Network' }
 */
export function cvssV3Metrics(cvss: CvssV3): CvssMetric[] {
  return [
    metric('Attack vector', 'AV', cvss.attackVector),
    metric('Attack complexity', 'AC', cvss.attackComplexity),
    metric('Privileges required', 'PR', cvss.privilegesRequired),
    metric('User interaction', 'UI', cvss.userInteraction),
    metric('Scope', 'S', cvss.scope),
    metric('Confidentiality', 'C', cvss.confidentiality),
    metric('Integrity', 'I', cvss.integrity),
    metric('Availability', 'A', cvss.availability),
  ]
}

/**
 * The six base metrics of a CVSS v2 vector, decoded.
 *
 * @example
 * cvssV2Metrics(cvss)[2] // { label: 'Authentication', code: 'Au:N', value: 'None' }
 */
export function cvssV2Metrics(cvss: CvssV2): CvssMetric[] {
  return [
    metric('Access vector', 'AV', cvss.accessVector),
    metric('Access complexity', 'AC', cvss.accessComplexity),
    metric('Authentication', 'Au', cvss.authentication),
    metric('Confidentiality', 'C', cvss.confidentiality),
    metric('Integrity', 'I', cvss.integrity),
    metric('Availability', 'A', cvss.availability),
  ]
}

/**
 * A CVSS base score with one decimal, as NVD prints it; a dash when there is none.
 *
 * @example
 * formatCvss(10) // '10.0'
 */
export function formatCvss(score: number | null): string {
  return score === null ? '—' : score.toFixed(1)
}
