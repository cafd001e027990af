/**
 * The distinct fix commands of a list of rows, in first-seen order (worst first when the
 * rows are sorted by severity); rows without a fix are skipped.
 *
 * @example
 * uniqueFixCommands([{ fixCmd: 'apk upgrade a' }, {}, { fixCmd: 'apk upgrade a' }]) // ['apk upgrade a']
 */
export function uniqueFixCommands(items: ReadonlyArray<{ fixCmd?: string | undefined }>): string[] {
  const seen = new Set<string>()
  for (const item of items) {
    const cmd = item.fixCmd?.trim()
    if (cmd) seen.add(cmd)
  }
  return [...seen]
}
