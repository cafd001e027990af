import { compareStrings, isAsciiLetterCode, isDigitCode, sign, type Ordering } from './ordering'
import { InvalidVersionError, assertPrintableAscii } from './version-error'

/**
 * A Debian/Ubuntu package version, `[epoch:]upstream[-revision]` (deb-version(7)).
 * Debian and Ubuntu OSV records and the dpkg status file both use this form.
 */
export interface DpkgVersion {
  /** 0 when the version has no `epoch:`. */
  readonly epoch: number
  readonly upstream: string
  /** The text after the last `-`; empty when there is none, which dpkg orders like `0`. */
  readonly revision: string
}

// dpkg keeps the epoch in an int and refuses larger ones ("epoch in version is too big").
const maxEpoch = 2 ** 31 - 1
// The characters dpkg accepts; anything else is "invalid character in version number".
const upstreamChars = /^[A-Za-z0-9.+~:-]+$/
const revisionChars = /^[A-Za-z0-9.+~]+$/

/**
 * Parses a dpkg version with the checks `dpkg` applies. dpkg itself only warns about some of
 * them (an upstream that does not start with a digit, odd characters), but Debian policy
 * forbids those versions, so none can be a real package or fix version.
 *
 * @example
 * parseDpkgVersion('1:1.2.11.dfsg-2ubuntu9.2')
 * // { epoch: 1, upstream: '1.2.11.dfsg', revision: '2ubuntu9.2' }
 * parseDpkgVersion('1.0-') // throws InvalidVersionError: revision is empty
 */
export function parseDpkgVersion(input: string): DpkgVersion {
  assertPrintableAscii('dpkg', input)
  const fail = (reason: string): never => {
    throw new InvalidVersionError('dpkg', input, reason)
  }

  // The epoch ends at the first colon; later colons belong to the upstream version.
  let epoch = 0
  let rest = input
  const colon = input.indexOf(':')
  if (colon >= 0) {
    const text = input.slice(0, colon)
    if (text === '') fail('the epoch before ":" is empty')
    if (!/^[0-9]+$/.test(text)) fail('the epoch is not a number')
    epoch = Number(text)
    if (epoch > maxEpoch) fail('the epoch is too big')
    rest = input.slice(colon + 1)
  }

  // The revision starts after the last hyphen, so the upstream version may contain hyphens.
  const hyphen = rest.lastIndexOf('-')
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest
  const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : ''
  if (upstream === '') fail('the upstream version is empty')
  if (hyphen >= 0 && revision === '') fail('the revision after "-" is empty')
  if (!isDigitCode(upstream.charCodeAt(0))) fail('the upstream version does not start with a digit')
  if (!upstreamChars.test(upstream)) fail('the upstream version has a character other than A-Za-z0-9.+~:-')
  if (hyphen >= 0 && !revisionChars.test(revision)) {
    fail('the revision has a character other than A-Za-z0-9.+~')
  }
  return { epoch, upstream, revision }
}

/**
 * Orders two dpkg versions exactly like `dpkg --compare-versions`: epoch numerically, then
 * the upstream version, then the revision, each with {@link compareDpkgFragments}.
 *
 * @example
 * compareDpkgVersions('1.0~rc1', '1.0') // -1
 * compareDpkgVersions('1:0.1', '2.0') // 1: the epoch wins
 * compareDpkgVersions('1.0-1', '1.0-1ubuntu1') // -1
 */
export function compareDpkgVersions(a: string, b: string): Ordering {
  return compareParsedDpkgVersions(parseDpkgVersion(a), parseDpkgVersion(b))
}

/**
 * {@link compareDpkgVersions} for versions that are already parsed, to parse each once.
 *
 * @example
 * compareParsedDpkgVersions(parseDpkgVersion('1.0-1'), parseDpkgVersion('1.0-1ubuntu1')) // -1
 */
export function compareParsedDpkgVersions(a: DpkgVersion, b: DpkgVersion): Ordering {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1
  return compareDpkgFragments(a.upstream, b.upstream) || compareDpkgFragments(a.revision, b.revision)
}

/**
 * dpkg's `verrevcmp`, for one upstream version or revision. The string alternates between a
 * run of non-digits and a run of digits:
 * - non-digit runs compare char by char with the weights of {@link weight}, so `~` sorts
 *   before everything (even the end: `1.0~rc1 < 1.0`), then the end of the run, then letters,
 *   then all other characters;
 * - digit runs compare numerically, so `9 < 10` and `007 = 7`; an absent run counts as 0,
 *   which is why a missing revision equals `0`.
 *
 * @example
 * compareDpkgFragments('2ubuntu2.18', '2ubuntu2.19') // -1
 * compareDpkgFragments('1.0a', '1.0+b1') // -1: letters sort before other characters
 */
export function compareDpkgFragments(a: string, b: string): Ordering {
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    // Non-digit run. Each step consumes one char on each side; a side already at a digit or
    // at its end weighs 0, which differs from every non-digit weight, so it never advances.
    while (
      (i < a.length && !isDigitCode(a.charCodeAt(i))) ||
      (j < b.length && !isDigitCode(b.charCodeAt(j)))
    ) {
      const wa = weight(a, i)
      const wb = weight(b, j)
      if (wa !== wb) return sign(wa - wb)
      i++
      j++
    }

    // Digit run: skip leading zeros, then the longer run is the larger number; at equal length
    // the first differing digit decides.
    while (a.charCodeAt(i) === 48) i++
    while (b.charCodeAt(j) === 48) j++
    const startA = i
    const startB = j
    while (isDigitCode(a.charCodeAt(i))) i++
    while (isDigitCode(b.charCodeAt(j))) j++
    if (i - startA !== j - startB) return i - startA < j - startB ? -1 : 1
    const digits = compareStrings(a.slice(startA, i), b.slice(startB, j))
    if (digits !== 0) return digits
  }
  return 0
}

/**
 * The sort weight of one character in a non-digit run: `~` lowest, then the end of the string
 * (and digits, which end the run), then ASCII letters by code, then every other character
 * by code plus 256.
 */
function weight(s: string, i: number): number {
  if (i >= s.length) return 0
  const c = s.charCodeAt(i)
  if (isDigitCode(c)) return 0
  if (isAsciiLetterCode(c)) return c
  if (c === 126) return -1
  return c + 256
}
