/** The version orderings the matcher knows; an ecosystem maps to exactly one of them. */
export type VersionScheme =
  'dpkg' | 'apk' | 'rpm' | 'maven' | 'semver' | 'go' | 'pep440' | 'rubygems' | 'nuget'

/**
 * Thrown by every `parse…Version` function for input that its ecosystem's own tool would
 * not accept. The matcher reports such a package as "version unparsable" instead of
 * guessing: returning 0 or a lexical order would silently hide or invent findings.
 */
export class InvalidVersionError extends Error {
  override readonly name = 'InvalidVersionError'

  constructor(
    readonly scheme: VersionScheme,
    readonly version: string,
    readonly reason: string,
  ) {
    super(`Invalid ${scheme} version ${JSON.stringify(version)}: ${reason}`)
  }
}

// Any whitespace or control character, ASCII or Unicode.
const unprintable = /[\s\p{Cc}\p{Cf}]/u

/**
 * The checks every scheme shares. Versions reach the matcher already trimmed by the package
 * extractors, so a space, tab, newline or control character means a parsing bug upstream
 * (or a hostile package database), never a real version; an empty string is a missing
 * version, which must not be read as "0".
 *
 * @example
 * assertPrintable('dpkg', '1.0-1') // passes
 * assertPrintable('dpkg', '1.0 -1') // throws InvalidVersionError
 */
export function assertPrintable(scheme: VersionScheme, version: string): void {
  if (version === '') throw new InvalidVersionError(scheme, version, 'the version is empty')
  const bad = unprintable.exec(version)
  if (bad) {
    const code = bad[0].codePointAt(0) ?? 0
    throw new InvalidVersionError(
      scheme,
      version,
      `whitespace or control character U+${code.toString(16).toUpperCase().padStart(4, '0')} at offset ${bad.index}`,
    )
  }
}

/**
 * Like {@link assertPrintable}, and also rejects anything outside printable ASCII, for
 * schemes whose tools classify characters with ASCII-only rules.
 *
 * @example
 * assertPrintableAscii('maven', '1.0-ü') // throws InvalidVersionError
 */
export function assertPrintableAscii(scheme: VersionScheme, version: string): void {
  assertPrintable(scheme, version)
  for (let i = 0; i < version.length; i++) {
    const c = version.charCodeAt(i)
    if (c > 126) {
      throw new InvalidVersionError(scheme, version, `non-ASCII character at offset ${i}`)
    }
  }
}
