import { Inflate } from 'fflate'

/**
 * A zip reader for archives already in memory (jars from a layer), bounded everywhere:
 * the central directory is read from the end-of-central-directory record (ZIP64 too),
 * every offset and length is checked against the buffer, and entries are inflated in
 * small slices so a bomb is stopped at its declared size or the caller's cap.
 */

export interface ZipEntry {
  name: string
  method: number
  flags: number
  compressedSize: number
  /** The uncompressed size the central directory declares. */
  size: number
  localHeaderOffset: number
}

/** The bytes are not a zip, or an entry is inconsistent. */
export class ZipError extends Error {
  override name = 'ZipError'
}

/** An entry, or the entry count, is over a cap: too big to read (or a bomb). */
export class ZipLimitError extends Error {
  override name = 'ZipLimitError'
}

const EOCD_SIG = 0x06054b50
const ZIP64_LOCATOR_SIG = 0x07064b50
const ZIP64_EOCD_SIG = 0x06064b50
const CENTRAL_SIG = 0x02014b50
const LOCAL_SIG = 0x04034b50
const EOCD_SIZE = 22
const MAX_COMMENT = 0xffff
const STORED = 0
const DEFLATED = 8
/** At most ~1 MiB of output per pushed slice (deflate tops out near 1032:1). */
const INFLATE_SLICE = 1024

const utf8 = new TextDecoder('utf-8')

class Reader {
  private readonly view: DataView
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }
  need(at: number, length: number, what: string): void {
    if (at < 0 || length < 0 || at + length > this.bytes.length) throw new ZipError(`${what} at ${at} runs past the end of the archive`)
  }
  u16(at: number): number {
    this.need(at, 2, 'field')
    return this.view.getUint16(at, true)
  }
  u32(at: number): number {
    this.need(at, 4, 'field')
    return this.view.getUint32(at, true)
  }
  /** 64-bit sizes above 2^53 cannot be real in a buffer; they are refused. */
  u64(at: number): number {
    this.need(at, 8, 'field')
    const v = this.view.getBigUint64(at, true)
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError(`64-bit field at ${at} is impossibly large`)
    return Number(v)
  }
}

function findEocd(r: Reader): number {
  const min = Math.max(0, r.bytes.length - EOCD_SIZE - MAX_COMMENT)
  for (let at = r.bytes.length - EOCD_SIZE; at >= min; at--) if (r.u32(at) === EOCD_SIG) return at
  throw new ZipError('no end-of-central-directory record: not a zip archive')
}

interface Directory {
  count: number
  size: number
  offset: number
  /** Where the central directory really starts: bytes prepended to the zip (a launch script) shift every offset. */
  start: number
}

function readDirectoryLocation(r: Reader, eocd: number): Directory {
  let count = r.u16(eocd + 10)
  let size = r.u32(eocd + 12)
  let offset = r.u32(eocd + 16)
  let end = eocd
  const locator = eocd - 20
  // Exactly 65535 entries is legal without ZIP64, so the locator, not the value, decides.
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && locator >= 0 && r.u32(locator) === ZIP64_LOCATOR_SIG) {
    const record = r.u64(locator + 8)
    if (r.u32(record) !== ZIP64_EOCD_SIG) throw new ZipError('ZIP64 locator does not point at a ZIP64 record')
    count = r.u64(record + 32)
    size = r.u64(record + 40)
    offset = r.u64(record + 48)
    end = record
  }
  const start = end - size
  if (start < 0 || start < offset) throw new ZipError('central directory size and offset do not fit the archive')
  return { count, size, offset, start }
}

/**
 * The entries of the central directory.
 *
 * @example
 * const entries = readZipDirectory(jarBytes, 100_000)
 * entries.map((e) => e.name) // ['META-INF/MANIFEST.MF', …]
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const r = new Reader(bytes)
  if (bytes.length < EOCD_SIZE) throw new ZipError('too short to be a zip archive')
  const dir = readDirectoryLocation(r, findEocd(r))
  if (dir.count > maxEntries) throw new ZipLimitError(`${dir.count} entries, over the ${maxEntries} cap`)
  const shift = dir.start - dir.offset
  const entries: ZipEntry[] = []
  let at = dir.start
  for (let i = 0; i < dir.count; i++) {
    if (r.u32(at) !== CENTRAL_SIG) throw new ZipError(`central directory entry ${i} has a bad signature`)
    const nameLength = r.u16(at + 28)
    const extraLength = r.u16(at + 30)
    const commentLength = r.u16(at + 32)
    r.need(at + 46, nameLength + extraLength, 'entry name')
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: r.u16(at + 8),
      method: r.u16(at + 10),
      compressedSize: r.u32(at + 20),
      size: r.u32(at + 24),
      localHeaderOffset: r.u32(at + 42),
    }
    applyZip64Extra(r, entry, at + 46 + nameLength, extraLength)
    entry.localHeaderOffset += shift
    entries.push(entry)
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** ZIP64 extra field (id 1): the 64-bit values, in this order, of the fields that read 0xffffffff. */
function applyZip64Extra(r: Reader, e: ZipEntry, extraStart: number, extraLength: number): void {
  if (e.size !== 0xffffffff && e.compressedSize !== 0xffffffff && e.localHeaderOffset !== 0xffffffff) return
  for (let at = extraStart; at + 4 <= extraStart + extraLength; ) {
    const id = r.u16(at)
    const length = r.u16(at + 2)
    if (id === 0x0001) {
      let field = at + 4
      const next = () => {
        if (field + 8 > at + 4 + length) throw new ZipError(`ZIP64 extra field of ${e.name} is too short`)
        const v = r.u64(field)
        field += 8
        return v
      }
      if (e.size === 0xffffffff) e.size = next()
      if (e.compressedSize === 0xffffffff) e.compressedSize = next()
      if (e.localHeaderOffset === 0xffffffff) e.localHeaderOffset = next()
      return
    }
    at += 4 + length
  }
  throw new ZipError(`${e.name} has 32-bit overflow sizes but no ZIP64 extra field`)
}

/**
 * An entry's uncompressed bytes. Stored entries are returned as a view of the archive
 * (nested jars in Spring Boot fat jars are stored, and read in place); deflated ones are
 * inflated up to their declared size, which must be within `maxBytes`.
 */
export function readZipEntry(bytes: Uint8Array, e: ZipEntry, maxBytes: number): Uint8Array {
  if (e.size > maxBytes) throw new ZipLimitError(`${e.name} declares ${e.size} bytes, over the ${maxBytes}-byte budget`)
  if (e.flags & 1) throw new ZipError(`${e.name} is encrypted`)
  const r = new Reader(bytes)
  if (r.u32(e.localHeaderOffset) !== LOCAL_SIG) throw new ZipError(`${e.name} has no local header at ${e.localHeaderOffset}`)
  const dataStart = e.localHeaderOffset + 30 + r.u16(e.localHeaderOffset + 26) + r.u16(e.localHeaderOffset + 28)
  r.need(dataStart, e.compressedSize, `data of ${e.name}`)
  const data = bytes.subarray(dataStart, dataStart + e.compressedSize)
  if (e.method === STORED) {
    if (e.compressedSize !== e.size) throw new ZipError(`stored entry ${e.name} has different compressed and uncompressed sizes`)
    return data
  }
  if (e.method !== DEFLATED) throw new ZipError(`${e.name} uses compression method ${e.method}`)
  return inflateBounded(data, e.size, e.name)
}

function inflateBounded(data: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size)
  let written = 0
  let overflow = false
  let done = false
  const inflate = new Inflate((chunk, final) => {
    if (written + chunk.length > size) overflow = true
    else out.set(chunk, written)
    written += chunk.length
    if (final) done = true
  })
  try {
    for (let at = 0; at < data.length && !overflow && !done; at += INFLATE_SLICE) inflate.push(data.subarray(at, at + INFLATE_SLICE), at + INFLATE_SLICE >= data.length)
  } catch (err) {
    throw new ZipError(`${name} does not inflate: ${err instanceof Error ? err.message : String(err)}`)
  }
  if (overflow) throw new ZipLimitError(`${name} inflates past its declared ${size} bytes`)
  if (!done || written !== size) throw new ZipError(`${name} inflates to ${written} bytes, not the declared ${size}`)
  return out
}
