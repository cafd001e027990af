import type { Component, ComponentRisk, Finding, OsInfo, ScanNote } from '@contract/findings'
import { z } from 'zod'
import { ecosystemApplies, normalizePackageName } from '../advisories/ecosystem'
import type { OsvAffected, OsvRecord } from '../advisories/osv-record'
import { evaluateAffected } from './affected-range'
import { componentRisk, laterOf, type ScoredFinding } from './component-risk'
import { packageQuery, type PackageQuery } from './component-query'
import { describeFinding } from './describe-finding'
import { chooseSeverity, type ChosenSeverity } from './finding-severity'
import { binaryFixVersion, fixCommand } from './fix-command'
import { cveOf, vulnerabilityParts, type VulnerabilityPart } from './record-vulnerabilities'
import { comparatorFor, UnknownEcosystemError, type VersionComparator } from './versions/ecosystem-comparator'

/**
 * Matches a scan's components against OSV advisories (scanner.md section 3): one lookup
 * per ecosystem, the schema's evaluation per `affected[]` entry, then one finding per
 * (component, vulnerability), with advisories that name the same CVE merged into it.
 */

export type AdvisoryLookup = (ecosystem: string, names: string[]) => Promise<OsvRecord[]>

export interface MatchOptions {
  /**
   * Records known by any of `ids` (id, alias or upstream): where a finding whose own
   * advisories carry no severity may borrow one. Without it such findings stay Unknown.
   */
  aliasLookup?: (ids: string[]) => Promise<OsvRecord[]>
}

export interface MatchResult {
  findings: Finding[]
  componentRisks: ComponentRisk[]
  notes: ScanNote[]
}

/** One vulnerability part of a record whose `affected[]` entry held the package's version. */
interface MatchedPart extends VulnerabilityPart {
  fixed?: string
  /** The binaries that fix shipped (Ubuntu's `ecosystem_specific.binaries`). */
  binaries: { name: string; version: string }[]
}

interface PackageMatch {
  parts: MatchedPart[]
  /** Problems worth a note: an unparsable version, ranges that could not be read. */
  problems: { code: 'version-unparsable' | 'advisory-unevaluable'; message: string }[]
}

const NAMES_PER_LOOKUP = 500

export async function matchComponents(components: Component[], os: OsInfo | null, lookup: AdvisoryLookup, options: MatchOptions = {}): Promise<MatchResult> {
  const notes = new NoteCollector()
  const queries = new Map<string, PackageQuery>()
  for (const c of components) {
    const q = packageQuery(c, os)
    if ('code' in q) notes.skip(q.code, q.message)
    else if (supported(q.ecosystem)) queries.set(c.componentId, q)
    else notes.skip('ecosystem-unsupported', `${q.ecosystem} packages were not matched: no version ordering is known for that ecosystem`)
  }

  const index = await lookupAll([...queries.values()], lookup)
  const evaluated = new Map<string, PackageMatch>()
  const scored: ScoredFinding[] = []
  const perComponent = new Map<string, ScoredFinding[]>()
  for (const c of components) {
    const q = queries.get(c.componentId)
    if (!q) continue
    const key = packageKey(q)
    let match = evaluated.get(key)
    if (!match) {
      match = evaluatePackage(q, index.get(key) ?? [])
      evaluated.set(key, match)
      for (const p of match.problems) notes.warn(p.code, p.message, c.location)
    }
    const found = groupByVulnerability(match.parts).map((group) => buildFinding(c, q, os, group))
    perComponent.set(c.componentId, found)
    scored.push(...found)
  }

  if (options.aliasLookup) await borrowAliasSeverities(scored, options.aliasLookup)

  const componentRisks = components.map((c) => {
    const q = queries.get(c.componentId)
    return componentRisk(c.componentId, perComponent.get(c.componentId) ?? [], q ? comparatorFor(q.ecosystem) : undefined)
  })
  return { findings: [...perComponent.values()].flatMap((list) => sortFindings(list).map((s) => s.finding)), componentRisks, notes: notes.list() }
}

function supported(ecosystem: string): boolean {
  try {
    comparatorFor(ecosystem)
    return true
  } catch (error) {
    if (error instanceof UnknownEcosystemError) return false
    throw error
  }
}

function packageKey(q: PackageQuery): string {
  return `${q.ecosystem}\u0000${normalizePackageName(q.ecosystem, q.name)}\u0000${q.version}`
}

/** One lookup per ecosystem for all its names; records filed under each package they name. */
async function lookupAll(queries: readonly PackageQuery[], lookup: AdvisoryLookup): Promise<Map<string, OsvRecord[]>> {
  const namesByEcosystem = new Map<string, Set<string>>()
  for (const q of queries) {
    const names = namesByEcosystem.get(q.ecosystem) ?? new Set<string>()
    names.add(q.name)
    namesByEcosystem.set(q.ecosystem, names)
  }
  const byPackage = new Map<string, Map<string, OsvRecord>>()
  for (const [ecosystem, names] of namesByEcosystem) {
    const list = [...names].sort()
    for (let i = 0; i < list.length; i += NAMES_PER_LOOKUP) {
      for (const record of await lookup(ecosystem, list.slice(i, i + NAMES_PER_LOOKUP))) {
        for (const a of record.affected) {
          if (!a.package || !ecosystemApplies(a.package.ecosystem, ecosystem)) continue
          const name = normalizePackageName(ecosystem, a.package.name)
          const key = `${ecosystem}\u0000${name}`
          const records = byPackage.get(key) ?? new Map<string, OsvRecord>()
          records.set(record.id, record)
          byPackage.set(key, records)
        }
      }
    }
  }
  // Re-key by (ecosystem, name, version) for every query; the lookup returned by name only.
  const out = new Map<string, OsvRecord[]>()
  for (const q of queries) {
    const records = byPackage.get(`${q.ecosystem}\u0000${normalizePackageName(q.ecosystem, q.name)}`)
    out.set(packageKey(q), records ? [...records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : [])
  }
  return out
}

const binariesSchema = z.array(z.looseObject({ binary_name: z.string(), binary_version: z.string() }))

function evaluatePackage(q: PackageQuery, records: readonly OsvRecord[]): PackageMatch {
  const parts: MatchedPart[] = []
  const problems = new Set<string>()
  const name = normalizePackageName(q.ecosystem, q.name)
  const cmp = comparatorFor(q.ecosystem)
  const versionProblem = parseProblem(cmp, q.version)
  for (const record of records) {
    // Withdrawn records were retracted by their source; the store filters them too.
    if (record.withdrawn !== undefined) continue
    const entries = record.affected.filter((a) => a.package && ecosystemApplies(a.package.ecosystem, q.ecosystem) && normalizePackageName(q.ecosystem, a.package.name) === name)
    const matched: { entry: OsvAffected; fixed?: string }[] = []
    for (const entry of entries) {
      const verdict = evaluateAffected(entry, q.version, q.ecosystem)
      for (const p of verdict.problems) problems.add(`${record.id} could not be evaluated for ${q.name} ${q.version}: ${p}`)
      if (verdict.affected) matched.push(verdict.fixed === undefined ? { entry } : { entry, fixed: verdict.fixed })
    }
    if (matched.length === 0) continue
    // Two matching entries of one record (rare): the later fix leaves both.
    let best: { entry: OsvAffected; fixed?: string } | undefined
    for (const m of matched) if (m.fixed !== undefined && (best?.fixed === undefined || laterOf(cmp, m.fixed, best.fixed) === m.fixed)) best = m
    const binaries = best ? binariesOf(best.entry) : []
    for (const part of vulnerabilityParts(record, matched.map((m) => m.entry))) {
      parts.push(best?.fixed !== undefined ? { ...part, fixed: best.fixed, binaries } : { ...part, binaries })
    }
  }
  if (versionProblem !== undefined) {
    // Never guess an order for a version the ecosystem cannot have (scanner.md 3.4): say
    // which advisories could only be checked against their explicit version lists.
    if (records.length === 0) return { parts, problems: [] }
    const ids = records.map((r) => r.id).join(', ')
    return { parts, problems: [{ code: 'version-unparsable', message: `${q.name} ${q.version} was checked only against the versions listed by ${ids}: ${versionProblem}` }] }
  }
  return { parts, problems: [...problems].map((message) => ({ code: 'advisory-unevaluable' as const, message })) }
}

function parseProblem(cmp: VersionComparator, version: string): string | undefined {
  try {
    cmp.parse(version)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

function binariesOf(entry: OsvAffected): { name: string; version: string }[] {
  const parsed = binariesSchema.safeParse(entry.ecosystem_specific?.binaries)
  return parsed.success ? parsed.data.map((b) => ({ name: b.binary_name, version: b.binary_version })) : []
}

/** Union-find over the parts' ids: parts sharing any id (a CVE, a GHSA id) are one vulnerability. */
function groupByVulnerability(parts: readonly MatchedPart[]): MatchedPart[][] {
  const parent = new Map<string, string>()
  const find = (k: string): string => {
    let root = k
    while (parent.get(root) !== root) root = parent.get(root) ?? root
    parent.set(k, root)
    return root
  }
  for (const part of parts) {
    for (const k of part.keys) if (!parent.has(k)) parent.set(k, k)
    const [first, ...rest] = part.keys
    if (first === undefined) continue
    for (const k of rest) parent.set(find(k), find(first))
  }
  const groups = new Map<string, MatchedPart[]>()
  for (const part of parts) {
    const root = find(part.keys[0] ?? part.record.id)
    groups.set(root, [...(groups.get(root) ?? []), part])
  }
  return [...groups.values()]
}

function buildFinding(c: Component, q: PackageQuery, os: OsInfo | null, group: readonly MatchedPart[]): ScoredFinding {
  const cmp = comparatorFor(q.ecosystem)
  const vulnerabilityId = chooseVulnerabilityId(group)
  const text = describeFinding(group, vulnerabilityId)
  const chosen = chooseSeverity({ vectors: group.flatMap((p) => p.vectors), labels: group.flatMap((p) => p.labels) })
  const fix = chooseFix(group, cmp)
  const records = uniqueRecords(group)
  const published = earliest(records.map((r) => r.published))
  const modified = latest(records.map((r) => r.modified))
  const finding: Finding = {
    vulnerabilityId,
    aliases: sorted(group.flatMap((p) => p.ids)),
    advisoryIds: sorted(records.map((r) => r.id)),
    summary: text.summary,
    description: text.description,
    link: text.link,
    ...severityFields(chosen),
    ...(fix.fixedBy !== undefined
      ? { fixedBy: fix.fixedBy, fixCmd: fixCommand(c, os, binaryFixVersion(c, fix.fixedBy, fix.binaries)) }
      : {}),
    ...(fix.note !== undefined ? { fixedByNote: fix.note } : {}),
    ...(published !== undefined ? { publishedAt: published } : {}),
    ...(modified !== undefined ? { modifiedAt: modified } : {}),
    scanType: c.format === 'dpkg' || c.format === 'apk' || c.format === 'rpm' ? 'cve' : 'sca',
    componentId: c.componentId,
  }
  return { finding, score: chosen.score }
}

function severityFields(chosen: ChosenSeverity): Pick<Finding, 'severity' | 'severitySource' | 'cvssV2' | 'cvssV3' | 'cvssV4'> {
  return {
    severity: chosen.severity,
    severitySource: chosen.severitySource,
    ...(chosen.cvssV2 ? { cvssV2: chosen.cvssV2 } : {}),
    ...(chosen.cvssV3 ? { cvssV3: chosen.cvssV3 } : {}),
    ...(chosen.cvssV4 ? { cvssV4: chosen.cvssV4 } : {}),
  }
}

/**
 * The CVE when any part names one (the one most parts name, then the lowest); else a
 * GHSA id, which other databases alias most; else the lowest record id.
 */
function chooseVulnerabilityId(group: readonly MatchedPart[]): string {
  const votes = new Map<string, number>()
  for (const p of group) if (p.cve) votes.set(p.cve, (votes.get(p.cve) ?? 0) + 1)
  const cves = [...votes].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
  if (cves[0]) return cves[0][0]
  const ids = sorted(group.flatMap((p) => p.ids))
  return ids.find((id) => id.startsWith('GHSA-')) ?? ids[0] ?? group[0]?.record.id ?? 'UNKNOWN'
}

interface FixChoice {
  fixedBy?: string
  note?: string
  binaries: { name: string; version: string }[]
}

/**
 * The later fixed version when merged advisories disagree (scanner.md 3.2 step 5), with a
 * note naming who said what: installing the later one satisfies both.
 */
function chooseFix(group: readonly MatchedPart[], cmp: VersionComparator): FixChoice {
  const byRecord = new Map<string, MatchedPart>()
  for (const p of group) if (!byRecord.has(p.record.id)) byRecord.set(p.record.id, p)
  const parts = [...byRecord.values()]
  let best: MatchedPart | undefined
  for (const p of parts) if (p.fixed !== undefined && (best?.fixed === undefined || laterOf(cmp, p.fixed, best.fixed) === p.fixed)) best = p
  if (best?.fixed === undefined) return { binaries: [] }
  const distinct = new Set(parts.map((p) => p.fixed ?? ''))
  if (distinct.size <= 1) return { fixedBy: best.fixed, binaries: best.binaries }
  const said = parts.map((p) => `${p.record.id} ${p.fixed === undefined ? 'names no fixed version' : `says ${p.fixed}`}`).join(', ')
  return { fixedBy: best.fixed, note: `The advisories disagree on the fixed version (${said}); the later, ${best.fixed}, is shown.`, binaries: best.binaries }
}

function uniqueRecords(group: readonly MatchedPart[]): OsvRecord[] {
  return [...new Map(group.map((p) => [p.record.id, p.record])).values()]
}

// Go's vulndb repository writes 0001-01-01T00:00:00Z until a record is published: not a date.
const isRealDate = (s: string | undefined): s is string => s !== undefined && !s.startsWith('0001-')

function earliest(dates: readonly (string | undefined)[]): string | undefined {
  return dates.filter(isRealDate).sort((a, b) => Date.parse(a) - Date.parse(b))[0]
}

function latest(dates: readonly (string | undefined)[]): string | undefined {
  return dates.filter(isRealDate).sort((a, b) => Date.parse(b) - Date.parse(a))[0]
}

function sorted(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort()
}

const SEVERITY_RANK: Record<Finding['severity'], number> = { Critical: 0, High: 1, Medium: 2, Low: 3, Unknown: 4 }

/** Worst first; then the higher score; then by id, so reports are stable. */
function sortFindings(list: readonly ScoredFinding[]): ScoredFinding[] {
  return [...list].sort(
    (a, b) =>
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      (b.score ?? -1) - (a.score ?? -1) ||
      (a.finding.vulnerabilityId < b.finding.vulnerabilityId ? -1 : a.finding.vulnerabilityId > b.finding.vulnerabilityId ? 1 : 0),
  )
}

/**
 * Findings none of whose advisories carry a severity (a USN without cves_map, most PYSEC
 * records) take one from other records known by their ids, when the store has any.
 */
async function borrowAliasSeverities(scored: ScoredFinding[], aliasLookup: (ids: string[]) => Promise<OsvRecord[]>): Promise<void> {
  const unknown = scored.filter((s) => s.finding.severitySource === 'none')
  if (unknown.length === 0) return
  const records = await aliasLookup(sorted(unknown.flatMap((s) => s.finding.aliases)))
  for (const s of unknown) {
    const ids = new Set(s.finding.aliases)
    const own = new Set(s.finding.advisoryIds)
    const relevant = records.filter((r) => !own.has(r.id) && r.withdrawn === undefined && knownBy(r, ids))
    if (relevant.length === 0) continue
    const parts = relevant.flatMap((r) => vulnerabilityParts(r, r.affected)).filter((p) => p.keys.some((k) => ids.has(k)) || (p.cve !== undefined && ids.has(p.cve)))
    const chosen = chooseSeverity({ vectors: parts.flatMap((p) => p.vectors), labels: parts.flatMap((p) => p.labels) })
    if (chosen.severitySource === 'none') continue
    s.finding = { ...s.finding, ...severityFields(chosen), severitySource: 'alias' }
    s.score = chosen.score
  }
}

function knownBy(record: OsvRecord, ids: ReadonlySet<string>): boolean {
  return [record.id, ...record.aliases, ...record.upstream].some((id) => ids.has(id) || ids.has(cveOf(id) ?? ''))
}

/** Notes, once per distinct message; skips of the same kind are counted, not repeated. */
class NoteCollector {
  private readonly skips = new Map<string, { code: string; count: number }>()
  private readonly warnings = new Map<string, ScanNote>()

  skip(code: string, message: string) {
    const seen = this.skips.get(message)
    if (seen) seen.count++
    else this.skips.set(message, { code, count: 1 })
  }

  warn(code: string, message: string, path?: string) {
    if (!this.warnings.has(message)) this.warnings.set(message, { level: 'warning', code, message, ...(path ? { path } : {}) })
  }

  list(): ScanNote[] {
    const skips = [...this.skips].map(([message, { code, count }]): ScanNote => ({
      level: code === 'os-ecosystem-unknown' ? 'info' : 'warning',
      code,
      message: count > 1 && code !== 'maven-group-unknown' ? `${message} (${count} components)` : message,
    }))
    return [...skips, ...this.warnings.values()]
  }
}
