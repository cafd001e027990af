import { readFileSync } from 'node:fs'
import { invert, type Ordering } from './ordering'

/** The operator of one published comparison case. */
export type VectorOp = '<' | '=' | '>'

/** One case of a version-ordering vectors file: `a op b`. */
export interface VersionVector {
  /** 1-based line number in the file, for failure messages. */
  readonly line: number
  /** The line as written, e.g. `1.0~rc1 < 1.0`. */
  readonly text: string
  readonly a: string
  readonly op: VectorOp
  readonly b: string
}

/**
 * A published case whose answer differs from the ecosystem's real tool, kept in the test with
 * our answer and the reason instead of being skipped silently.
 */
export interface KnownDisagreement {
  /** The case exactly as its line reads. */
  readonly text: string
  /** What our comparator answers for `a ? b`. */
  readonly ours: VectorOp
  readonly why: string
}

/** What {@link checkVersionVectors} found. */
export interface VectorReport {
  /** Cases checked in both directions, known disagreements included. */
  readonly checked: number
  /** Cases that matched the file. */
  readonly passed: number
  /** One message per failing case: wrong answer, or a version that did not parse. */
  readonly failures: readonly string[]
  /** Listed disagreements that the file does not contain, or where we now answer otherwise. */
  readonly staleDisagreements: readonly string[]
}

const opOrdering: Record<VectorOp, Ordering> = { '<': -1, '=': 0, '>': 1 }
const orderingOp: Record<`${Ordering}`, VectorOp> = { '-1': '<', '0': '=', '1': '>' }

/**
 * Reads a vectors file (osv-scalibr's `semantic/testdata` format): blank lines and lines that
 * start with `# ` or `// ` are skipped, every other line is `A OP B` split on single spaces.
 * A malformed line throws, so a truncated or mangled copy cannot pass by having fewer cases.
 *
 * @example
 * readVersionVectors(new URL('../../../../fixtures/versions/debian-versions.txt', import.meta.url))
 */
export function readVersionVectors(file: URL): VersionVector[] {
  return parseVersionVectors(readFileSync(file, 'utf8'))
}

/**
 * {@link readVersionVectors} for text already in memory, such as a table in a test.
 *
 * @example
 * parseVersionVectors('1.0~rc1 < 1.0\n') // [{ line: 1, text: '1.0~rc1 < 1.0', a: '1.0~rc1', op: '<', b: '1.0' }]
 */
export function parseVersionVectors(text: string): VersionVector[] {
  const vectors: VersionVector[] = []
  const lines = text.split('\n')
  lines.forEach((raw, index) => {
    if (raw === '' || raw.startsWith('# ') || raw.startsWith('// ')) return
    const fields = raw.split(' ')
    const [a, op, b] = fields
    if (fields.length !== 3 || a === undefined || b === undefined || !isVectorOp(op)) {
      throw new Error(`line ${index + 1} is not "A OP B": ${JSON.stringify(raw)}`)
    }
    vectors.push({ line: index + 1, text: raw, a, op, b })
  })
  return vectors
}

function isVectorOp(op: string | undefined): op is VectorOp {
  return op === '<' || op === '=' || op === '>'
}

/**
 * Checks a comparator against every case in both directions: `compare(a, b)` must give the
 * case's operator and `compare(b, a)` its opposite. A case listed in `known` must instead give
 * the listed answer (both directions), so the list stays true as the code changes.
 *
 * @example
 * const report = checkVersionVectors(vectors, compareDpkgVersions)
 * expect(report.failures).toEqual([])
 */
export function checkVersionVectors(
  vectors: readonly VersionVector[],
  compare: (a: string, b: string) => Ordering,
  known: readonly KnownDisagreement[] = [],
): VectorReport {
  const listed = new Map(known.map((k) => [k.text, k]))
  const seen = new Set<string>()
  const failures: string[] = []
  const stale: string[] = []
  let passed = 0

  for (const v of vectors) {
    const disagreement = listed.get(v.text)
    const expected = disagreement?.ours ?? v.op
    let forward: Ordering
    let backward: Ordering
    try {
      forward = compare(v.a, v.b)
      backward = compare(v.b, v.a)
    } catch (error) {
      failures.push(`line ${v.line} "${v.text}": ${error instanceof Error ? error.message : String(error)}`)
      continue
    }
    const ok = forward === opOrdering[expected] && backward === invert(opOrdering[expected])
    const answer = orderingOp[`${forward}`]
    if (disagreement) {
      seen.add(v.text)
      if (!ok) stale.push(`"${v.text}": listed as "${disagreement.ours}" but we answer "${answer}"`)
    } else if (ok) {
      passed++
    } else {
      failures.push(
        `line ${v.line} "${v.text}": got ${v.a} ${answer} ${v.b}` +
          ` and ${v.b} ${orderingOp[`${backward}`]} ${v.a}`,
      )
    }
  }
  for (const k of known) if (!seen.has(k.text)) stale.push(`"${k.text}": not in the file`)
  return { checked: vectors.length, passed, failures, staleDisagreements: stale }
}
