import { normaliseEntryPath, whiteoutOf } from './entry-path'
import type { LayerWalkLimits } from './layer-limits'
import type { FileRecord, FileType } from './layer-result'
import type { NoteCollector } from './note-collector'

/** The header fields of one tar entry, as the tar reader reports them (pax and GNU long names applied). */
export interface TarEntryHeader {
  path: string
  /** The type's conventional name (node-tar's names): `File`, `Directory`, `SymbolicLink`, `Link`, … */
  type: string
  size: number
  mode?: number | undefined
  uid?: number | undefined
  gid?: number | undefined
  linkpath?: string | undefined
}

/** What the walker should do with an entry's body once the index has recorded it. */
export type EntryDecision =
  | { action: 'skip' }
  /** Indexed (directory, symlink, device): nothing more to do. */
  | { action: 'indexed'; record: FileRecord }
  /** A regular file: the analyzers may want its bytes. */
  | { action: 'file'; record: FileRecord }
  /** A hard link whose target file is in this layer: analyzers may want the target's bytes. */
  | { action: 'hardlink'; record: FileRecord; target: string }

const TYPES: Record<string, FileType> = {
  File: 'file',
  OldFile: 'file',
  ContiguousFile: 'file',
  Directory: 'dir',
  GNUDumpDir: 'dir',
  SymbolicLink: 'symlink',
  Link: 'hardlink',
  CharacterDevice: 'chardev',
  BlockDevice: 'blockdev',
  FIFO: 'fifo',
}

const REASONS = {
  traversal: { code: 'path-traversal', level: 'warning', text: 'climbs out of the image root' },
  'too-long': { code: 'path-too-long', level: 'warning', text: 'is longer than the path limit' },
  'too-deep': { code: 'path-too-deep', level: 'warning', text: 'is nested deeper than the path depth limit' },
  nul: { code: 'invalid-path', level: 'warning', text: 'contains a NUL byte' },
} as const

/**
 * Builds one layer's file index, whiteouts and opaque directories from its tar headers,
 * in tar order. Hostile or broken names are dropped here, each with a note, so nothing
 * downstream ever sees a path outside the root.
 *
 * @example
 * const index = new LayerIndexBuilder(limits, notes)
 * const decision = index.add(entry) // then read the body if decision.action === 'file'
 */
export class LayerIndexBuilder {
  readonly files = new Map<string, FileRecord>()
  readonly whiteouts = new Set<string>()
  readonly opaqueDirs = new Set<string>()

  constructor(
    private readonly limits: LayerWalkLimits,
    private readonly notes: NoteCollector,
  ) {}

  add(entry: TarEntryHeader): EntryDecision {
    const name = normaliseEntryPath(entry.path, this.limits.maxPathLength, this.limits.maxPathDepth)
    if (!name.ok) {
      // The root directory (`./`) is in most layers and means nothing.
      if (name.reason !== 'empty') this.drop(name.reason, entry.path)
      return { action: 'skip' }
    }
    const path = name.path
    if (name.absolute) this.notes.add({ level: 'info', code: 'absolute-path', message: `Entry "${clip(entry.path)}" has an absolute name; it was read as "${clip(path)}".`, path })

    const wh = whiteoutOf(path)
    if (wh.kind === 'whiteout') this.whiteouts.add(wh.target)
    else if (wh.kind === 'opaque') this.opaqueDirs.add(wh.dir)
    else if (wh.kind === 'invalid') this.notes.add({ level: 'warning', code: 'invalid-whiteout', message: `Whiteout "${clip(path)}" names no file; ignored.`, path })
    if (wh.kind !== 'none') return { action: 'skip' }

    const type = TYPES[entry.type]
    if (!type) {
      this.notes.add({ level: 'info', code: 'unsupported-entry', message: `Entry "${clip(path)}" has tar type ${entry.type}; not indexed.`, path })
      return { action: 'skip' }
    }
    const record: FileRecord = { path, type, size: type === 'file' ? entry.size : 0, mode: entry.mode ?? 0 }
    if (entry.uid) record.uid = entry.uid
    if (entry.gid) record.gid = entry.gid

    if (type === 'symlink') {
      const target = entry.linkpath ?? ''
      if (target.includes('\0') || Buffer.byteLength(target) > this.limits.maxPathLength) {
        this.notes.add({ level: 'warning', code: 'invalid-symlink', message: `Symlink "${clip(path)}" has an unusable target; not indexed.`, path })
        return { action: 'skip' }
      }
      record.linkTarget = target
    }
    if (type === 'hardlink') return this.addHardlink(record, entry.linkpath ?? '')
    this.files.set(path, record)
    return type === 'file' ? { action: 'file', record } : { action: 'indexed', record }
  }

  /** Index entries, whiteouts and opaque directories, ready for a LayerResult. */
  finish() {
    const files = [...this.files.values()]
    return { files, fileCount: files.length, whiteouts: [...this.whiteouts], opaqueDirs: [...this.opaqueDirs] }
  }

  /**
   * A hard link's name is relative to the archive root (not to the link's directory).
   * Its content is its target's, so it takes the target's size; a chain of links is
   * followed to the file so later steps never need to.
   */
  private addHardlink(record: FileRecord, linkpath: string): EntryDecision {
    const path = record.path
    const target = normaliseEntryPath(linkpath, this.limits.maxPathLength, this.limits.maxPathDepth)
    if (!target.ok) {
      const why = target.reason === 'traversal' ? 'points outside the image root' : 'has an unusable target'
      const code = target.reason === 'traversal' ? 'path-traversal' : 'invalid-hardlink'
      this.notes.add({ level: 'warning', code, message: `Hard link "${clip(path)}" ${why} ("${clip(linkpath)}"); not indexed.`, path })
      return { action: 'skip' }
    }
    let final = target.path
    let found = this.files.get(final)
    if (found?.type === 'hardlink' && found.linkTarget) {
      final = found.linkTarget
      found = this.files.get(final)
    }
    if (found?.type === 'dir' || final === path) {
      this.notes.add({ level: 'warning', code: 'invalid-hardlink', message: `Hard link "${clip(path)}" points at ${final === path ? 'itself' : 'a directory'}; not indexed.`, path })
      return { action: 'skip' }
    }
    record.linkTarget = final
    if (found) {
      record.size = found.size
      record.mode = found.mode
    } else {
      // Legal when the target is in a lower layer; its content was analysed there.
      this.notes.add({ level: 'info', code: 'hardlink-target-outside-layer', message: `Hard link "${clip(path)}" points at "${clip(final)}", which is not in this layer.`, path })
    }
    this.files.set(path, record)
    return found?.type === 'file' ? { action: 'hardlink', record, target: final } : { action: 'indexed', record }
  }

  private drop(reason: keyof typeof REASONS, raw: string): void {
    const r = REASONS[reason]
    this.notes.add({ level: r.level, code: r.code, message: `Entry "${clip(raw)}" ${r.text}; it was skipped.` })
  }
}

/** Names in messages are cut short: a 4 KiB hostile name should not fill the report. */
function clip(name: string): string {
  const short = name.length > 200 ? `${name.slice(0, 200)}…` : name
  let printable = ''
  for (const ch of short) printable += ch < ' ' || ch === '\u007f' ? '?' : ch
  return printable
}
