import { compareDigits, compareStrings, stripLeadingZeros, type Ordering } from './ordering'
import { InvalidVersionError, assertPrintableAscii, type VersionScheme } from './version-error'

/**
 * A SemVer 2.0 version read leniently, as OSV tooling does for npm, crates.io, Hex and Go:
 * a `v` prefix is allowed, missing minor or patch numbers are 0, numbers have no size limit,
 * and numeric components after the third are build metadata (so `1.1.3.4.5 = 1.1.3.4.6`).
 */
export interface SemverVersion {
  readonly original: string
  /** Major, minor and patch without leading zeros (`''` is 0). */
  readonly core: readonly [string, string, string]
  /** Pre-release identifiers; empty for a release. */
  readonly prerelease: readonly string[]
  /** Build metadata, including numeric components after the third. Never ordered. */
  readonly build: string
}

// Identifiers are [0-9A-Za-z-] and never empty. Leading zeros are tolerated (the spec forbids
// them) because published versions have them and reading them numerically is unambiguous.
const identifiers = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*'
const lenientSemver = new RegExp(
  `^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?((?:\\.\\d+)*)(?:-(${identifiers}))?(?:\\+(${identifiers}))?$`,
)
const numericIdentifier = /^\d+$/

/**
 * Parses a lenient SemVer version.
 *
 * The `semver` package is stricter (no 4th component, no numbers above 2^53), and it is the
 * reference the tests hold this module to on every version it accepts; ordering is done here
 * so that one code path serves both kinds of input.
 *
 * @example
 * parseSemverVersion('v1.2').core // ['1', '2', '']
 * parseSemverVersion('1.2.3.4').build // '4'
 * parseSemverVersion('1.2.3-') // throws InvalidVersionError
 */
export function parseSemverVersion(input: string): SemverVersion {
  return parseLenient('semver', input, input)
}

function parseLenient(scheme: VersionScheme, original: string, text: string): SemverVersion {
  assertPrintableAscii(scheme, original)
  const m = lenientSemver.exec(text)
  if (!m) {
    throw new InvalidVersionError(
      scheme,
      original,
      'expected [v]MAJOR[.MINOR[.PATCH]][-PRERELEASE][+BUILD] with non-empty dot-separated [0-9A-Za-z-] identifiers',
    )
  }
  const [, major = '', minor = '', patch = '', extra = '', pre, build] = m
  const extraBuild = extra.slice(1)
  return {
    original,
    core: [stripLeadingZeros(major), stripLeadingZeros(minor), stripLeadingZeros(patch)],
    prerelease: pre === undefined ? [] : pre.split('.'),
    build: [extraBuild, build ?? ''].filter((s) => s !== '').join('+'),
  }
}

/**
 * Orders two lenient SemVer versions by SemVer 2.0 precedence: major, minor, patch
 * numerically; then a pre-release sorts before the release; then pre-release identifiers one
 * by one (numbers numerically and before words, words by ASCII, more identifiers wins).
 * Build metadata is ignored.
 *
 * @example
 * compareSemverVersions('1.0.0-alpha.1', '1.0.0-alpha.beta') // -1
 * compareSemverVersions('v1.2.3+build', '1.2.3') // 0
 * compareSemverVersions('1.2.3-r100', '1.2.3-r2') // -1: "r100" is a word, not a number
 */
export function compareSemverVersions(a: string, b: string): Ordering {
  return compareParsedSemverVersions(parseSemverVersion(a), parseSemverVersion(b))
}

/**
 * {@link compareSemverVersions} for versions that are already parsed, to parse each once.
 * Go versions use it too, after {@link parseGoVersion}.
 *
 * @example
 * compareParsedSemverVersions(parseGoVersion('1.22rc1'), parseSemverVersion('1.22.0')) // -1
 */
export function compareParsedSemverVersions(a: SemverVersion, b: SemverVersion): Ordering {
  for (let i = 0; i < 3; i++) {
    const r = compareDigits(a.core[i] ?? '', b.core[i] ?? '')
    if (r !== 0) return r
  }
  const x = a.prerelease
  const y = b.prerelease
  if (x.length === 0 || y.length === 0) return x.length === y.length ? 0 : x.length === 0 ? 1 : -1
  for (let i = 0; i < x.length && i < y.length; i++) {
    const r = compareIdentifiers(x[i] ?? '', y[i] ?? '')
    if (r !== 0) return r
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1
}

function compareIdentifiers(a: string, b: string): Ordering {
  const an = numericIdentifier.test(a)
  const bn = numericIdentifier.test(b)
  if (an && bn) return compareDigits(a, b)
  if (an !== bn) return an ? -1 : 1
  return compareStrings(a, b)
}

// A Go toolchain release as `go version` and build info print it: go1.21, go1.21.5,
// go1.22rc1, go1.9beta2. The scanner strips the `go`, but accept it.
const goToolchain = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(alpha|beta|rc)(\d+))?$/

/**
 * Parses a Go module or standard library version. Module versions (`v1.2.3`, pseudo-versions
 * like `v0.0.0-20220101120000-abcdef123456`, `v2.0.0+incompatible`) are SemVer already.
 * Toolchain versions are not: `1.22rc1` becomes `1.22.0-rc.1` and `1.21` becomes `1.21.0`,
 * the mapping Go's vulnerability database uses, so that they order against OSV ranges
 * such as `introduced: 1.22.0-0`.
 *
 * @example
 * parseGoVersion('go1.22rc1').prerelease // ['rc', '1']
 * parseGoVersion('v0.0.0-20220101120000-abcdef123456').prerelease // ['20220101120000-abcdef123456']
 */
export function parseGoVersion(input: string): SemverVersion {
  const toolchain = goToolchain.exec(input)
  if (toolchain) {
    const [, major = '', minor = '', patch = '0', tag, n] = toolchain
    const pre = tag === undefined ? '' : `-${tag}.${n ?? ''}`
    return parseLenient('go', input, `${major}.${minor}.${patch}${pre}`)
  }
  return parseLenient('go', input, input)
}

/**
 * Orders two Go versions ({@link parseGoVersion}) by SemVer precedence.
 *
 * @example
 * compareGoVersions('1.21.5', '1.22rc1') // -1
 * compareGoVersions('1.22.0-0', '1.22rc1') // -1: "-0" is the lowest pre-release
 */
export function compareGoVersions(a: string, b: string): Ordering {
  return compareParsedSemverVersions(parseGoVersion(a), parseGoVersion(b))
}
