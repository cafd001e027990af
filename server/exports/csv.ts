/**
 * CSV as RFC 4180 writes it (CRLF rows, quotes doubled), made safe to open in a
 * spreadsheet: a cell that starts like a formula (`=`, `+`, `-`, `@`, tab or CR, OWASP's
 * list) gets an apostrophe in front, so Excel and LibreOffice show it as text instead of
 * running it. Advisory text comes from outside; `=HYPERLINK(…)` in a summary must stay text.
 */

const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One cell: neutralised, then quoted when it holds a separator, a quote or a line break.
 *
 * @example
 * csvCell('=1+1') // "'=1+1"
 * csvCell('a,b') // '"a,b"'
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One row, CRLF-terminated. */
export function csvRow(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`
}
