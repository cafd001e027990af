import { compareDigits, compareStrings, isAsciiLetterCode, isDigitCode, type Ordering } from './ordering'
import { InvalidVersionError, assertPrintable } from './version-error'

/**
 * An RPM package version, `[epoch:]version[-release]`: the EVR that Red Hat, AlmaLinux, Rocky
 * Linux and SUSE OSV records and the rpm database use.
 */
export interface RpmVersion {
  /** The epoch digits, `'0'` when there is none (rpm treats a missing epoch as 0). */
  readonly epoch: string
  readonly version: string
  /** Everything after the last `-`, or undefined when there is no `-`. */
  readonly release: string | undefined
}

/**
 * Splits an EVR the way rpm's `parseEVR` does. Only a run of digits directly followed by a
 * colon is an epoch, so modular releases such as `1.module+el9.4.0+23026+aaa2e3cb.2-nginx:1`
 * keep their colon in the release. The release starts after the last hyphen.
 *
 * Non-ASCII letters (`α`) are accepted: rpm treats them as separators, as it does `.`.
 *
 * @example
 * parseRpmVersion('1:3.0.7-24.el9') // { epoch: '1', version: '3.0.7', release: '24.el9' }
 * parseRpmVersion('1.0^git1') // { epoch: '0', version: '1.0^git1', release: undefined }
 */
export function parseRpmVersion(input: string): RpmVersion {
  assertPrintable('rpm', input)
  let digitsEnd = 0
  while (isDigitCode(input.charCodeAt(digitsEnd))) digitsEnd++
  const hasEpoch = input.charCodeAt(digitsEnd) === 58
  // rpm reads an empty epoch (`:1.0`) as 0 too.
  const epoch = hasEpoch && digitsEnd > 0 ? input.slice(0, digitsEnd) : '0'
  const rest = hasEpoch ? input.slice(digitsEnd + 1) : input
  const hyphen = rest.lastIndexOf('-')
  const version = hyphen >= 0 ? rest.slice(0, hyphen) : rest
  if (version === '') throw new InvalidVersionError('rpm', input, 'the version part is empty')
  return { epoch, version, release: hyphen >= 0 ? rest.slice(hyphen + 1) : undefined }
}

/**
 * Orders two RPM versions: epoch, then version, then release, each with {@link rpmvercmp}.
 *
 * A version without a release sorts before the same version with any release. rpm's own
 * dependency check skips the release when one side has none, because there it is a range
 * ("any build of 1.0"); an order needs an answer, and a built package always has a release,
 * so `1.0` (no release) is the earliest thing that version can be.
 *
 * @example
 * compareRpmVersions('1:1.0-1.el9', '2.0-1.el9') // 1: the epoch wins
 * compareRpmVersions('3.10.0-229.el7', '3.10.0-229.1.2.el7') // -1
 * compareRpmVersions('1.0~rc1', '1.0') // -1
 */
export function compareRpmVersions(a: string, b: string): Ordering {
  return compareParsedRpmVersions(parseRpmVersion(a), parseRpmVersion(b))
}

/**
 * {@link compareRpmVersions} for versions that are already parsed, to parse each once.
 *
 * @example
 * compareParsedRpmVersions(parseRpmVersion('3.0.7-24.el9'), parseRpmVersion('3.0.7-25.el9')) // -1
 */
export function compareParsedRpmVersions(a: RpmVersion, b: RpmVersion): Ordering {
  const byEpoch = rpmvercmp(a.epoch, b.epoch)
  if (byEpoch !== 0) return byEpoch
  const byVersion = rpmvercmp(a.version, b.version)
  if (byVersion !== 0) return byVersion
  if (a.release === undefined || b.release === undefined) {
    return a.release === b.release ? 0 : a.release === undefined ? -1 : 1
  }
  return rpmvercmp(a.release, b.release)
}

const TILDE = 126
const CARET = 94

/**
 * rpm's `rpmvercmp` for one version or release string:
 * 1. characters other than ASCII letters, digits, `~` and `^` only separate segments, so
 *    `1.0 = 1_0` and `1.1.α = 1.1.β`;
 * 2. `~` sorts before anything, even the end (`1.0~rc1 < 1.0`);
 * 3. `^` sorts after the end but before anything else (`1.0 < 1.0^git1 < 1.0.1`);
 * 4. a segment is a run of digits or a run of letters; a digit segment beats a letter one;
 * 5. digit segments compare numerically, letter segments by ASCII code;
 * 6. when every segment is equal, the string with something left over wins (`1.0a > 1.0`).
 *
 * @example
 * rpmvercmp('5.5p1', '5.5p10') // -1
 * rpmvercmp('1.0^20160101', '1.0.1') // -1
 */
export function rpmvercmp(a: string, b: string): Ordering {
  if (a === b) return 0
  let i = 0
  let j = 0
  for (;;) {
    while (i < a.length && isSeparator(a.charCodeAt(i))) i++
    while (j < b.length && isSeparator(b.charCodeAt(j))) j++
    const ca = a.charCodeAt(i)
    const cb = b.charCodeAt(j)

    if (ca === TILDE || cb === TILDE) {
      if (ca !== TILDE) return 1
      if (cb !== TILDE) return -1
      i++
      j++
      continue
    }
    if (ca === CARET || cb === CARET) {
      if (i >= a.length) return -1
      if (j >= b.length) return 1
      if (ca !== CARET) return 1
      if (cb !== CARET) return -1
      i++
      j++
      continue
    }
    if (i >= a.length || j >= b.length) break

    // One segment from each side, of the type that `a`'s segment has.
    const numeric = isDigitCode(ca)
    const inSegment = numeric ? isDigitCode : isAsciiLetterCode
    const startA = i
    const startB = j
    while (i < a.length && inSegment(a.charCodeAt(i))) i++
    while (j < b.length && inSegment(b.charCodeAt(j))) j++
    // `b` has a segment of the other type here: numbers are newer than letters.
    if (j === startB) return numeric ? 1 : -1
    const segmentA = a.slice(startA, i)
    const segmentB = b.slice(startB, j)
    const bySegment = numeric ? compareDigits(segmentA, segmentB) : compareStrings(segmentA, segmentB)
    if (bySegment !== 0) return bySegment
  }
  const restA = i < a.length
  const restB = j < b.length
  return restA === restB ? 0 : restA ? 1 : -1
}

function isSeparator(c: number): boolean {
  return !isDigitCode(c) && !isAsciiLetterCode(c) && c !== TILDE && c !== CARET
}
