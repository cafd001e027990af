import type { TarEntryHeader } from './layer-index-builder'

/**
 * A lean, push-style reader of an uncompressed tar stream, built for the layer walker:
 * it is fed chunks as they arrive and calls back synchronously with each entry's header
 * and, only when asked, slices of its content (views of the input, never copies). Bytes
 * of entries nobody wants are skipped by arithmetic, so a 200 MB layer costs one pass
 * over its 512-byte headers and nothing per content byte.
 *
 * Where tar readers disagree, it reads a layer the way containerd and Docker unpack it
 * (Go's archive/tar), so the index shows what the running container will see:
 *   - hard links, symlinks, devices, FIFOs and directories (types 1–6) have no content,
 *     whatever their size field says; the next header follows at once;
 *   - pax records (`x`) apply to the next file entry only (a second `x` replaces the
 *     first), GNU long names (`L`, `K`) override them; global pax headers (`g`) are read
 *     and skipped, never merged;
 *   - the ustar `prefix` field is used only with the POSIX `ustar\0` `00` magic;
 *   - type `\0` with a trailing `/` is a directory (pre-POSIX archives);
 *   - an old GNU sparse entry (`S`) is followed by its sparse-map extension blocks before
 *     its data, and they are skipped too.
 * Where Go fails the whole archive (bad checksum, malformed number or pax record), this
 * reader reports a warning and resynchronises on the next block, as tar's own
 * `--ignore-failed-read`-style readers do; the walker turns warnings into notes, and a
 * stream whose first header is already invalid into "not a tar archive".
 *
 * @example
 * const reader = new TarReader({ entry: (h) => h.path === 'etc/os-release', unsupported, data: (b) => parts.push(b), end, warn }, { maxMetaEntrySize: 1 << 20 })
 * for await (const chunk of tar) reader.write(chunk)
 * const state = reader.end() // { eof, sawHeader, missingBytes, partialHeaderBytes }
 */
export interface TarReaderHandler {
  /** A file system entry of a supported type; return true to be handed its content. */
  entry(header: TarEntryHeader): boolean
  /** An entry of a type nothing reads (GNU sparse, tape volume, unknown flags); its content is skipped. */
  unsupported(header: TarEntryHeader): void
  /** A slice of the content of the entry `entry` returned true for. It may share memory with the input chunk. */
  data(bytes: Buffer): void
  /** The content of that entry is complete (called for empty files too). */
  end(): void
  warn(code: TarWarningCode, message: string): void
}

export type TarWarningCode = 'tar-entry-invalid' | 'tar-meta-too-large'

export interface TarReaderOptions {
  /** Largest pax / GNU long-name body read into memory; bigger ones are skipped with a warning. */
  maxMetaEntrySize: number
}

/** How the stream ended, for the caller to judge. */
export interface TarEndState {
  /** Two zero blocks were read (anything after them is ignored). */
  eof: boolean
  /** At least one header had a valid checksum. */
  sawHeader: boolean
  /** The stream stopped inside an entry's content (or its padding): this many bytes were missing. */
  missingBytes: number
  /** The stream stopped inside a header block: this many bytes of it had arrived. */
  partialHeaderBytes: number
}

const BLOCK = 512

/** The conventional names of type flags (node-tar's), which the index builder and notes use. */
const TYPE_NAMES: Record<string, string> = {
  '0': 'File',
  '1': 'Link',
  '2': 'SymbolicLink',
  '3': 'CharacterDevice',
  '4': 'BlockDevice',
  '5': 'Directory',
  '6': 'FIFO',
  '7': 'ContiguousFile',
  g: 'GlobalExtendedHeader',
  x: 'ExtendedHeader',
  A: 'SolarisACL',
  D: 'GNUDumpDir',
  I: 'Inode',
  K: 'NextFileHasLongLinkpath',
  L: 'NextFileHasLongPath',
  M: 'ContinuationFile',
  N: 'OldGnuLongPath',
  S: 'SparseFile',
  V: 'TapeVolumeHeader',
  X: 'OldExtendedHeader',
}
/** Entry types the file index understands. Everything else is reported as unsupported. */
const SUPPORTED = new Set(['0', '1', '2', '3', '4', '5', '6', '7', 'D'])
/** Types whose content section is always empty (Go's isHeaderOnlyType). */
const HEADER_ONLY = new Set(['1', '2', '3', '4', '5', '6'])
const LINK_TYPES = new Set(['1', '2'])

const enum State {
  Header,
  /** Content handed to the handler. */
  Data,
  /** Content of a meta entry (pax, GNU long name) collected for the next header. */
  Meta,
  /** Content and padding nobody wants. */
  Skip,
  /** Old GNU sparse map extension blocks, before the entry's own content. */
  SparseExt,
  /** After the end-of-archive marker: the rest is ignored. */
  Done,
}

interface Pending {
  pax?: Map<string, string>
  longName?: string
  longLink?: string
}

export class TarReader {
  private state = State.Header
  /** Bytes of a header block split across chunks. */
  private readonly partial = Buffer.alloc(BLOCK)
  private partialLength = 0
  /** Content bytes left in the current entry, and padding after them. */
  private contentLeft = 0
  private padLeft = 0
  private metaType = ''
  private metaParts: Buffer[] = []
  /** What to do once the sparse extension blocks are skipped. */
  private afterSparse: { wanted: boolean; size: number } | undefined
  private pending: Pending = {}
  private sawZeroBlock = false
  private eof = false
  private sawHeader = false

  constructor(
    private readonly handler: TarReaderHandler,
    private readonly opts: TarReaderOptions,
  ) {}

  /** Feeds the next bytes of the tar. Handler callbacks run (and may throw) inside this call. */
  write(chunk: Buffer): void {
    const length = chunk.length
    let pos = 0
    while (pos < length) {
      switch (this.state) {
        case State.Done:
          return
        case State.Header: {
          if (this.partialLength > 0 || length - pos < BLOCK) {
            const n = Math.min(BLOCK - this.partialLength, length - pos)
            chunk.copy(this.partial, this.partialLength, pos, pos + n)
            this.partialLength += n
            pos += n
            if (this.partialLength === BLOCK) {
              this.partialLength = 0
              this.header(this.partial, 0)
            }
          } else {
            this.header(chunk, pos)
            pos += BLOCK
          }
          break
        }
        case State.SparseExt: {
          // Each extension block ends with an `isextended` byte saying whether another follows.
          if (this.partialLength > 0 || length - pos < BLOCK) {
            const n = Math.min(BLOCK - this.partialLength, length - pos)
            chunk.copy(this.partial, this.partialLength, pos, pos + n)
            this.partialLength += n
            pos += n
            if (this.partialLength === BLOCK) {
              this.partialLength = 0
              this.sparseExtension(this.partial, 0)
            }
          } else {
            this.sparseExtension(chunk, pos)
            pos += BLOCK
          }
          break
        }
        default:
          pos = this.body(chunk, pos)
      }
    }
  }

  /** Whether a header with a valid checksum has been read yet. */
  get started(): boolean {
    return this.sawHeader
  }

  /** Call once the stream has ended; says whether it ended cleanly. */
  end(): TarEndState {
    const inContent = this.state === State.Data || this.state === State.Meta || this.state === State.Skip
    return {
      eof: this.eof,
      sawHeader: this.sawHeader,
      missingBytes: inContent ? this.contentLeft + this.padLeft : this.state === State.SparseExt ? BLOCK - this.partialLength + (this.afterSparse?.size ?? 0) : 0,
      partialHeaderBytes: this.state === State.Header ? this.partialLength : 0,
    }
  }

  /** Consumes content (and padding) of the current entry from `chunk` at `pos`; returns the new position. */
  private body(chunk: Buffer, pos: number): number {
    const available = chunk.length - pos
    if (this.contentLeft > 0) {
      const n = this.contentLeft < available ? this.contentLeft : available
      if (this.state === State.Data) this.handler.data(chunk.subarray(pos, pos + n))
      else if (this.state === State.Meta) this.metaParts.push(chunk.subarray(pos, pos + n))
      this.contentLeft -= n
      pos += n
      if (this.contentLeft > 0) return pos
      if (this.state === State.Data) this.handler.end()
      else if (this.state === State.Meta) this.finishMeta()
    }
    const pad = Math.min(this.padLeft, chunk.length - pos)
    this.padLeft -= pad
    pos += pad
    if (this.padLeft === 0) this.state = State.Header
    return pos
  }

  private header(b: Buffer, o: number): void {
    if (isZeroBlock(b, o)) {
      if (this.sawZeroBlock) {
        this.eof = true
        this.state = State.Done
      }
      this.sawZeroBlock = true
      return
    }
    this.sawZeroBlock = false
    if (!checksumValid(b, o)) {
      this.pending = {}
      this.handler.warn('tar-entry-invalid', 'a header block failed its checksum; skipped it')
      return
    }
    const flag = b[o + 156] === 0 ? '' : String.fromCharCode(b[o + 156] ?? 0)
    const size = parseNumeric(b, o + 124, 12)
    if (size === undefined || size < 0) {
      this.pending = {}
      this.handler.warn('tar-entry-invalid', `a header has an unreadable size field (type ${JSON.stringify(flag)}); skipped it`)
      return
    }
    this.sawHeader = true

    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (size > this.opts.maxMetaEntrySize) {
        this.handler.warn('tar-meta-too-large', `A ${TYPE_NAMES[flag] ?? flag} header of ${size} bytes is over the ${this.opts.maxMetaEntrySize}-byte limit; ignored.`)
        this.skip(size)
        return
      }
      this.metaType = flag
      this.metaParts = []
      this.startContent(State.Meta, size)
      if (size === 0) this.finishMeta()
      return
    }

    const pending = this.pending
    this.pending = {}
    const pax = pending.pax
    // An empty pax value keeps the header's own (it is how pax unsets a record).
    let path = pax?.get('path') || ustarName(b, o)
    if (pending.longName) path = pending.longName
    let linkpath = pax?.get('linkpath') || cString(b, o + 157, 100)
    if (pending.longLink) linkpath = pending.longLink
    let type = flag
    if (type === '') type = path.endsWith('/') ? '5' : '0'

    let contentSize = size
    const paxSize = pax?.get('size')
    if (paxSize) {
      const n = parseDecimal(paxSize)
      if (n === undefined) this.handler.warn('tar-entry-invalid', `"${clip(path)}" has an unreadable pax size "${clip(paxSize)}"; the header's size was used.`)
      else contentSize = n
    }
    if (HEADER_ONLY.has(type)) contentSize = 0
    const header: TarEntryHeader = {
      path,
      type: TYPE_NAMES[type] ?? 'Unsupported',
      size: contentSize,
      mode: (parseNumeric(b, o + 100, 8) ?? 0) & 0o7777,
      uid: paxId(pax, 'uid') ?? parseNumeric(b, o + 108, 8) ?? 0,
      gid: paxId(pax, 'gid') ?? parseNumeric(b, o + 116, 8) ?? 0,
      linkpath: LINK_TYPES.has(type) ? linkpath : undefined,
    }
    // GNU sparse files stored in pax format (GNU.sparse.*) hold a sparse map, not the file's bytes.
    const paxSparse = pax !== undefined && (pax.has('GNU.sparse.major') || pax.has('GNU.sparse.map') || pax.has('GNU.sparse.size'))
    if (paxSparse) {
      header.path = pax.get('GNU.sparse.name') ?? path
      header.type = 'SparseFile'
    }
    if (path === '' || (LINK_TYPES.has(type) && linkpath === '')) {
      this.handler.warn('tar-entry-invalid', path === '' ? 'an entry has no name; skipped it' : `link "${clip(path)}" has no target; skipped it`)
      this.skip(contentSize)
      return
    }
    if (!SUPPORTED.has(type) || paxSparse) {
      this.handler.unsupported(header)
      if (type === 'S' && b[o + 482] !== 0) {
        this.afterSparse = { wanted: false, size: contentSize }
        this.state = State.SparseExt
        return
      }
      this.skip(contentSize)
      return
    }
    const wanted = this.handler.entry(header)
    if (!wanted) {
      this.skip(contentSize)
      return
    }
    this.startContent(State.Data, contentSize)
    if (contentSize === 0) this.handler.end()
  }

  private sparseExtension(b: Buffer, o: number): void {
    if (b[o + 504] !== 0) return
    const next = this.afterSparse
    this.afterSparse = undefined
    this.skip(next?.size ?? 0)
  }

  private startContent(state: State, size: number): void {
    this.contentLeft = size
    this.padLeft = (BLOCK - (size % BLOCK)) % BLOCK
    this.state = size === 0 ? State.Header : state
  }

  private skip(size: number): void {
    this.startContent(State.Skip, size)
  }

  private finishMeta(): void {
    const body = this.metaParts.length === 1 ? (this.metaParts[0] as Buffer) : Buffer.concat(this.metaParts)
    this.metaParts = []
    switch (this.metaType) {
      case 'x': {
        // A later pax header replaces an earlier one (as in Go), so what is pending is at
        // most one header's records, however many a hostile layer stacks up.
        const records = parsePax(body)
        if (records.error) this.handler.warn('tar-entry-invalid', `a pax header is malformed (${records.error}); records after the fault were ignored.`)
        this.pending.pax = new Map(records.records)
        break
      }
      case 'g': {
        // Read for validity only: like containerd's reader, global records change no entry.
        const records = parsePax(body)
        if (records.error) this.handler.warn('tar-entry-invalid', `a global pax header is malformed (${records.error}).`)
        break
      }
      case 'L':
        this.pending.longName = cStringOf(body)
        break
      case 'K':
        this.pending.longLink = cStringOf(body)
        break
    }
  }
}

function isZeroBlock(b: Buffer, o: number): boolean {
  for (let i = o; i < o + BLOCK; i++) if (b[i] !== 0) return false
  return true
}

/** The stored checksum against the sum of the block with its checksum field as spaces, unsigned or signed (old tars). */
function checksumValid(b: Buffer, o: number): boolean {
  const stored = parseNumeric(b, o + 148, 8)
  if (stored === undefined) return false
  let unsigned = 8 * 0x20
  let signed = 8 * 0x20
  for (let i = o; i < o + BLOCK; i++) {
    if (i === o + 148) i = o + 156
    const v = b[i] as number
    unsigned += v
    signed += v > 127 ? v - 256 : v
  }
  return stored === unsigned || stored === signed
}

/**
 * A numeric header field: octal digits (surrounded by spaces or NULs), or GNU base-256
 * when the first byte has its high bit set. Undefined when unreadable, negative, or not a
 * safe integer.
 */
export function parseNumeric(b: Buffer, o: number, width: number): number | undefined {
  const first = b[o] as number
  if (first & 0x80) {
    // Base-256, big-endian two's complement; bit 0x40 of the first byte is the sign.
    if (first & 0x40) return undefined
    let value = first & 0x3f
    for (let i = o + 1; i < o + width; i++) {
      value = value * 256 + (b[i] as number)
      if (value > Number.MAX_SAFE_INTEGER) return undefined
    }
    return value
  }
  let i = o
  const end = o + width
  while (i < end && (b[i] === 0x20 || b[i] === 0)) i++
  let value = 0
  let digits = 0
  for (; i < end; i++) {
    const c = b[i] as number
    if (c >= 0x30 && c <= 0x37) {
      value = value * 8 + (c - 0x30)
      digits++
    } else break
  }
  // Trailing spaces, then the end of the field or a NUL (after which anything goes).
  while (i < end && b[i] === 0x20) i++
  if (i < end && b[i] !== 0) return undefined
  if (digits === 0) return 0
  return value <= Number.MAX_SAFE_INTEGER ? value : undefined
}

/** A NUL-terminated field, as UTF-8 (ASCII decoded directly). */
function cString(b: Buffer, o: number, width: number): string {
  let ascii = true
  let i = o
  const end = o + width
  for (; i < end; i++) {
    const c = b[i] as number
    if (c === 0) break
    if (c > 0x7f) ascii = false
  }
  if (i === o) return ''
  return b.toString(ascii ? 'latin1' : 'utf8', o, i)
}

function cStringOf(body: Buffer): string {
  const nul = body.indexOf(0)
  return body.toString('utf8', 0, nul < 0 ? body.length : nul)
}

/** name, with the ustar prefix when the magic says POSIX ustar (GNU's old format has none). */
function ustarName(b: Buffer, o: number): string {
  const name = cString(b, o, 100)
  // "ustar\0" then version "00".
  if (b[o + 257] === 0x75 && b[o + 258] === 0x73 && b[o + 259] === 0x74 && b[o + 260] === 0x61 && b[o + 261] === 0x72 && b[o + 262] === 0 && b[o + 263] === 0x30 && b[o + 264] === 0x30) {
    // star keeps atime/ctime after a 130-byte prefix; a byte at 475 means a full 155-byte one.
    const prefix = cString(b, o + 345, b[o + 475] !== 0 ? 155 : 130)
    if (prefix) return `${prefix}/${name}`
  }
  return name
}

function parseDecimal(text: string): number | undefined {
  if (!/^\d{1,16}$/.test(text)) return undefined
  const n = Number(text)
  return Number.isSafeInteger(n) ? n : undefined
}

function paxId(pax: Map<string, string> | undefined, key: string): number | undefined {
  const v = pax?.get(key)
  return v ? parseDecimal(v) : undefined
}

/**
 * Pax records, `"<len> <key>=<value>\n"` where len counts the whole record (POSIX.1-2001).
 * Values may hold newlines and NULs: the length decides, not the line. Parsing stops at
 * the first malformed record.
 */
export function parsePax(body: Buffer): { records: [string, string][]; error?: string } {
  const records: [string, string][] = []
  let pos = 0
  while (pos < body.length) {
    // Trailing NUL padding is tolerated.
    if (body[pos] === 0) break
    const space = body.indexOf(0x20, pos)
    if (space < 0 || space - pos > 12) return { records, error: 'no record length' }
    const lenText = body.toString('latin1', pos, space)
    if (!/^[1-9]\d*$/.test(lenText)) return { records, error: 'bad record length' }
    const len = Number(lenText)
    const end = pos + len
    if (end > body.length || body[end - 1] !== 0x0a) return { records, error: 'record overruns the header' }
    const eq = body.indexOf(0x3d, space + 1)
    if (eq < 0 || eq >= end - 1 || eq === space + 1) return { records, error: 'record without a key' }
    records.push([body.toString('utf8', space + 1, eq), body.toString('utf8', eq + 1, end - 1)])
    pos = end
  }
  return { records }
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}
