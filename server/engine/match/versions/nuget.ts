import {
  compareDigits,
  compareStrings,
  isAsciiLetterCode,
  isDigitCode,
  sign,
  stripLeadingZeros,
  type Ordering,
} from './ordering'
import { InvalidVersionError, assertPrintableAscii } from './version-error'

/**
 * A NuGet version as NuGet.Versioning's `NuGetVersion.TryParse` reads it:
 * `MAJOR[.MINOR[.PATCH[.REVISION]]][-LABEL[.LABEL…]][+METADATA]`.
 */
export interface NuGetVersion {
  readonly original: string
  /** Major, minor, patch and revision without leading zeros (`''` is 0); missing ones are 0. */
  readonly numbers: readonly [string, string, string, string]
  /** Pre-release labels as written (case kept); empty for a release. */
  readonly releaseLabels: readonly string[]
  /** Build metadata after `+`, `''` when none. Never ordered. */
  readonly metadata: string
}

const syntax = 'expected MAJOR[.MINOR[.PATCH[.REVISION]]][-LABEL[.LABEL…]][+METADATA]'
const labelCharacters = 'only 0-9, A-Z, a-z and "-" are allowed'

/**
 * Parses a NuGet version, accepting what `NuGetVersion.TryParse` accepts, with two
 * differences: numbers are not limited to 32 bits (published test vectors have 30-digit
 * numbers; NuGet would refuse them, never order them differently), and surrounding
 * whitespace is refused instead of trimmed, as for every scheme (see `assertPrintable`).
 *
 * Like NuGet: 1 to 4 numbers, missing ones are 0 and leading zeros are allowed
 * (`1.0.01` = `1.0.1.0`); no `v` prefix; labels and metadata are non-empty dot-separated
 * `[0-9A-Za-z-]` parts; a numeric label must not have a leading zero (`01`), metadata may.
 *
 * @example
 * parseNuGetVersion('1.0.01').numbers // ['1', '', '1', '']
 * parseNuGetVersion('6.0.0-preview.1+sha.abc').releaseLabels // ['preview', '1']
 * parseNuGetVersion('1.2.3.4.5') // throws InvalidVersionError
 */
export function parseNuGetVersion(input: string): NuGetVersion {
  assertPrintableAscii('nuget', input)
  const fail = (reason: string): never => {
    throw new InvalidVersionError('nuget', input, reason)
  }

  // The numbers run to the first `-` or `+`; labels from a `-` to the first `+` after it
  // (so labels may contain `-`); metadata is the rest. NuGet's ParseSections splits alike.
  const numbersEnd = firstOf(input, 0, '-', '+')
  const plus = input.indexOf('+', numbersEnd)
  const labelsText =
    input[numbersEnd] === '-' ? input.slice(numbersEnd + 1, plus < 0 ? input.length : plus) : undefined
  const metadata = plus < 0 ? undefined : input.slice(plus + 1)

  const core = input.slice(0, numbersEnd)
  if (core === '') fail(`${syntax}; the version starts with ${JSON.stringify(input[0])}, not a number`)
  const parts = core.split('.')
  if (parts.length > 4) fail(`${parts.length} dot-separated numbers; NuGet allows 1 to 4`)
  const numbers: [string, string, string, string] = ['', '', '', '']
  parts.forEach((part, i) => {
    if (part === '') fail(`number ${i + 1} of ${JSON.stringify(core)} is empty`)
    if (!isDigits(part))
      fail(`number ${i + 1} of ${JSON.stringify(core)} is ${JSON.stringify(part)}, not digits 0-9`)
    numbers[i] = stripLeadingZeros(part)
  })

  const releaseLabels = labelsText === undefined ? [] : labelsText.split('.')
  if (labelsText === '') fail('nothing after "-": the pre-release label is empty')
  releaseLabels.forEach((label, i) => {
    const where = `pre-release label ${i + 1} of ${JSON.stringify(labelsText)}`
    if (label === '') fail(`${where} is empty`)
    if (!isLabelText(label)) fail(`${where} is ${JSON.stringify(label)}: ${labelCharacters}`)
    if (label.length > 1 && label.charCodeAt(0) === 48 && isDigits(label)) {
      fail(`${where} is ${JSON.stringify(label)}: a numeric label must not have a leading zero`)
    }
  })

  if (metadata !== undefined) {
    if (metadata === '') fail('nothing after "+": the build metadata is empty')
    metadata.split('.').forEach((part, i) => {
      const where = `build metadata part ${i + 1} of ${JSON.stringify(metadata)}`
      if (part === '') fail(`${where} is empty`)
      if (!isLabelText(part)) fail(`${where} is ${JSON.stringify(part)}: ${labelCharacters}`)
    })
  }

  return { original: input, numbers, releaseLabels, metadata: metadata ?? '' }
}

function firstOf(text: string, from: number, a: string, b: string): number {
  for (let i = from; i < text.length; i++) if (text[i] === a || text[i] === b) return i
  return text.length
}

function isDigits(text: string): boolean {
  if (text === '') return false
  for (let i = 0; i < text.length; i++) if (!isDigitCode(text.charCodeAt(i))) return false
  return true
}

function isLabelText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (!isDigitCode(c) && !isAsciiLetterCode(c) && c !== 45 /* - */) return false
  }
  return true
}

/**
 * Orders two NuGet versions like NuGet.Versioning's `VersionComparer.Default`: the four
 * numbers numerically (`1.0 = 1.0.0.0 < 1.0.0.1`); then a pre-release sorts before its
 * release; then labels one by one, and when one list of labels is a prefix of the other,
 * the longer one is greater. Build metadata is ignored.
 *
 * @example
 * compareNuGetVersions('12.0.3', '13.0.1') // -1
 * compareNuGetVersions('1.0.0-BETA', '1.0.0-beta') // 0
 * compareNuGetVersions('1.0.0', '1.0.0.1-alpha') // -1: the fourth number orders first
 * compareNuGetVersions('1.0.0+build.5', '1.0.0') // 0
 */
export function compareNuGetVersions(a: string, b: string): Ordering {
  return compareParsedNuGetVersions(parseNuGetVersion(a), parseNuGetVersion(b))
}

/**
 * {@link compareNuGetVersions} for versions that are already parsed, to parse each once.
 *
 * @example
 * compareParsedNuGetVersions(parseNuGetVersion('13.0.1'), parseNuGetVersion('13.0.1.0')) // 0
 */
export function compareParsedNuGetVersions(a: NuGetVersion, b: NuGetVersion): Ordering {
  for (let i = 0; i < 4; i++) {
    const r = compareDigits(a.numbers[i] ?? '', b.numbers[i] ?? '')
    if (r !== 0) return r
  }
  const x = a.releaseLabels
  const y = b.releaseLabels
  if (x.length === 0 || y.length === 0) return x.length === y.length ? 0 : x.length === 0 ? 1 : -1
  for (let i = 0; i < x.length && i < y.length; i++) {
    const r = compareNuGetLabels(x[i] ?? '', y[i] ?? '')
    if (r !== 0) return r
  }
  return sign(x.length - y.length)
}

/**
 * One pre-release label against another, as NuGet's `VersionComparer.CompareRelease`: a label
 * that C#'s `int.TryParse` reads is a number, and numbers order numerically and before
 * words; words order by `StringComparer.OrdinalIgnoreCase`, i.e. by code unit after
 * upper-casing, so `beta = BETA` and `-` < digits < letters.
 *
 * `int.TryParse` takes a leading `-` and only 32-bit values, so a label such as `-1` is the
 * number −1 and `2147483648` is a word; both are as NuGet orders them.
 *
 * @example
 * compareNuGetLabels('2', '10') // -1
 * compareNuGetLabels('10', 'alpha') // -1
 * compareNuGetLabels('Beta', 'alpha') // 1
 */
export function compareNuGetLabels(a: string, b: string): Ordering {
  const x = labelNumber(a)
  const y = labelNumber(b)
  if (x !== undefined && y !== undefined) return sign(x - y)
  if (x !== undefined || y !== undefined) return x !== undefined ? -1 : 1
  return compareStrings(a.toUpperCase(), b.toUpperCase())
}

const int32Min = -2147483648
const int32Max = 2147483647

/** The label's value when C#'s `int.TryParse` (invariant culture) accepts it, else undefined. */
function labelNumber(label: string): number | undefined {
  const negative = label.charCodeAt(0) === 45 /* - */
  const unsigned = negative ? label.slice(1) : label
  if (!isDigits(unsigned)) return undefined
  // Ten digits hold every 32-bit value, and Number is exact for them; longer runs cannot fit.
  const digits = stripLeadingZeros(unsigned)
  if (digits.length > 10) return undefined
  const value = Number(digits === '' ? '0' : digits)
  if (negative) return -value >= int32Min ? -value : undefined
  return value <= int32Max ? value : undefined
}
