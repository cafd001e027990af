/**
 * The rpm header blob that every rpm database stores per package (rpm's lib/header.c,
 * read from the format only): big-endian `il` (index entry count) and `dl` (data bytes),
 * `il` 16-byte entries `{tag, type, offset, count}`, then the data store. Package files
 * put an 8-byte magic (`8e ad e8 01` + 4 reserved) in front; databases store it without.
 *
 * Every offset and count comes from the image, so each is checked against the store
 * before anything is read, and the whole header is capped.
 */

export const RPMTAG = {
  HEADERIMMUTABLE: 63,
  NAME: 1000,
  VERSION: 1001,
  RELEASE: 1002,
  EPOCH: 1003,
  VENDOR: 1011,
  LICENSE: 1014,
  ARCH: 1022,
  SOURCERPM: 1044,
} as const

export const RPM_TYPE = { NULL: 0, CHAR: 1, INT8: 2, INT16: 3, INT32: 4, INT64: 5, STRING: 6, BIN: 7, STRING_ARRAY: 8, I18NSTRING: 9 } as const

/** Bytes per element of the fixed-size types; -1 for NUL-terminated strings. */
const TYPE_SIZE = [0, 1, 1, 2, 4, 8, -1, 1, -1, -1]
const HEADER_MAGIC = 0x8eade801
const ENTRY_SIZE = 16
/** go-rpmdb's headerMaxbytes; rpm itself stops far lower. */
export const MAX_HEADER_BYTES = 256 * 1024 * 1024
/** Region tags (61 image, 62 signatures, 63 immutable) open a region with a trailer entry. */
const REGION_TAGS = new Set([61, 62, RPMTAG.HEADERIMMUTABLE])

export class RpmHeaderError extends Error {
  override name = 'RpmHeaderError'
}

/** Bytes of string data left to scan for NULs while verifying one header. */
interface ScanBudget {
  left: number
}

interface Entry {
  type: number
  offset: number
  count: number
}

export interface RpmHeader {
  /** A STRING, or the first string of a STRING_ARRAY/I18NSTRING (the untranslated one). */
  string(tag: number): string | undefined
  /** The first INT32 of the tag. */
  int32(tag: number): number | undefined
}

/**
 * Parses and verifies a header blob; throws RpmHeaderError on anything inconsistent.
 *
 * @example
 * const h = parseRpmHeader(blob)
 * h.string(RPMTAG.NAME) // 'openssl-libs'
 */
export function parseRpmHeader(blob: Uint8Array): RpmHeader {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength)
  const start = blob.length >= 8 && view.getUint32(0) === HEADER_MAGIC ? 8 : 0
  if (blob.length < start + 8) throw new RpmHeaderError(`header of ${blob.length} bytes is shorter than its preamble`)
  const il = view.getUint32(start)
  const dl = view.getUint32(start + 4)
  if (il < 1) throw new RpmHeaderError('header has no index entries')
  const entriesStart = start + 8
  const dataStart = entriesStart + il * ENTRY_SIZE
  const size = dataStart + dl - start
  if (size > MAX_HEADER_BYTES) throw new RpmHeaderError(`header of ${size} bytes is over the ${MAX_HEADER_BYTES}-byte cap`)
  if (start + size > blob.length) throw new RpmHeaderError(`header claims ${il} entries and ${dl} data bytes but the blob has ${blob.length} bytes`)

  const data = blob.subarray(dataStart, dataStart + dl)
  const entries = new Map<number, Entry>()
  const budget: ScanBudget = { left: 2 * dl + 65536 }
  for (let i = 0; i < il; i++) {
    const at = entriesStart + i * ENTRY_SIZE
    const tag = view.getUint32(at)
    const entry = { type: view.getUint32(at + 4), offset: view.getInt32(at + 8), count: view.getUint32(at + 12) }
    verifyEntry(tag, entry, data, i, budget)
    if (i === 0 && REGION_TAGS.has(tag)) verifyRegion(tag, entry, data, il)
    if (!entries.has(tag)) entries.set(tag, entry)
  }

  return {
    string(tag) {
      const e = entries.get(tag)
      if (!e || (e.type !== RPM_TYPE.STRING && e.type !== RPM_TYPE.STRING_ARRAY && e.type !== RPM_TYPE.I18NSTRING)) return undefined
      return readFirstString(data, e.offset)
    },
    int32(tag) {
      const e = entries.get(tag)
      if (!e || e.type !== RPM_TYPE.INT32) return undefined
      return new DataView(data.buffer, data.byteOffset + e.offset, 4).getInt32(0)
    },
  }
}

function verifyEntry(tag: number, e: Entry, data: Uint8Array, index: number, budget: ScanBudget): void {
  const where = `entry ${index} (tag ${tag})`
  const size = TYPE_SIZE[e.type]
  if (size === undefined) throw new RpmHeaderError(`${where} has unknown type ${e.type}`)
  if (e.offset < 0 || e.offset > data.length) throw new RpmHeaderError(`${where} offset ${e.offset} is outside the ${data.length}-byte data store`)
  if (e.count < 1 || e.count > data.length) throw new RpmHeaderError(`${where} count ${e.count} is impossible for a ${data.length}-byte data store`)
  if (e.type === RPM_TYPE.STRING && e.count !== 1) throw new RpmHeaderError(`${where} is a STRING with count ${e.count}`)
  if (size > 0) {
    if (e.offset % size !== 0) throw new RpmHeaderError(`${where} offset ${e.offset} is not aligned to ${size}`)
    if (e.offset + e.count * size > data.length) throw new RpmHeaderError(`${where} runs past the data store`)
  } else {
    // Throws if any of the strings is not NUL-terminated inside the store.
    checkStrings(data, e.offset, e.type === RPM_TYPE.STRING ? 1 : e.count, where, budget)
  }
}

/**
 * The region entry points at a trailer copy of itself whose negative offset gives the
 * size of the region's index: both must agree with the header around them.
 */
function verifyRegion(tag: number, e: Entry, data: Uint8Array, il: number): void {
  if (e.type !== RPM_TYPE.BIN || e.count !== ENTRY_SIZE) throw new RpmHeaderError(`region tag ${tag} is not a 16-byte BIN entry`)
  if (e.offset + ENTRY_SIZE > data.length) throw new RpmHeaderError(`region trailer of tag ${tag} is outside the data store`)
  const t = new DataView(data.buffer, data.byteOffset + e.offset, ENTRY_SIZE)
  const regionIndexBytes = -t.getInt32(8)
  if (t.getUint32(0) !== tag || t.getUint32(4) !== RPM_TYPE.BIN || t.getUint32(12) !== ENTRY_SIZE) throw new RpmHeaderError(`region trailer of tag ${tag} does not match its entry`)
  if (regionIndexBytes < ENTRY_SIZE || regionIndexBytes % ENTRY_SIZE !== 0 || regionIndexBytes / ENTRY_SIZE > il) throw new RpmHeaderError(`region trailer of tag ${tag} claims ${regionIndexBytes / ENTRY_SIZE} entries of ${il}`)
}

const utf8 = new TextDecoder('utf-8')

/** Checks that `count` consecutive strings from `offset` are each NUL-terminated inside the store. */
function checkStrings(data: Uint8Array, offset: number, count: number, where: string, budget: ScanBudget): void {
  let at = offset
  for (let i = 0; i < count; i++) {
    const end = data.indexOf(0, at)
    if (end === -1) throw new RpmHeaderError(`${where}: string ${i} is not NUL-terminated inside the data store`)
    budget.left -= end + 1 - at
    // Real headers point each string at its own bytes; entries overlapping the same long
    // run again and again would make this check quadratic.
    if (budget.left < 0) throw new RpmHeaderError(`${where}: string entries overlap far more than a real header's do`)
    at = end + 1
  }
}

/** Only called on verified entries, so the terminating NUL is known to be there. */
function readFirstString(data: Uint8Array, offset: number): string {
  return utf8.decode(data.subarray(offset, data.indexOf(0, offset)))
}
