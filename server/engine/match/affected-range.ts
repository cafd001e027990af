import { ecosystemBase } from '../advisories/ecosystem'
import type { OsvAffected, OsvEvent, OsvRange } from '../advisories/osv-record'
import { comparatorFor, type VersionComparator } from './versions/ecosystem-comparator'
import { InvalidVersionError } from './versions/version-error'

/**
 * Whether one version is inside an OSV `affected[]` entry, exactly as the schema's
 * "Evaluation" section says (scanner.md 3.2): listed in `versions[]`, or inside a SEMVER or
 * ECOSYSTEM range whose events, sorted by the ecosystem's ordering, open the range at
 * `introduced` and close it at `fixed` (exclusive) or `last_affected` (inclusive), below
 * any `limit`. GIT ranges name commits, which an installed package does not have: skipped.
 */

export interface AffectedVerdict {
  affected: boolean
  /** The `fixed` event that closes the interval holding the version, when one does. */
  fixed?: string
  /** Ranges that could not be evaluated (an event version the ordering refuses), as text. */
  problems: string[]
}

type Kind = 'introduced' | 'fixed' | 'last_affected' | 'limit'
interface Event {
  kind: Kind
  version: string
  /** -1 for `introduced: "0"` (below everything), 1 for `limit: "*"` (above everything). */
  bound: -1 | 0 | 1
}

// At equal versions an interval opens before it closes, so `introduced: X, fixed: X` is
// the empty range it means, and `last_affected: X` still includes X.
const TIE_ORDER: Record<Kind, number> = { introduced: 0, last_affected: 1, fixed: 2, limit: 3 }

/**
 * The ordering a range uses: ECOSYSTEM ranges order by the ecosystem's own rules, SEMVER
 * ranges by SemVer 2.0 (Go's ordering for Go, which reads toolchain versions as SemVer).
 */
export function rangeComparator(type: OsvRange['type'], ecosystem: string): VersionComparator {
  if (type === 'SEMVER') return comparatorFor(ecosystemBase(ecosystem) === 'Go' ? 'Go' : 'npm')
  return comparatorFor(ecosystem)
}

/**
 * @example
 * evaluateAffected(entry, '2.14.1', 'Maven') // { affected: true, fixed: '2.15.0', problems: [] }
 */
export function evaluateAffected(entry: OsvAffected, version: string, ecosystem: string): AffectedVerdict {
  const problems: string[] = []
  const inList = entry.versions.length > 0 && listed(entry.versions, version, ecosystem)
  let affected = inList
  const fixes: string[] = []
  let nextFixAnywhere: string | undefined
  for (const range of entry.ranges) {
    if (range.type === 'GIT') continue
    const cmp = rangeComparator(range.type, ecosystem)
    let verdict: RangeVerdict
    try {
      verdict = evaluateRange(range.events, version, cmp)
    } catch (error) {
      if (!(error instanceof InvalidVersionError)) throw error
      problems.push(`${range.type} range: ${error.message}`)
      continue
    }
    if (verdict.affected) {
      affected = true
      if (verdict.fixed !== undefined) fixes.push(verdict.fixed)
    } else if (verdict.nextFixed !== undefined) {
      nextFixAnywhere = pickLower(nextFixAnywhere, verdict.nextFixed, cmp)
    }
  }
  if (!affected) return { affected: false, problems }
  // Several ranges that hold the version: the highest fix is the one that leaves them all.
  const cmp = comparatorFor(ecosystem)
  const fixed = fixes.reduce<string | undefined>((best, f) => (best === undefined || cmp.compare(f, best) > 0 ? f : best), undefined)
  // Listed in versions[] while no range says so: the ranges still tell what fixes it.
  const result = fixed ?? (inList ? nextFixAnywhere : undefined)
  return result === undefined ? { affected: true, problems } : { affected: true, fixed: result, problems }
}

function listed(versions: readonly string[], version: string, ecosystem: string): boolean {
  if (versions.includes(version)) return true
  // `1.0` and `1.0.0` are one PyPI release; equality by the ordering catches such spellings.
  let cmp: VersionComparator
  try {
    cmp = comparatorFor(ecosystem)
    cmp.parse(version)
  } catch {
    return false
  }
  return versions.some((v) => {
    try {
      return cmp.compare(v, version) === 0
    } catch {
      return false
    }
  })
}

export interface RangeVerdict {
  affected: boolean
  /** When affected: the `fixed` event closing the interval that holds the version. */
  fixed?: string
  /** When not affected: the lowest `fixed` above the version, if any. */
  nextFixed?: string
}

/**
 * One SEMVER/ECOSYSTEM range. Events may come in any order; they are sorted first.
 *
 * @throws {InvalidVersionError} when the version or an event version does not parse.
 */
export function evaluateRange(events: readonly OsvEvent[], version: string, cmp: VersionComparator): RangeVerdict {
  cmp.parse(version)
  const parsed = events.map(toEvent)
  // Parse every event up front: a range we can only half read must not answer at all.
  for (const e of parsed) if (e.bound === 0) cmp.parse(e.version)
  const sorted = parsed.sort((a, b) => compareEvents(a, b, cmp))

  const vs = (e: Event): number => (e.bound !== 0 ? -e.bound : cmp.compare(version, e.version))
  let affected = false
  for (const e of sorted) {
    if (e.kind === 'introduced' && vs(e) >= 0) affected = true
    else if (e.kind === 'fixed' && vs(e) >= 0) affected = false
    else if (e.kind === 'last_affected' && vs(e) > 0) affected = false
  }
  const limits = sorted.filter((e) => e.kind === 'limit')
  if (affected && limits.length > 0 && !limits.some((l) => vs(l) < 0)) affected = false

  // The event that ends the interval holding the version: the first closing event above it
  // (or, for last_affected, at it). A fixed one is the fix; a last_affected one means none is known.
  const closing = sorted.find((e) => (e.kind === 'fixed' && vs(e) < 0) || (e.kind === 'last_affected' && vs(e) <= 0))
  if (affected) return closing?.kind === 'fixed' ? { affected, fixed: closing.version } : { affected }
  const next = sorted.find((e) => e.kind === 'fixed' && vs(e) < 0)
  return next ? { affected, nextFixed: next.version } : { affected }
}

function toEvent(e: OsvEvent): Event {
  if (e.introduced !== undefined) return { kind: 'introduced', version: e.introduced, bound: e.introduced === '0' ? -1 : 0 }
  if (e.fixed !== undefined) return { kind: 'fixed', version: e.fixed, bound: 0 }
  if (e.last_affected !== undefined) return { kind: 'last_affected', version: e.last_affected, bound: 0 }
  // The schema guarantees exactly one key, so this is `limit`.
  const limit = e.limit ?? '*'
  return { kind: 'limit', version: limit, bound: limit === '*' ? 1 : 0 }
}

function compareEvents(a: Event, b: Event, cmp: VersionComparator): number {
  const byVersion = a.bound !== 0 || b.bound !== 0 ? a.bound - b.bound : cmp.compare(a.version, b.version)
  return byVersion !== 0 ? byVersion : TIE_ORDER[a.kind] - TIE_ORDER[b.kind]
}

function pickLower(current: string | undefined, candidate: string, cmp: VersionComparator): string {
  return current === undefined || cmp.compare(candidate, current) < 0 ? candidate : current
}
