import {
  compareDigits,
  compareStrings,
  invert,
  isDigitCode,
  stripLeadingZeros,
  type Ordering,
} from './ordering'
import { assertPrintableAscii } from './version-error'

/**
 * A Maven version as `ComparableVersion` of current Maven (3.8.7 and later) sees it: a tree of items.
 * `.` separates items of one list; `-` (and a switch between digits and letters) opens a
 * sub-list, so `1.0-beta-1` is `[1, [beta, [1]]]`.
 */
export interface MavenVersion {
  readonly original: string
  readonly items: MavenList
}

export type MavenItem = MavenNumber | MavenQualifier | MavenList
export type MavenList = readonly MavenItem[]

/** A run of digits, without leading zeros (`''` is 0). Numbers have no size limit. */
export interface MavenNumber {
  readonly digits: string
}

/** A qualifier such as `beta` or `jre`, with the key it sorts by. */
export interface MavenQualifier {
  readonly qualifier: string
  readonly sortKey: string
}

// Known qualifiers in order; "" is a release. Unknown ones sort after all of these.
const knownQualifiers = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp']
const releaseSortKey = String(knownQualifiers.indexOf(''))
// Other spellings of known qualifiers; `cr` is an old name for release candidates. Maps, not
// object literals, because a qualifier may well be `constructor` or `__proto__`.
const aliases: ReadonlyMap<string, string> = new Map([
  ['ga', ''],
  ['final', ''],
  ['release', ''],
  ['cr', 'rc'],
])
// A single letter right before a number is short for a qualifier: 1a1 = 1-alpha-1.
const letterAliases: ReadonlyMap<string, string> = new Map([
  ['a', 'alpha'],
  ['b', 'beta'],
  ['m', 'milestone'],
])

/**
 * Parses a Maven version. Maven itself accepts any string; we reject only what cannot be a
 * version at all (empty, whitespace, control or non-ASCII characters; Java would read
 * non-ASCII digits as digits, which no real version relies on).
 *
 * @example
 * parseMavenVersion('1.0-beta-1').items // [{ digits: '1' }, [{ qualifier: 'beta', … }, [{ digits: '1' }]]]
 */
export function parseMavenVersion(input: string): MavenVersion {
  assertPrintableAscii('maven', input)
  // Qualifiers are case-insensitive.
  const text = input.toLowerCase()
  const root: MavenItem[] = []
  // Every list opened so far, innermost last; all of them are trimmed at the end.
  const opened: MavenItem[][] = [root]
  let list = root
  let digits = false
  let start = 0
  const openList = () => {
    const sub: MavenItem[] = []
    list.push(sub)
    opened.push(sub)
    list = sub
  }

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 46 /* . */ || c === 45 /* - */) {
      // An empty item (`1..2`, `1-`, leading `.`) counts as 0.
      list.push(i === start ? { digits: '' } : item(text.slice(start, i), digits, false))
      start = i + 1
      if (c === 45) openList()
    } else if (isDigitCode(c)) {
      // Letters then digits (`rc1`): the letters end, and the number starts a sub-list.
      // The letters open a sub-list of their own unless they start the current list, so
      // that `1.0.0.x1` orders like `1.0.0-x1`.
      if (!digits && i > start) {
        if (list.length > 0) openList()
        list.push(item(text.slice(start, i), false, true))
        start = i
        openList()
      }
      digits = true
    } else {
      // Digits then letters (`1rc`): likewise.
      if (digits && i > start) {
        list.push(item(text.slice(start, i), true, false))
        start = i
        openList()
      }
      digits = false
    }
  }
  if (text.length > start) {
    // A final qualifier opens a sub-list too (`1.0.sp` orders like `1.0-sp`).
    if (!digits && list.length > 0) openList()
    list.push(item(text.slice(start), digits, false))
  }

  for (let k = opened.length - 1; k >= 0; k--) trimTrailingNulls(opened[k] as MavenItem[])
  return { original: input, items: root }
}

function item(text: string, isNumber: boolean, followedByDigit: boolean): MavenItem {
  if (isNumber) return { digits: stripLeadingZeros(text) }
  const short = followedByDigit ? letterAliases.get(text) : undefined
  const qualifier = aliases.get(short ?? text) ?? short ?? text
  const index = knownQualifiers.indexOf(qualifier)
  // Known qualifiers sort by index; unknown ones by "7-name", i.e. after all known ones
  // (including "sp") and among themselves alphabetically.
  const sortKey = index >= 0 ? String(index) : `${knownQualifiers.length}-${qualifier}`
  return { qualifier, sortKey }
}

/**
 * Drops trailing items equal to a release (0, "", ga, final, release, an empty list), looking
 * past non-empty sub-lists, so `1.0.0 = 1`, `1.0-1 = 1-1` and `1-ga = 1`. Inner lists are
 * trimmed first, which can empty them and let the outer list drop them too.
 */
function trimTrailingNulls(list: MavenItem[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const it = list[i] as MavenItem
    if (isNull(it)) list.splice(i, 1)
    else if (!isList(it)) break
  }
}

function isList(it: MavenItem): it is MavenList {
  return Array.isArray(it)
}

function isNull(it: MavenItem): boolean {
  if (isList(it)) return it.length === 0
  if ('digits' in it) return it.digits === ''
  return it.sortKey === releaseSortKey
}

/**
 * Orders two Maven versions like `ComparableVersion.compareTo` in Maven 3.8.7 and later:
 * numbers compare numerically and beat qualifiers and sub-lists; qualifiers sort
 * `alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp < others`;
 * a missing item counts as a release, so `1.0 < 1.0-1` but `1.0-alpha < 1.0`.
 *
 * @example
 * compareMavenVersions('2.14.1', '2.15.0') // -1
 * compareMavenVersions('5.2.20.RELEASE', '5.2.20') // 0
 * compareMavenVersions('1.0-SNAPSHOT', '1.0') // -1
 */
export function compareMavenVersions(a: string, b: string): Ordering {
  return compareParsedMavenVersions(parseMavenVersion(a), parseMavenVersion(b))
}

/**
 * {@link compareMavenVersions} for versions that are already parsed, to parse each once.
 *
 * @example
 * compareParsedMavenVersions(parseMavenVersion('5.3.17'), parseMavenVersion('5.3.18')) // -1
 */
export function compareParsedMavenVersions(a: MavenVersion, b: MavenVersion): Ordering {
  return compareItems(a.items, b.items)
}

/** Compares an item with another or, when `b` is undefined, with the end of a list. */
function compareItems(a: MavenItem, b: MavenItem | undefined): Ordering {
  if (isList(a)) {
    if (b === undefined) return a[0] === undefined ? 0 : compareItems(a[0], undefined)
    if (!isList(b)) return 'digits' in b ? -1 : 1
    for (let i = 0; i < a.length || i < b.length; i++) {
      const x = a[i]
      const y = b[i]
      const r =
        x === undefined ? (y === undefined ? 0 : invert(compareItems(y, undefined))) : compareItems(x, y)
      if (r !== 0) return r
    }
    return 0
  }
  if ('digits' in a) {
    if (b === undefined) return a.digits === '' ? 0 : 1
    return !isList(b) && 'digits' in b ? compareDigits(a.digits, b.digits) : 1
  }
  if (b === undefined) return compareStrings(a.sortKey, releaseSortKey)
  if (isList(b) || 'digits' in b) return -1
  return compareStrings(a.sortKey, b.sortKey)
}
