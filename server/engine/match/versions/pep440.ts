import { VERSION_PATTERN } from '@renovatebot/pep440/lib/version.js'
import { compareDigits, compareStrings, invert, stripLeadingZeros, type Ordering } from './ordering'
import { assertPrintableAscii } from './version-error'

/** A PyPI version: a PEP 440 version, or a legacy (pre-PEP 440) one. */
export type Pep440Version = PublicVersion | LegacyVersion

/** A PEP 440 version, normalized: `1.0RC1` and `1.0-rc.1` both have `pre: ['rc', '1']`. */
export interface PublicVersion {
  readonly kind: 'pep440'
  readonly original: string
  /** Numbers are digit strings without leading zeros (`''` is 0), so any size is exact. */
  readonly epoch: string
  /** Release numbers with trailing zeros dropped, so `1.0 = 1`. */
  readonly release: readonly string[]
  readonly pre: readonly ['a' | 'b' | 'rc', string] | undefined
  readonly post: string | undefined
  readonly dev: string | undefined
  readonly local: readonly string[] | undefined
}

/**
 * A version that is not PEP 440 (`0.1-bulbasaur`, `2013-01-21T20:33:09+0100`, `trunk`).
 * PyPI still serves releases with such versions; packaging before 22.0 ordered them as
 * `LegacyVersion`, below every PEP 440 version, and OSV tooling still orders them that way.
 */
export interface LegacyVersion {
  readonly kind: 'legacy'
  readonly original: string
  /** setuptools' old sort key: zero-padded numbers and `*`-prefixed words. */
  readonly parts: readonly string[]
}

// The grammar comes from @renovatebot/pep440, which copies packaging's regular expression.
// Its `compare` is not used because it mis-orders two kinds of valid versions. It reads
// numbers with Number(), so numbers above 2^53 compare equal (it says 1.9007199254740993 =
// 1.9007199254740992). It also reads local labels such as `0x1f` or `1e3` as numbers where
// PEP 440 says they are words (it says 1.0+0x1f > 1.0+abc; packaging says <). The key below
// is packaging's `_cmpkey`, on exact digit strings.
const pep440 = new RegExp(`^${VERSION_PATTERN}$`, 'i')
const preLabels: ReadonlyMap<string, 'a' | 'b' | 'rc'> = new Map([
  ['a', 'a'],
  ['alpha', 'a'],
  ['b', 'b'],
  ['beta', 'b'],
  ['c', 'rc'],
  ['rc', 'rc'],
  ['pre', 'rc'],
  ['preview', 'rc'],
])

/**
 * Parses a PyPI version. PEP 440 versions are normalized; anything else printable is a
 * legacy version, because PyPI and OSV carry them. Only empty strings, whitespace, control
 * and non-ASCII characters are rejected.
 *
 * @example
 * parsePep440Version('1.0.post1').kind // 'pep440'
 * parsePep440Version('0.1-bulbasaur').kind // 'legacy'
 */
export function parsePep440Version(input: string): Pep440Version {
  assertPrintableAscii('pep440', input)
  const groups = pep440.exec(input)?.groups
  if (!groups) return { kind: 'legacy', original: input, parts: legacyParts(input) }
  const release = (groups.release ?? '').split('.').map(stripLeadingZeros)
  while (release.length > 0 && release[release.length - 1] === '') release.pop()
  const preLabel = groups.pre_l?.toLowerCase()
  const postNumber = groups.post_n1 ?? groups.post_n2
  return {
    kind: 'pep440',
    original: input,
    epoch: stripLeadingZeros(groups.epoch ?? ''),
    release,
    pre:
      preLabel === undefined
        ? undefined
        : [preLabels.get(preLabel) ?? 'rc', stripLeadingZeros(groups.pre_n ?? '')],
    // `1.0-1`, `1.0.post`, `1.0r` are all post-releases; a missing number is 0.
    post:
      groups.post_l !== undefined || postNumber !== undefined
        ? stripLeadingZeros(postNumber ?? '')
        : undefined,
    dev: groups.dev_l === undefined ? undefined : stripLeadingZeros(groups.dev_n ?? ''),
    local: groups.local?.toLowerCase().split(/[-_.]/),
  }
}

/**
 * Orders two PyPI versions as pip does: PEP 440 order (`1.0.dev0 < 1.0a1 < 1.0b1 < 1.0rc1 <
 * 1.0 < 1.0+local < 1.0.post1`), and legacy versions below every PEP 440 version, in
 * setuptools' old order among themselves.
 *
 * @example
 * comparePep440Versions('1.0.dev1', '1.0a0') // -1
 * comparePep440Versions('1!1.0', '2.0') // 1: the epoch wins
 * comparePep440Versions('0.9-ivysaur', '0.1') // -1: legacy sorts first
 */
export function comparePep440Versions(a: string, b: string): Ordering {
  return compareParsedPep440Versions(parsePep440Version(a), parsePep440Version(b))
}

/**
 * {@link comparePep440Versions} for versions that are already parsed, to parse each once.
 *
 * @example
 * compareParsedPep440Versions(parsePep440Version('1.0rc1'), parsePep440Version('1.0')) // -1
 */
export function compareParsedPep440Versions(a: Pep440Version, b: Pep440Version): Ordering {
  if (a.kind === 'legacy' && b.kind === 'legacy') return compareTuples(a.parts, b.parts, compareStrings)
  if (a.kind === 'legacy') return -1
  if (b.kind === 'legacy') return 1
  return (
    compareDigits(a.epoch, b.epoch) ||
    compareTuples(a.release, b.release, compareDigits) ||
    compareRanks(preRank(a), preRank(b)) ||
    compareOptional(a.post, b.post, -1) ||
    compareOptional(a.dev, b.dev, 1) ||
    compareLocal(a.local, b.local)
  )
}

/**
 * Where the pre-release part puts a version: a dev release of a final version sorts before
 * its pre-releases (`1.0.dev0 < 1.0a0`), a final version after them.
 */
function preRank(v: PublicVersion): readonly [number, string] {
  if (v.pre) return [v.pre[0] === 'a' ? 0 : v.pre[0] === 'b' ? 1 : 2, v.pre[1]]
  return v.post === undefined && v.dev !== undefined ? [-1, ''] : [3, '']
}

function compareRanks(a: readonly [number, string], b: readonly [number, string]): Ordering {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1
  return compareDigits(a[1], b[1])
}

/** Compares optional numbers; `absent` says where a missing one sorts (-1 first, 1 last). */
function compareOptional(a: string | undefined, b: string | undefined, absent: -1 | 1): Ordering {
  if (a !== undefined && b !== undefined) return compareDigits(a, b)
  if (a === b) return 0
  return a === undefined ? absent : invert(absent)
}

/** No local label sorts first; in a label, words sort before numbers. */
function compareLocal(a: readonly string[] | undefined, b: readonly string[] | undefined): Ordering {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1
  return compareTuples(a, b, (x, y) => {
    const xn = /^\d+$/.test(x)
    const yn = /^\d+$/.test(y)
    if (xn && yn) return compareDigits(x, y)
    if (xn !== yn) return xn ? 1 : -1
    return compareStrings(x, y)
  })
}

/** Python tuple order: element by element, then the shorter tuple first. */
function compareTuples(
  a: readonly string[],
  b: readonly string[],
  cmp: (x: string, y: string) => Ordering,
): Ordering {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const r = cmp(a[i] ?? '', b[i] ?? '')
    if (r !== 0) return r
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1
}

// packaging's LegacyVersion (removed in 22.0) split the lower-cased version into numbers,
// words, dots and hyphens, and renamed a few words so that they sort like pre-releases.
const legacyComponent = /(\d+|[a-z]+|\.|-)/
// A Map, not an object literal: a version may well contain `constructor` or `__proto__`.
const legacyRenames: ReadonlyMap<string, string> = new Map([
  ['pre', 'c'],
  ['preview', 'c'],
  ['-', 'final-'],
  ['rc', 'c'],
  ['dev', '@'],
])

/**
 * The legacy sort key: numbers zero-padded to 8 digits (longer ones stay as they are, so
 * they compare as text, as setuptools did), words prefixed with `*`, a closing `*final`,
 * trailing zeros of each numeric series dropped, and a `-` before a pre-release word dropped.
 */
function legacyParts(version: string): string[] {
  const parts: string[] = []
  for (const piece of version.toLowerCase().split(legacyComponent)) {
    const renamed = legacyRenames.get(piece) ?? piece
    if (renamed === '' || renamed === '.') continue
    const part = /^[0-9]/.test(renamed) ? renamed.padStart(8, '0') : `*${renamed}`
    pushLegacyPart(parts, part)
  }
  pushLegacyPart(parts, '*final')
  return parts
}

function pushLegacyPart(parts: string[], part: string): void {
  if (part.startsWith('*')) {
    if (part < '*final') while (parts[parts.length - 1] === '*final-') parts.pop()
    while (parts[parts.length - 1] === '00000000') parts.pop()
  }
  parts.push(part)
}
