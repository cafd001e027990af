/**
 * Just enough ELF (System V gABI) to find data in an executable: the file header, the
 * section headers (with names) and the program headers, for 32/64-bit and either byte
 * order. Every offset and count is checked against the file before it is read.
 */

export class ElfError extends Error {
  override name = 'ElfError'
}

export interface ElfSection {
  name: string
  type: number
  addr: number
  offset: number
  size: number
}

export interface ElfSegment {
  type: number
  flags: number
  offset: number
  vaddr: number
  filesz: number
  memsz: number
}

export interface ElfFile {
  is64: boolean
  littleEndian: boolean
  sections: ElfSection[]
  segments: ElfSegment[]
}

export const SHT_NOBITS = 8
export const PT_LOAD = 1
export const PF_X = 1
export const PF_W = 2

export const isElf = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46

class Fields {
  private readonly view: DataView
  constructor(
    private readonly bytes: Uint8Array,
    private readonly le: boolean,
    private readonly is64: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }
  private need(at: number, n: number): void {
    if (at < 0 || at + n > this.bytes.length) throw new ElfError(`field at ${at} is past the end of the ${this.bytes.length}-byte file`)
  }
  u16(at: number): number {
    this.need(at, 2)
    return this.view.getUint16(at, this.le)
  }
  u32(at: number): number {
    this.need(at, 4)
    return this.view.getUint32(at, this.le)
  }
  /** An address or offset: 8 bytes on ELF64, 4 on ELF32. */
  word(at: number): number {
    if (!this.is64) return this.u32(at)
    this.need(at, 8)
    const v = this.view.getBigUint64(at, this.le)
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ElfError(`64-bit field at ${at} is beyond any real file or address`)
    return Number(v)
  }
}

/** Field offsets of the two ELF classes, from the gABI. */
const LAYOUT = {
  64: { phoff: 32, shoff: 40, phentsize: 54, phnum: 56, shentsize: 58, shnum: 60, shstrndx: 62, sh: { size: 64, addr: 16, offset: 24, secsize: 32 }, ph: { size: 56, flags: 4, offset: 8, vaddr: 16, filesz: 32, memsz: 40 } },
  32: { phoff: 28, shoff: 32, phentsize: 42, phnum: 44, shentsize: 46, shnum: 48, shstrndx: 50, sh: { size: 40, addr: 12, offset: 16, secsize: 20 }, ph: { size: 32, flags: 24, offset: 4, vaddr: 8, filesz: 16, memsz: 20 } },
}

/**
 * Parses the headers of an ELF file; throws ElfError when they are inconsistent.
 *
 * @example parseElf(bytes).sections.find((s) => s.name === '.go.buildinfo')
 */
export function parseElf(bytes: Uint8Array): ElfFile {
  if (!isElf(bytes)) throw new ElfError('not an ELF file')
  if (bytes.length < 52) throw new ElfError(`ELF header truncated at ${bytes.length} bytes`)
  const elfClass = bytes[4]
  const data = bytes[5]
  if ((elfClass !== 1 && elfClass !== 2) || (data !== 1 && data !== 2)) throw new ElfError(`unknown ELF class ${elfClass} or data encoding ${data}`)
  const is64 = elfClass === 2
  const f = new Fields(bytes, data === 1, is64)
  const l = is64 ? LAYOUT[64] : LAYOUT[32]

  const table = (offset: number, count: number, entsize: number, minSize: number, what: string) => {
    if (count === 0) return []
    if (entsize < minSize) throw new ElfError(`${what} entries of ${entsize} bytes are smaller than the ${minSize} the format needs`)
    if (offset <= 0 || offset + count * entsize > bytes.length) throw new ElfError(`${count} ${what} entries at ${offset} run past the end of the file`)
    return Array.from({ length: count }, (_, i) => offset + i * entsize)
  }

  const segments = table(f.word(l.phoff), f.u16(l.phnum), f.u16(l.phentsize), l.ph.size, 'program header').map(
    (at): ElfSegment => ({ type: f.u32(at), flags: f.u32(at + l.ph.flags), offset: f.word(at + l.ph.offset), vaddr: f.word(at + l.ph.vaddr), filesz: f.word(at + l.ph.filesz), memsz: f.word(at + l.ph.memsz) }),
  )
  const rawSections = table(f.word(l.shoff), f.u16(l.shnum), f.u16(l.shentsize), l.sh.size, 'section header').map((at) => ({
    nameOffset: f.u32(at),
    type: f.u32(at + 4),
    addr: f.word(at + l.sh.addr),
    offset: f.word(at + l.sh.offset),
    size: f.word(at + l.sh.secsize),
  }))
  for (const s of rawSections) if (s.type !== SHT_NOBITS && s.size > 0 && s.offset + s.size > bytes.length) throw new ElfError(`a section at ${s.offset} of ${s.size} bytes runs past the end of the file`)
  for (const p of segments) if (p.filesz > 0 && p.offset + p.filesz > bytes.length) throw new ElfError(`a segment at ${p.offset} of ${p.filesz} bytes runs past the end of the file`)

  const strtab = rawSections[f.u16(l.shstrndx)]
  const nameOf = (offset: number): string => {
    if (!strtab || strtab.type === SHT_NOBITS || offset >= strtab.size) return ''
    const start = strtab.offset + offset
    const end = bytes.indexOf(0, start)
    return end === -1 || end >= strtab.offset + strtab.size ? '' : Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1')
  }
  const sections = rawSections.map(({ nameOffset, ...s }): ElfSection => ({ name: nameOf(nameOffset), ...s }))
  return { is64, littleEndian: data === 1, sections, segments }
}

/**
 * Bytes at a virtual address, through the PT_LOAD segment that maps it; at most `length`
 * and never past the segment's file bytes. Undefined when no segment maps the address.
 */
export function readAtAddress(elf: ElfFile, bytes: Uint8Array, addr: number, length: number): Uint8Array | undefined {
  for (const p of elf.segments) {
    if (p.type !== PT_LOAD || addr < p.vaddr || addr >= p.vaddr + p.filesz) continue
    const start = p.offset + (addr - p.vaddr)
    return bytes.subarray(start, start + Math.min(length, p.filesz - (addr - p.vaddr)))
  }
  return undefined
}
