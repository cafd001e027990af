import { compareDigits, isDigitCode, type Ordering } from './ordering'
import { assertPrintableAscii } from './version-error'

/**
 * An Alpine package version, `number{.number}{letter}{_suffix{number}}{-r#}`, as apk-tools 2
 * (every Alpine 3.x release) reads it: a sequence of typed tokens.
 */
export interface ApkVersion {
  readonly original: string
  /**
   * False when apk's own validator would refuse the version (`1.2_blah`, `1.0bc`, `a`).
   * `apk version -t` and the matcher still order such versions, token by token up to the
   * first bad character, so they parse; callers that want to flag them can read this.
   */
  readonly wellFormed: boolean
  readonly tokens: readonly ApkToken[]
}

/**
 * Token types in apk's order. The order matters: when two versions agree up to a point, the
 * one whose next token has the *lower* type is the greater version (`1.0 > 1`: a number
 * beats the end; `1a > 1-r1`: a letter beats a revision).
 */
const T = {
  invalid: -1,
  digitOrZero: 0,
  digit: 1,
  letter: 2,
  suffix: 3,
  suffixNumber: 4,
  revision: 5,
  end: 6,
} as const
type TokenType = (typeof T)[keyof typeof T]

/** One token. Digit tokens keep their text so that numbers of any length compare exactly. */
export interface ApkToken {
  readonly type: TokenType
  readonly value: number
  readonly digits?: string
}

// Pre-release suffixes sort below "no suffix" (negative values), the others above.
const suffixWeights: readonly (readonly [string, number])[] = [
  ['alpha', -4],
  ['beta', -3],
  ['pre', -2],
  ['rc', -1],
  ['cvs', 0],
  ['svn', 1],
  ['git', 2],
  ['hg', 3],
  ['p', 4],
]
// apk gives an unknown suffix the value -1, which also makes it sort like a pre-release.
const unknownSuffix = -1

/**
 * Parses an Alpine version. Only input that could never be a version (empty, whitespace,
 * control or non-ASCII characters) is rejected; see {@link ApkVersion.wellFormed}.
 *
 * @example
 * parseApkVersion('1.2.4_git20230717-r5').wellFormed // true
 * parseApkVersion('1.2_blah').wellFormed // false, but it still orders below 1.2
 */
export function parseApkVersion(input: string): ApkVersion {
  assertPrintableAscii('apk', input)
  const tokens = tokenize(input)
  return { original: input, tokens, wellFormed: tokens[tokens.length - 1]?.type === T.end }
}

/**
 * Orders two Alpine versions like `apk version -t` of apk-tools 2: token by token, where
 * numbers compare numerically (except after a dot with leading zeros: `1.01 < 1.1`), then
 * a letter, then suffixes (`_alpha < _beta < _pre < _rc < none < _cvs < _svn < _git < _hg <
 * _p`), then the `-rN` package revision.
 *
 * @example
 * compareApkVersions('1.2.4-r2', '1.2.4-r3') // -1
 * compareApkVersions('1.2_rc1', '1.2') // -1
 * compareApkVersions('1.2.4_git20230717-r5', '1.2.4') // 1
 */
export function compareApkVersions(a: string, b: string): Ordering {
  return compareParsedApkVersions(parseApkVersion(a), parseApkVersion(b))
}

/**
 * {@link compareApkVersions} for versions that are already parsed, to parse each once.
 *
 * @example
 * compareParsedApkVersions(parseApkVersion('1.2.4-r2'), parseApkVersion('1.2.4-r3')) // -1
 */
export function compareParsedApkVersions(a: ApkVersion, b: ApkVersion): Ordering {
  const x = a.tokens
  const y = b.tokens
  let k = 0
  for (; ; k++) {
    const tx = x[k]
    const ty = y[k]
    // Both lists end with an end or invalid token, so one of these stops the loop in range.
    if (!tx || !ty) return 0
    if (tx.type !== ty.type) break
    const byValue = compareTokenValues(tx, ty)
    if (byValue !== 0) return byValue
    if (tx.type === T.end || tx.type === T.invalid) return 0
  }
  const tx = x[k] as ApkToken
  const ty = y[k] as ApkToken
  // Equal so far and one version goes on: it is greater, unless what follows is a
  // pre-release suffix (`1.2_rc1 < 1.2`), or the other one's next token type is lower.
  if (tx.type === T.suffix && tx.value < 0) return -1
  if (ty.type === T.suffix && ty.value < 0) return 1
  return tx.type > ty.type ? -1 : 1
}

function compareTokenValues(x: ApkToken, y: ApkToken): Ordering {
  if (x.digits !== undefined && y.digits !== undefined) return compareDigits(x.digits, y.digits)
  return x.value < y.value ? -1 : x.value > y.value ? 1 : 0
}

/**
 * Splits a version into tokens. The list always ends with an `end` token, or with an
 * `invalid` one at the first character apk does not expect there; ordering stops at either.
 */
function tokenize(s: string): ApkToken[] {
  const tokens: ApkToken[] = []
  let type: TokenType = T.digit
  let pos = 0

  while (type !== T.end && type !== T.invalid) {
    // A separator (".", "_", "-r") can be the last character: its token is then empty.
    if (pos >= s.length) {
      tokens.push({ type, value: 0 })
      type = T.end
      break
    }
    let next: TokenType | undefined
    switch (type) {
      case T.digitOrZero:
      case T.digit:
      case T.suffixNumber:
      case T.revision: {
        // After a dot, leading zeros form a token of their own worth minus their count, and
        // the digits after them another one: `1.01 < 1.1` and `1.001 < 1.01`.
        if (type === T.digitOrZero && s.charCodeAt(pos) === 48) {
          const start = pos
          while (s.charCodeAt(pos) === 48) pos++
          tokens.push({ type, value: start - pos })
          next = T.digit
          break
        }
        const start = pos
        while (isDigitCode(s.charCodeAt(pos))) pos++
        const digits = s.slice(start, pos)
        tokens.push({ type, value: digits === '' ? 0 : Number(digits), digits })
        break
      }
      case T.letter:
        tokens.push({ type, value: s.charCodeAt(pos) })
        pos++
        break
      case T.suffix: {
        const match = suffixWeights.find(([name]) => s.startsWith(name, pos))
        if (!match) {
          tokens.push({ type, value: unknownSuffix })
          next = T.invalid
          break
        }
        tokens.push({ type, value: match[1] })
        pos += match[0].length
        break
      }
    }
    if (next === T.invalid) type = T.invalid
    else if (pos >= s.length) type = T.end
    else if (next !== undefined) type = next
    else ({ type, pos } = nextTokenType(s, pos, type))
  }
  tokens.push({ type, value: 0 })
  return tokens
}

/**
 * Decides what the token at `pos` is, given the type of the one before, and skips its
 * separator. Letters, digits after a letter and a suffix's number have none; `.` starts a
 * number, `_` a suffix and `-r` the revision. Anything else, and any step backwards in the
 * token order other than the three apk allows, makes the rest of the version invalid.
 */
function nextTokenType(s: string, pos: number, previous: TokenType): { type: TokenType; pos: number } {
  const c = s.charCodeAt(pos)
  let type: TokenType = T.invalid
  if ((previous === T.digit || previous === T.digitOrZero) && c >= 97 && c <= 122) {
    type = T.letter
  } else if (previous === T.letter && isDigitCode(c)) {
    type = T.digit
  } else if (previous === T.suffix && isDigitCode(c)) {
    type = T.suffixNumber
  } else {
    if (c === 46) type = T.digitOrZero
    else if (c === 95) type = T.suffix
    else if (c === 45 && s.charCodeAt(pos + 1) === 114) {
      type = T.revision
      pos++
    }
    pos++
  }
  const allowedStepBack =
    (type === T.digitOrZero && previous === T.digit) ||
    (type === T.suffix && previous === T.suffixNumber) ||
    (type === T.digit && previous === T.letter)
  if (type < previous && !allowedStepBack) type = T.invalid
  return { type, pos }
}
