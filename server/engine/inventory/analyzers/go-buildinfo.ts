import { isElf, parseElf, PF_W, PF_X, PT_LOAD, readAtAddress, SHT_NOBITS, type ElfFile } from './elf'

/**
 * The build information the Go linker embeds in every binary (Go's debug/buildinfo,
 * read from the format): a 32-byte header `\xff Go buildinf:`, pointer size, flags, at a
 * 16-byte-aligned spot of `.go.buildinfo` (or of the first writable data segment). With
 * flags&2 (Go ≥ 1.18) the Go version and the module info follow inline as uvarint-prefixed
 * strings; before that, the header holds two pointers to Go string headers.
 */

export class GoBuildInfoError extends Error {
  override name = 'GoBuildInfoError'
}

export interface GoBuildInfo {
  /** `go1.21.3`, possibly with experiments: `go1.22.0 X:boringcrypto`. */
  goVersion: string
  /** The module lines (`path`, `mod`, `dep`, `=>`, `build`), sentinels stripped; '' when built without modules. */
  modinfo: string
}

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1')
const HEADER_SIZE = 32
const ALIGN = 16
/** How much of the data section Go itself searches for the header. */
const SEARCH_BYTES = 64 * 1024
/** No real version or module list comes near this; a bigger length is corruption. */
const MAX_STRING = 16 * 1024 * 1024
const FLAG_INLINE = 2
const FLAG_BIG_ENDIAN = 1

/**
 * The aligned header in the first `searchBytes` of `data`, as a view to the end of `data`
 * (inline strings may run past the searched part). Alignment is relative to the region
 * start, as in Go.
 */
function findHeader(data: Uint8Array, searchBytes: number): Uint8Array | undefined {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  for (let i = buf.indexOf(MAGIC); i !== -1 && i < searchBytes; i = buf.indexOf(MAGIC, i + 1)) {
    if (data.length - i < HEADER_SIZE) return undefined
    if (i % ALIGN === 0) return data.subarray(i)
  }
  return undefined
}

const text = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8')

/** A uvarint-prefixed string at `at`; returns its bytes and where the next one starts. */
function decodeString(data: Uint8Array, at: number): [Uint8Array, number] {
  let length = 0
  let shift = 0
  let i = at
  for (;;) {
    const byte = data[i++]
    if (byte === undefined) throw new GoBuildInfoError('truncated string length')
    length += (byte & 0x7f) * 2 ** shift
    if ((byte & 0x80) === 0) break
    shift += 7
    if (shift > 28) throw new GoBuildInfoError('string length varint is too long')
  }
  if (length > MAX_STRING || i + length > data.length) throw new GoBuildInfoError(`string of ${length} bytes runs past the build info`)
  return [data.subarray(i, i + length), i + length]
}

function readPointer(b: Uint8Array, at: number, size: number, bigEndian: boolean): number {
  if (at + size > b.length) throw new GoBuildInfoError('truncated pointer')
  const view = new DataView(b.buffer, b.byteOffset + at, size)
  return size === 8 ? Number(view.getBigUint64(0, !bigEndian)) : view.getUint32(0, !bigEndian)
}

/** Before Go 1.18: a pointer to a Go string header `{data *byte, len int}` in the data segment. */
function readIndirectString(elf: ElfFile, bytes: Uint8Array, addr: number, ptrSize: number, bigEndian: boolean): Uint8Array {
  const hdr = readAtAddress(elf, bytes, addr, 2 * ptrSize)
  if (!hdr || hdr.length < 2 * ptrSize) throw new GoBuildInfoError(`string header address 0x${addr.toString(16)} is not in the file`)
  const dataAddr = readPointer(hdr, 0, ptrSize, bigEndian)
  const length = readPointer(hdr, ptrSize, ptrSize, bigEndian)
  if (length > MAX_STRING) throw new GoBuildInfoError(`string of ${length} bytes is implausible`)
  const data = readAtAddress(elf, bytes, dataAddr, length)
  if (!data || data.length < length) throw new GoBuildInfoError(`string data at 0x${dataAddr.toString(16)} is not in the file`)
  return data
}

/**
 * Module info is framed by two 16-byte binary sentinels; without both (and the newline
 * before the end one) there is none. Stripped as bytes: the sentinels are not UTF-8.
 */
function stripSentinels(mod: Uint8Array): string {
  return mod.length >= 33 && mod[mod.length - 17] === 0x0a ? text(mod.subarray(16, mod.length - 16)) : ''
}

function decodeHeader(header: Uint8Array, elf: ElfFile | undefined, bytes: Uint8Array): GoBuildInfo | undefined {
  const ptrSize = header[14] ?? 0
  const flags = header[15] ?? 0
  let goVersion: Uint8Array
  let mod: Uint8Array
  if (flags & FLAG_INLINE) {
    const [v, next] = decodeString(header, HEADER_SIZE)
    goVersion = v
    mod = decodeString(header, next)[0]
  } else {
    if (ptrSize !== 4 && ptrSize !== 8) throw new GoBuildInfoError(`pointer size ${ptrSize}`)
    // Pointers need an address map: only ELF is mapped here, so other formats stop at the inline form.
    if (!elf) return undefined
    const bigEndian = (flags & FLAG_BIG_ENDIAN) !== 0
    goVersion = readIndirectString(elf, bytes, readPointer(header, 16, ptrSize, bigEndian), ptrSize, bigEndian)
    mod = readIndirectString(elf, bytes, readPointer(header, 16 + ptrSize, ptrSize, bigEndian), ptrSize, bigEndian)
  }
  if (goVersion.length === 0) return undefined
  return { goVersion: text(goVersion), modinfo: stripSentinels(mod) }
}

/** Where Go looks: the `.go.buildinfo` section, else the first writable, non-executable PT_LOAD. */
function elfSearchRegion(elf: ElfFile, bytes: Uint8Array): Uint8Array | undefined {
  const section = elf.sections.find((s) => s.name === '.go.buildinfo')
  if (section && section.type !== SHT_NOBITS) return bytes.subarray(section.offset, section.offset + section.size)
  const data = elf.segments.find((p) => p.type === PT_LOAD && (p.flags & (PF_X | PF_W)) === PF_W)
  return data ? readAtAddress(elf, bytes, data.vaddr, data.filesz) : undefined
}

const MACHO_MAGICS = new Set([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe])
const isMachO = (b: Uint8Array) => b.length >= 4 && MACHO_MAGICS.has(new DataView(b.buffer, b.byteOffset, 4).getUint32(0))
const isPe = (b: Uint8Array) => b.length >= 2 && b[0] === 0x4d && b[1] === 0x5a

/**
 * The Go build info of an executable; undefined when it is not a Go binary (or not ELF,
 * Mach-O or PE). Throws GoBuildInfoError or ElfError when headers are inconsistent.
 *
 * @example readGoBuildInfo(bytes)?.goVersion // 'go1.21.3'
 */
export function readGoBuildInfo(bytes: Uint8Array): GoBuildInfo | undefined {
  if (isElf(bytes)) {
    const elf = parseElf(bytes)
    const region = elfSearchRegion(elf, bytes)
    const header = region && findHeader(region, SEARCH_BYTES)
    return header ? decodeHeader(header, elf, bytes) : undefined
  }
  // Mach-O and PE put the header at the start of an aligned data section, and section file
  // offsets are at least 16-aligned, so an aligned scan of the file finds the inline form.
  if (isMachO(bytes) || isPe(bytes)) {
    const header = findHeader(bytes, bytes.length)
    return header ? decodeHeader(header, undefined, bytes) : undefined
  }
  return undefined
}

