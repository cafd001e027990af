import type { ScanNote } from '@contract/findings'

/**
 * Collects a layer's notes with a cap per code, so a layer of a million hostile names
 * yields a readable report (the first few, then one summary) instead of a million notes.
 *
 * @example
 * const notes = new NoteCollector(20)
 * notes.add({ level: 'warning', code: 'path-traversal', message: '…', path })
 * result.notes = notes.finish()
 */
export class NoteCollector {
  private readonly notes: ScanNote[] = []
  private readonly counts = new Map<string, { level: ScanNote['level']; count: number }>()

  constructor(private readonly maxPerCode: number) {}

  add(note: ScanNote): void {
    const seen = this.counts.get(note.code) ?? { level: note.level, count: 0 }
    seen.count++
    this.counts.set(note.code, seen)
    if (seen.count <= this.maxPerCode) this.notes.push(note)
  }

  /** The kept notes, plus one summary per code that went over the cap. */
  finish(): ScanNote[] {
    const out = [...this.notes]
    for (const [code, { level, count }] of this.counts) {
      if (count > this.maxPerCode) {
        out.push({ level, code, message: `${count - this.maxPerCode} more "${code}" notes in this layer were left out (${count} in all).` })
      }
    }
    return out
  }
}
