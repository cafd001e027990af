/**
 * The little Markdown advisories are written in (OSV `details`, GitHub advisories), read
 * into plain data so the SPA can draw it as React elements: never as HTML, so nothing an
 * advisory says can become markup or script. Headings, bullet lists, fenced code and
 * paragraphs; inline code and links. A link is kept only when it is http(s); anything
 * else (javascript:, data:, relative) stays as its text.
 */
export type Inline = { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'link'; text: string; href: string }

export type Block =
  | { kind: 'heading'; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'code'; text: string }

const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/
const BULLET = /^\s*[-*+]\s+(.*)$/
const FENCE = /^\s*(```|~~~)/
// `code`, or [text](url "title"), in the order they appear.
const INLINE = /`([^`]+)`|\[([^\]]*)\]\(\s*([^)\s]+)(?:\s+"[^"]*")?\s*\)/g

/** Inline code and links of one line or paragraph; everything else is text. */
export function parseInlines(text: string): Inline[] {
  const out: Inline[] = []
  const push = (inline: Inline) => {
    const last = out.at(-1)
    if (inline.kind === 'text' && last?.kind === 'text') last.text += inline.text
    else if (inline.kind !== 'text' || inline.text) out.push(inline)
  }
  let at = 0
  for (const m of text.matchAll(INLINE)) {
    push({ kind: 'text', text: text.slice(at, m.index) })
    if (m[1] !== undefined) push({ kind: 'code', text: m[1] })
    else {
      const label = m[2] ?? ''
      const href = m[3] ?? ''
      if (/^https?:\/\//i.test(href)) push({ kind: 'link', text: label || href, href })
      else push({ kind: 'text', text: label || href })
    }
    at = m.index + m[0].length
  }
  push({ kind: 'text', text: text.slice(at) })
  return out
}

/**
 * An advisory's text as blocks, in order. Lines of one paragraph are joined with a space
 * (Markdown's soft breaks); a blank line ends a paragraph or list.
 *
 * @example
 * parseAdvisoryMarkdown('# Impact\nSee [NVD](https://nvd.nist.gov/).')
 * // [{ kind: 'heading', inlines: [{ kind: 'text', text: 'Impact' }] },
 * //  { kind: 'paragraph', inlines: [{ kind: 'text', text: 'See ' }, { kind: 'link', text: 'NVD', href: 'https://nvd.nist.gov/' }, { kind: 'text', text: '.' }] }]
 */
export function parseAdvisoryMarkdown(source: string): Block[] {
  const blocks: Block[] = []
  let paragraph: string[] = []
  let list: Inline[][] | null = null
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', inlines: parseInlines(paragraph.join(' ')) })
    if (list) blocks.push({ kind: 'list', items: list })
    paragraph = []
    list = null
  }
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (FENCE.test(line)) {
      flush()
      const code: string[] = []
      for (i++; i < lines.length && !FENCE.test(lines[i] ?? ''); i++) code.push(lines[i] ?? '')
      blocks.push({ kind: 'code', text: code.join('\n') })
      continue
    }
    if (!line.trim()) {
      flush()
      continue
    }
    const heading = HEADING.exec(line)
    if (heading) {
      flush()
      blocks.push({ kind: 'heading', inlines: parseInlines(heading[1] ?? '') })
      continue
    }
    const bullet = BULLET.exec(line)
    if (bullet) {
      if (paragraph.length) flush()
      list ??= []
      list.push(parseInlines(bullet[1] ?? ''))
      continue
    }
    if (list) {
      // A line under a bullet continues that item.
      const last = list.at(-1)
      if (last) last.push(...parseInlines(` ${line.trim()}`))
      continue
    }
    paragraph.push(line.trim())
  }
  flush()
  return blocks
}
