/**
 * `Key: value` header blocks, as dpkg status stanzas (deb822) and Python core metadata
 * (METADATA, PKG-INFO: RFC 822 email headers) write them. A line starting with a space or
 * a tab continues the previous field; a blank line ends the block.
 */
export class HeaderFields {
  /** Keys lower-cased: deb822 and RFC 822 field names are case-insensitive. */
  private readonly fields = new Map<string, string[]>()

  add(key: string, value: string): void {
    const k = key.toLowerCase()
    const values = this.fields.get(k)
    if (values) values.push(value)
    else this.fields.set(k, [value])
  }

  appendToLast(key: string, continuation: string): void {
    const values = this.fields.get(key.toLowerCase())
    if (values && values.length > 0) values[values.length - 1] += `\n${continuation}`
  }

  /** The first value of a field, trimmed; undefined when absent or empty. */
  get(key: string): string | undefined {
    const v = this.fields.get(key.toLowerCase())?.[0]?.trim()
    return v ? v : undefined
  }

  /** Every value of a repeated field (`Classifier:`), trimmed. */
  all(key: string): string[] {
    return (this.fields.get(key.toLowerCase()) ?? []).map((v) => v.trim()).filter((v) => v !== '')
  }

  get size(): number {
    return this.fields.size
  }
}

const fieldLine = /^([!-9;-~]+):[ \t]?(.*)$/

/**
 * Reads header blocks from text. With `firstOnly`, stops at the first blank line (email
 * headers: the body after it is free text). Lines that are neither a field nor a
 * continuation are counted in `strayLines` rather than failing the whole file.
 *
 * @example
 * const { blocks } = parseHeaderBlocks('Package: bash\nVersion: 5.1\n\nPackage: tar\n')
 * blocks[1]?.get('package') // 'tar'
 */
export function parseHeaderBlocks(text: string, firstOnly = false): { blocks: HeaderFields[]; strayLines: number } {
  const blocks: HeaderFields[] = []
  let strayLines = 0
  let current: HeaderFields | undefined
  let lastKey: string | undefined
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      if (current) {
        blocks.push(current)
        current = undefined
        lastKey = undefined
        if (firstOnly) return { blocks, strayLines }
      }
      continue
    }
    if ((line.startsWith(' ') || line.startsWith('\t')) && current && lastKey) {
      current.appendToLast(lastKey, line.slice(1))
      continue
    }
    const m = fieldLine.exec(line)
    if (!m) {
      strayLines++
      continue
    }
    current ??= new HeaderFields()
    lastKey = m[1] ?? ''
    current.add(lastKey, m[2] ?? '')
  }
  if (current) blocks.push(current)
  return { blocks, strayLines }
}
