/** The result of every version comparison: `a < b` is -1, `a = b` is 0, `a > b` is 1. */
export type Ordering = -1 | 0 | 1

/**
 * Collapses any number to an {@link Ordering}. Comparators subtract char codes or numbers
 * internally; callers only ever see -1, 0 or 1.
 *
 * @example
 * sign(-37) // -1
 */
export function sign(n: number): Ordering {
  return n < 0 ? -1 : n > 0 ? 1 : 0
}

/**
 * Flips an ordering, for comparing in the other direction.
 *
 * @example
 * invert(compare(b, a)) // the same as compare(a, b)
 */
export function invert(o: Ordering): Ordering {
  return o === 0 ? 0 : o === 1 ? -1 : 1
}

/**
 * Compares two strings by UTF-16 code unit, like C's `strcmp` on ASCII and Go's
 * `strings.Compare`. `localeCompare` would be wrong: version orderings never depend on
 * the locale.
 *
 * @example
 * compareStrings('R2', 'r1') // -1: upper case sorts first
 */
export function compareStrings(a: string, b: string): Ordering {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Compares two runs of ASCII digits as unbounded non-negative integers.
 *
 * Versions carry 30-digit numbers and 14-digit timestamps, beyond what `Number` holds
 * exactly. Stripping leading zeros and then comparing length, then text, is exact and
 * much cheaper than building a BigInt per component.
 *
 * @example
 * compareDigits('0010', '9') // 1
 * compareDigits('999999999999999999999999999991', '999999999999999999999999999999') // -1
 */
export function compareDigits(a: string, b: string): Ordering {
  const x = stripLeadingZeros(a)
  const y = stripLeadingZeros(b)
  if (x.length !== y.length) return x.length < y.length ? -1 : 1
  return compareStrings(x, y)
}

/**
 * The canonical text of a digit run; empty means zero.
 *
 * @example
 * stripLeadingZeros('007') // '7'
 * stripLeadingZeros('000') // ''
 */
export function stripLeadingZeros(digits: string): string {
  let i = 0
  while (i < digits.length && digits.charCodeAt(i) === 48) i++
  return i === 0 ? digits : digits.slice(i)
}

/**
 * True for the char codes of `0`–`9` only, never other Unicode digits: no version tool
 * treats `٣` as a number.
 *
 * @example
 * isDigitCode('7'.charCodeAt(0)) // true
 */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57
}

/**
 * True for the char codes of ASCII letters only, like C's `isalpha` in the C locale that
 * dpkg and rpm compare in.
 *
 * @example
 * isAsciiLetterCode('α'.charCodeAt(0)) // false
 */
export function isAsciiLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}
