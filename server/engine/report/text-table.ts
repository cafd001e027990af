/**
 * A box-drawn terminal table (the look of Trivy's tablewriter output) that fits a width:
 * cells wrap at spaces, long words are cut, and columns give up width in `shrinkOrder`.
 */

export type TextColumn = {
  header: string
  /** Never narrower than this (unless the header's longest word is wider). */
  minWidth: number
  /** Which column gives up width first when the table is too wide: lower first. */
  shrinkOrder: number
}

export type TextRow = {
  /** One string per column; `\n` starts a new line inside the cell. */
  cells: readonly string[]
  /** Same group as the row above: the first column is left blank and merged with it, as Trivy merges a package's rows. */
  continues?: boolean
}

export type TextTableOptions = {
  /** Terminal width the table must fit in. */
  maxWidth: number
  /** Decorates one line of one cell (colour); gets the raw text, padding is added after. */
  paint?: (column: number, text: string) => string
}

// Code points, so `…` or `é` count as one column (wide CJK glyphs would not; none expected).
const width = (s: string): number => [...s].length

/** Greedy word wrap; a word longer than the line is cut. */
export function wrapText(text: string, max: number): string[] {
  const out: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(' ')) {
      let rest = word
      while (width(rest) > max) {
        if (line) out.push(line)
        line = ''
        const head = [...rest].slice(0, max)
        // Prefer to cut after a separator (`org.apache.` / `log4j-core`, `https://`) over mid-word.
        const cut = Math.max(...['/', ':', '.', '-', '_'].map((sep) => head.lastIndexOf(sep))) + 1
        const take = cut > max / 2 ? cut : max
        out.push(head.slice(0, take).join(''))
        rest = [...rest].slice(take).join('')
      }
      if (!line) line = rest
      else if (width(line) + 1 + width(rest) <= max) line += ` ${rest}`
      else {
        out.push(line)
        line = rest
      }
    }
    out.push(line)
  }
  return out
}

/**
 * Column widths: each column's natural width, then, while the table is too wide, the widest
 * column of the lowest `shrinkOrder` group loses one character at a time until that group
 * is at its floor (its `minWidth`, or its header's longest word), then the next group.
 */
export function fitWidths(
  columns: readonly TextColumn[],
  rows: readonly TextRow[],
  maxWidth: number,
): number[] {
  const widths = columns.map((c, i) =>
    Math.max(width(c.header), ...rows.flatMap((r) => (r.cells[i] ?? '').split('\n').map(width))),
  )
  const floor = columns.map((c, i) =>
    Math.min(widths[i] ?? 1, Math.max(c.minWidth, ...c.header.split(' ').map(width))),
  )
  const chrome = 3 * columns.length + 1 // "│ " + " │ " between cells + " │"
  let excess = widths.reduce((a, b) => a + b, 0) + chrome - maxWidth
  for (const order of [...new Set(columns.map((c) => c.shrinkOrder))].sort((a, b) => a - b)) {
    const group = columns.flatMap((c, i) => (c.shrinkOrder === order ? [i] : []))
    while (excess > 0) {
      const widest = group
        .filter((i) => (widths[i] ?? 0) > (floor[i] ?? 0))
        .sort((a, b) => (widths[b] ?? 0) - (widths[a] ?? 0))[0]
      if (widest === undefined) break
      widths[widest] = (widths[widest] ?? 0) - 1
      excess -= 1
    }
  }
  return widths
}

export function renderTable(
  columns: readonly TextColumn[],
  rows: readonly TextRow[],
  opts: TextTableOptions,
): string {
  const widths = fitWidths(columns, rows, opts.maxWidth)
  const rule = (left: string, mid: string, right: string, mergeFirst = false) =>
    (mergeFirst ? `│${' '.repeat((widths[0] ?? 0) + 2)}├` : left + '─'.repeat((widths[0] ?? 0) + 2) + mid) +
    widths
      .slice(1)
      .map((w) => '─'.repeat(w + 2))
      .join(mid) +
    right
  const body = (cells: readonly string[], paint?: TextTableOptions['paint']): string[] => {
    const wrapped = cells.map((cell, i) => wrapText(cell, widths[i] ?? 1))
    const height = Math.max(...wrapped.map((lines) => lines.length))
    return Array.from(
      { length: height },
      (_, line) =>
        wrapped
          .map((lines, i) => {
            const text = lines[line] ?? ''
            const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(text)))
            return `│ ${paint && text ? paint(i, text) : text}${pad} `
          })
          .join('') + '│',
    )
  }

  const lines = [rule('┌', '┬', '┐'), ...body(columns.map((c) => c.header)), rule('├', '┼', '┤')]
  rows.forEach((row, r) => {
    if (r > 0) lines.push(rule('├', '┼', '┤', row.continues === true))
    lines.push(...body(row.continues ? ['', ...row.cells.slice(1)] : row.cells, opts.paint))
  })
  lines.push(rule('└', '┴', '┘'))
  return lines.join('\n')
}
