import { compareDigits, compareStrings, isDigitCode, stripLeadingZeros, type Ordering } from './ordering'
import { InvalidVersionError, assertPrintableAscii } from './version-error'

/** A RubyGems version as `Gem::Version` compares it. */
export interface RubyGemsVersion {
  readonly original: string
  /**
   * `Gem::Version#canonical_segments`: numbers (as digits without leading zeros) and
   * lower- or upper-case words, with trailing zeros dropped from the leading numeric part and
   * from the rest separately, so `1.0 = 1` and `1.0.a2 = 1.a.2`.
   */
  readonly segments: readonly string[]
  /** True when any segment is a word: `1.0.b1` and `1.0-rc` are pre-releases. */
  readonly prerelease: boolean
}

// Gem::Version's own pattern, except that the first segment may have letters glued to its
// number (`1beta`). Ruby refuses that spelling, but OSV tooling reads it as `1.beta`, which
// is unambiguous, and published ordering cases rely on it.
const gemVersion = /^[0-9]+[0-9A-Za-z]*(?:\.[0-9A-Za-z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/
const segmentPattern = /[0-9]+|[A-Za-z]+/g

/**
 * Parses a RubyGems version. `-` is read as `.pre.` like Gem::Version does, so `1.0-rc1`
 * is the pre-release `1.0.pre.rc.1`.
 *
 * @example
 * parseRubyGemsVersion('1.0.a10').segments // ['1', 'a', '10']
 * parseRubyGemsVersion('1..2') // throws InvalidVersionError
 */
export function parseRubyGemsVersion(input: string): RubyGemsVersion {
  assertPrintableAscii('rubygems', input)
  if (!gemVersion.test(input)) {
    throw new InvalidVersionError(
      'rubygems',
      input,
      'expected numbers and words separated by "." with an optional "-" part',
    )
  }
  const raw = input.replaceAll('-', '.pre.').match(segmentPattern) ?? []
  const all = raw.map((s) => (isDigitCode(s.charCodeAt(0)) ? stripLeadingZeros(s) || '0' : s))
  const firstWord = all.findIndex(isWord)
  const numeric = firstWord < 0 ? all : all.slice(0, firstWord)
  const rest = firstWord < 0 ? [] : all.slice(firstWord)
  return {
    original: input,
    segments: [...dropTrailingZeros(numeric), ...dropTrailingZeros(rest)],
    prerelease: firstWord >= 0,
  }
}

function isWord(segment: string): boolean {
  return !isDigitCode(segment.charCodeAt(0))
}

function dropTrailingZeros(segments: string[]): string[] {
  let end = segments.length
  while (end > 0 && segments[end - 1] === '0') end--
  return segments.slice(0, end)
}

/**
 * Orders two RubyGems versions like `Gem::Version#<=>`: segment by segment, a missing
 * segment counting as 0; numbers numerically; words by byte; a word sorts before a number,
 * which makes `1.0.b1 < 1.0` and `1 > 1beta`.
 *
 * @example
 * compareRubyGemsVersions('3.2', '3.10') // -1
 * compareRubyGemsVersions('1.0.a.2', '1.0.a2') // 0
 */
export function compareRubyGemsVersions(a: string, b: string): Ordering {
  return compareParsedRubyGemsVersions(parseRubyGemsVersion(a), parseRubyGemsVersion(b))
}

/**
 * {@link compareRubyGemsVersions} for versions that are already parsed, to parse each once.
 *
 * @example
 * compareParsedRubyGemsVersions(parseRubyGemsVersion('1.0.b1'), parseRubyGemsVersion('1.0')) // -1
 */
export function compareParsedRubyGemsVersions(a: RubyGemsVersion, b: RubyGemsVersion): Ordering {
  const x = a.segments
  const y = b.segments
  for (let i = 0; i < x.length || i < y.length; i++) {
    const l = x[i] ?? '0'
    const r = y[i] ?? '0'
    if (l === r) continue
    const lw = isWord(l)
    const rw = isWord(r)
    if (lw !== rw) return lw ? -1 : 1
    return lw ? compareStrings(l, r) : compareDigits(l, r)
  }
  return 0
}
