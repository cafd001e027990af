import type { OsvRecord } from '../advisories/osv-record'
import type { VulnerabilityPart } from './record-vulnerabilities'

/**
 * The words and the link a finding shows, taken from the advisory that is most about this
 * one vulnerability: a single-vulnerability record (GHSA, UBUNTU-CVE, PYSEC) before a
 * bundle such as a USN; among those, one with a summary; then the lowest id.
 */
export interface FindingText {
  summary: string
  description: string
  link: string
}

const MAX_SUMMARY = 200

export function describeFinding(group: readonly VulnerabilityPart[], vulnerabilityId: string): FindingText {
  const lead = [...group].sort(
    (a, b) =>
      Number(a.split) - Number(b.split) ||
      Number(a.record.summary === undefined) - Number(b.record.summary === undefined) ||
      (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0),
  )[0]
  if (!lead) return { summary: vulnerabilityId, description: '', link: `https://osv.dev/vulnerability/${vulnerabilityId}` }
  const { record } = lead
  // A USN's details describe each CVE in a paragraph ending "(CVE-…)": for a finding split
  // out of it, that paragraph is the description, not the whole notice.
  const paragraph = lead.split && lead.cve ? paragraphAbout(record.details, lead.cve) : undefined
  const description = paragraph ?? record.details ?? record.summary ?? ''
  const summary = (paragraph ? firstSentence(paragraph) : record.summary?.trim() || firstSentence(record.details ?? '')) || record.summary || vulnerabilityId
  return { summary, description, link: advisoryLink(record) }
}

/**
 * The advisory page: an ADVISORY reference that names the record's own id, else the first
 * ADVISORY reference, else the record on osv.dev.
 *
 * @example
 * advisoryLink(usn6429) // 'https://ubuntu.com/security/notices/USN-6429-1'
 */
export function advisoryLink(record: OsvRecord): string {
  const advisories = record.references.filter((r) => r.type === 'ADVISORY').map((r) => r.url)
  return advisories.find((url) => url.includes(record.id)) ?? advisories[0] ?? `https://osv.dev/vulnerability/${encodeURIComponent(record.id)}`
}

function paragraphAbout(details: string | undefined, cve: string): string | undefined {
  if (!details) return undefined
  const hits = details
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.includes(cve))
  return hits.length > 0 ? hits.join('\n\n') : undefined
}

/** The first sentence, on one line, at most {@link MAX_SUMMARY} characters. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const end = flat.search(/[.!?](\s|$)/)
  const sentence = end >= 0 ? flat.slice(0, end + 1) : flat
  return sentence.length > MAX_SUMMARY ? `${sentence.slice(0, MAX_SUMMARY - 1).trimEnd()}…` : sentence
}
