import { z } from 'zod'
import type { OsvAffected, OsvRecord, OsvSeverity } from '../advisories/osv-record'

/**
 * Which vulnerabilities an OSV record reports for the `affected[]` entries that matched a
 * package, split so that a finding is one vulnerability.
 *
 * Most records describe one vulnerability under several names: GHSA, PYSEC, GO and
 * UBUNTU-CVE records give the CVE in their id or `aliases`, which by the OSV schema are
 * the same vulnerability. Bundle advisories (USN, DSA, DLA) instead list in `upstream`
 * every CVE a package update fixed; USN-5844-1 fixes eight openssl CVEs. A bundle with
 * more than one upstream CVE is split into one part per CVE:
 *
 * - When the matched entry has `database_specific.cves_map` (newer USNs), it is the
 *   truth: it lists the CVEs that apply to that release, each with its CVSS vectors and
 *   Ubuntu priority. USN-6429-1's 20.04 entry lists only CVE-2023-38546 (its text says
 *   CVE-2023-38545 "only affected Ubuntu 22.04 LTS, and Ubuntu 23.04"), so on 20.04 that
 *   USN does not report CVE-2023-38545.
 * - Otherwise (older USNs such as USN-6409-1) every upstream CVE is reported, without a
 *   severity of its own: the prose saying "this issue only affected Ubuntu 23.04" is not
 *   data, so USN-6409-1 reports CVE-2023-4527 on 22.04 too.
 */
export interface VulnerabilityPart {
  record: OsvRecord
  /** The CVE this part is about, when it has one. */
  cve?: string
  /** Ids that make two parts the same vulnerability (union-find keys). */
  keys: string[]
  /** Every id the finding may show for this part, the record's own id included. */
  ids: string[]
  /** True for one CVE split out of a bundle: its record's summary and details cover more. */
  split: boolean
  /** CVSS vectors and vendor labels that apply to this vulnerability. */
  vectors: string[]
  labels: SeverityLabel[]
}

/** A vendor's word for the severity, with where it came from (`ubuntu_priority`, `ghsa`). */
export interface SeverityLabel {
  source: string
  label: string
}

const CVE = /^(?:[A-Za-z][A-Za-z0-9]*-)?(CVE-\d{4}-\d{4,})$/i

/**
 * The CVE an id names: itself, or a distribution's copy of it.
 *
 * @example
 * cveOf('UBUNTU-CVE-2023-38545') // 'CVE-2023-38545'
 * cveOf('DEBIAN-CVE-2022-1292') // 'CVE-2022-1292'
 * cveOf('GHSA-jfh8-c2jp-5v3q') // undefined
 */
export function cveOf(id: string): string | undefined {
  return CVE.exec(id)?.[1]?.toUpperCase()
}

const cvesMap = z.object({
  cves: z.array(z.looseObject({ id: z.string(), severity: z.array(z.looseObject({ type: z.string(), score: z.string() })).optional() })),
})
type CvesMapEntry = z.output<typeof cvesMap>['cves'][number]

/** The per-CVE data a USN entry carries, or undefined when it has none (or it is malformed). */
function cvesMapOf(entry: OsvAffected): CvesMapEntry[] | undefined {
  const parsed = cvesMap.safeParse(entry.database_specific?.cves_map)
  return parsed.success ? parsed.data.cves : undefined
}

/**
 * @param matched the record's `affected[]` entries that hold the package's version.
 */
export function vulnerabilityParts(record: OsvRecord, matched: readonly OsvAffected[]): VulnerabilityPart[] {
  const upstreamCves = unique(record.upstream.flatMap((id) => cveOf(id) ?? []))
  const isBundle = upstreamCves.length > 1 && cveOf(record.id) === undefined
  if (!isBundle) return [singlePart(record, matched)]

  const perCve = new Map<string, CvesMapEntry | undefined>()
  for (const entry of matched) {
    const map = cvesMapOf(entry)
    if (map) {
      for (const c of map) {
        const cve = cveOf(c.id)
        if (cve) perCve.set(cve, mergeCvesMapEntries(perCve.get(cve), c))
      }
    } else {
      for (const cve of upstreamCves) if (!perCve.has(cve)) perCve.set(cve, undefined)
    }
  }
  return [...perCve].map(([cve, data]) => {
    // `UBUNTU-CVE-2023-38545` in upstream is the record that merges with this part.
    const upstreamIds = record.upstream.filter((id) => cveOf(id) === cve)
    const keys = unique([cve, ...upstreamIds])
    const severity = data?.severity ?? []
    return { record, cve, keys, ids: unique([...keys, record.id]), split: true, vectors: vectorsOf(severity), labels: labelsOf(severity) }
  })
}

function singlePart(record: OsvRecord, matched: readonly OsvAffected[]): VulnerabilityPart {
  const cves = unique([record.id, ...record.aliases, ...record.upstream].flatMap((id) => cveOf(id) ?? []))
  const cve = cves.length > 0 ? [...cves].sort()[0] : undefined
  const keys = unique([record.id, ...record.aliases, ...record.upstream, ...cves])
  const severity: OsvSeverity[] = [...record.severity, ...matched.flatMap((a) => a.severity)]
  // A single-vulnerability record may still carry a cves_map; only its own CVE's rows apply.
  for (const entry of matched) {
    for (const c of cvesMapOf(entry) ?? []) if (cve && cveOf(c.id) === cve) severity.push(...(c.severity ?? []))
  }
  const labels = labelsOf(severity)
  for (const entry of matched) {
    const priority = entry.ecosystem_specific?.ubuntu_priority
    if (typeof priority === 'string') labels.push({ source: 'ubuntu_priority', label: priority })
  }
  const dbSeverity = record.database_specific?.severity
  if (typeof dbSeverity === 'string') labels.push({ source: record.id.startsWith('GHSA-') ? 'ghsa' : 'database_specific', label: dbSeverity })
  const part: VulnerabilityPart = { record, keys, ids: keys, split: false, vectors: vectorsOf(severity), labels }
  return cve ? { ...part, cve } : part
}

function mergeCvesMapEntries(a: CvesMapEntry | undefined, b: CvesMapEntry): CvesMapEntry {
  return a ? { ...a, severity: [...(a.severity ?? []), ...(b.severity ?? [])] } : b
}

const CVSS_TYPES = new Set(['CVSS_V2', 'CVSS_V3', 'CVSS_V4'])

function vectorsOf(severity: readonly { type: string; score: string }[]): string[] {
  return unique(severity.filter((s) => CVSS_TYPES.has(s.type)).map((s) => s.score))
}

function labelsOf(severity: readonly { type: string; score: string }[]): SeverityLabel[] {
  // OSV's `Ubuntu` severity type carries the Ubuntu priority word.
  return severity.filter((s) => s.type === 'Ubuntu').map((s) => ({ source: 'ubuntu_priority', label: s.score }))
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}
