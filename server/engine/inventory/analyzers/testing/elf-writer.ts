/**
 * Test material: ELF executables laid out as the Go linker lays them out (a read-only
 * text segment, then a writable data segment whose first section is `.go.buildinfo`), and
 * Go build info in both formats, byte for byte as the format documents it. There is no
 * Go toolchain on the build machines, so binaries are written rather than compiled.
 */

export interface ElfSectionSpec {
  name: string
  size: number
  /** Content, given the virtual address of every section (old-format pointers need them). */
  content: (addressOf: (name: string) => number) => Uint8Array
}

export interface ElfSpec {
  is64?: boolean
  bigEndian?: boolean
  sections: ElfSectionSpec[]
  /** false writes no section header table (as `strip --strip-section-headers` does). */
  sectionHeaders?: boolean
}

const TEXT_BASE = 0x400000
const DATA_BASE = 0x500000
const align = (n: number, a: number) => Math.ceil(n / a) * a

class Writer {
  constructor(
    readonly buf: Buffer,
    private readonly be: boolean,
    private readonly is64: boolean,
  ) {}
  u16(at: number, v: number) {
    if (this.be) this.buf.writeUInt16BE(v, at)
    else this.buf.writeUInt16LE(v, at)
  }
  u32(at: number, v: number) {
    if (this.be) this.buf.writeUInt32BE(v, at)
    else this.buf.writeUInt32LE(v, at)
  }
  word(at: number, v: number) {
    if (!this.is64) return this.u32(at, v)
    if (this.be) this.buf.writeBigUInt64BE(BigInt(v), at)
    else this.buf.writeBigUInt64LE(BigInt(v), at)
  }
}

/** An ELF executable with the given data sections in one writable PT_LOAD. */
export function buildElf(spec: ElfSpec): Buffer {
  const is64 = spec.is64 ?? true
  const be = spec.bigEndian ?? false
  const ehsize = is64 ? 64 : 52
  const phentsize = is64 ? 56 : 32
  const shentsize = is64 ? 64 : 40
  const phoff = ehsize
  const textEnd = phoff + 2 * phentsize
  // Sections follow, 16-aligned, at offsets congruent to their addresses.
  const offsets = new Map<string, number>()
  let at = align(textEnd, 16)
  const dataStart = at
  for (const s of spec.sections) {
    offsets.set(s.name, at)
    at = align(at + s.size, 16)
  }
  const dataEnd = at
  const names = ['', ...spec.sections.map((s) => s.name), '.shstrtab']
  const shstrtab = Buffer.from(names.map((n) => `${n}\0`).join(''))
  const shstrtabOffset = dataEnd
  const shoff = align(shstrtabOffset + shstrtab.length, 8)
  const withHeaders = spec.sectionHeaders ?? true
  const total = withHeaders ? shoff + names.length * shentsize : shoff
  const w = new Writer(Buffer.alloc(total), be, is64)
  const addressOf = (name: string) => DATA_BASE + (offsets.get(name) ?? 0)

  // e_ident, then the header fields of ELF32/ELF64.
  w.buf.set([0x7f, 0x45, 0x4c, 0x46, is64 ? 2 : 1, be ? 2 : 1, 1, 0], 0)
  w.u16(16, 2) // ET_EXEC
  w.u16(18, is64 ? (be ? 21 : 62) : be ? 8 : 3) // PPC64 / x86-64 / MIPS / 386
  w.u32(20, 1)
  w.word(24, TEXT_BASE + textEnd)
  w.word(is64 ? 32 : 28, phoff)
  w.word(is64 ? 40 : 32, withHeaders ? shoff : 0)
  w.u16(is64 ? 52 : 40, ehsize)
  w.u16(is64 ? 54 : 42, phentsize)
  w.u16(is64 ? 56 : 44, 2)
  w.u16(is64 ? 58 : 46, withHeaders ? shentsize : 0)
  w.u16(is64 ? 60 : 48, withHeaders ? names.length : 0)
  w.u16(is64 ? 62 : 50, withHeaders ? names.length - 1 : 0)

  const segment = (i: number, flags: number, offset: number, vaddr: number, size: number) => {
    const p = phoff + i * phentsize
    w.u32(p, 1) // PT_LOAD
    if (is64) {
      w.u32(p + 4, flags)
      w.word(p + 8, offset)
      w.word(p + 16, vaddr)
      w.word(p + 24, vaddr)
      w.word(p + 32, size)
      w.word(p + 40, size)
      w.word(p + 48, 0x1000)
    } else {
      w.word(p + 4, offset)
      w.word(p + 8, vaddr)
      w.word(p + 12, vaddr)
      w.word(p + 16, size)
      w.word(p + 20, size)
      w.u32(p + 24, flags)
      w.u32(p + 28, 0x1000)
    }
  }
  segment(0, 5, 0, TEXT_BASE, textEnd) // R+X
  segment(1, 6, dataStart, DATA_BASE + dataStart, dataEnd - dataStart) // R+W

  for (const s of spec.sections) {
    const content = s.content(addressOf)
    if (content.length > s.size) throw new Error(`section ${s.name} content is larger than its declared size`)
    w.buf.set(content, offsets.get(s.name) ?? 0)
  }
  w.buf.set(shstrtab, shstrtabOffset)
  if (withHeaders) {
    let nameOffset = 0
    names.forEach((name, i) => {
      const h = shoff + i * shentsize
      const isStrtab = name === '.shstrtab'
      w.u32(h, nameOffset)
      nameOffset += name.length + 1
      if (i === 0) return
      w.u32(h + 4, isStrtab ? 3 : 1) // SHT_STRTAB / SHT_PROGBITS
      w.word(h + 8, isStrtab ? 0 : 3) // SHF_WRITE | SHF_ALLOC
      w.word(h + (is64 ? 16 : 12), isStrtab ? 0 : addressOf(name))
      w.word(h + (is64 ? 24 : 16), isStrtab ? shstrtabOffset : (offsets.get(name) ?? 0))
      w.word(h + (is64 ? 32 : 20), isStrtab ? shstrtab.length : (spec.sections.find((s) => s.name === name)?.size ?? 0))
    })
  }
  return w.buf
}

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1')
const INFO_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex')
const INFO_END = Buffer.from('f932433186182072008242104116d8f2', 'hex')

/** The module info string as cmd/go embeds it: the text between two 16-byte sentinels. */
export const framedModInfo = (text: string): Buffer => Buffer.concat([INFO_START, Buffer.from(text), INFO_END])

function uvarint(n: number): Buffer {
  const out: number[] = []
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80)
    n = Math.floor(n / 128)
  }
  out.push(n)
  return Buffer.from(out)
}

/** Go ≥ 1.18's `.go.buildinfo`: header with flags 2, then both strings inline, padded to 16. */
export function inlineBuildInfo(goVersion: string, modinfo: Buffer, opts: { ptrSize?: number; bigEndian?: boolean } = {}): Buffer {
  const header = Buffer.alloc(32)
  MAGIC.copy(header)
  header[14] = opts.ptrSize ?? 8
  header[15] = 2 | (opts.bigEndian ? 1 : 0)
  const version = Buffer.from(goVersion)
  const body = Buffer.concat([header, uvarint(version.length), version, uvarint(modinfo.length), modinfo])
  return Buffer.concat([body, Buffer.alloc(align(body.length, 16) - body.length)])
}

/**
 * Go < 1.18: `.go.buildinfo` holds the header and two pointers to Go string headers
 * (`runtime.buildVersion`, `runtime.modinfo`) kept in `.noptrdata` with the string bytes.
 * Returns both sections for buildElf.
 */
export function pointerBuildInfoSections(goVersion: string, modinfo: Buffer, opts: { is64?: boolean; bigEndian?: boolean } = {}): ElfSectionSpec[] {
  const ptr = (opts.is64 ?? true) ? 8 : 4
  const be = opts.bigEndian ?? false
  const version = Buffer.from(goVersion)
  const writePtr = (b: Buffer, at: number, v: number) => (ptr === 8 ? (be ? b.writeBigUInt64BE(BigInt(v), at) : b.writeBigUInt64LE(BigInt(v), at)) : be ? b.writeUInt32BE(v, at) : b.writeUInt32LE(v, at))
  // .noptrdata: [version string header][modinfo string header][version bytes][modinfo bytes]
  const noptrSize = 4 * ptr + version.length + modinfo.length
  return [
    {
      name: '.go.buildinfo',
      size: 32,
      content: (addressOf) => {
        const h = Buffer.alloc(32)
        MAGIC.copy(h)
        h[14] = ptr
        h[15] = be ? 1 : 0
        writePtr(h, 16, addressOf('.noptrdata'))
        writePtr(h, 16 + ptr, addressOf('.noptrdata') + 2 * ptr)
        return h
      },
    },
    {
      name: '.noptrdata',
      size: noptrSize,
      content: (addressOf) => {
        const base = addressOf('.noptrdata')
        const d = Buffer.alloc(noptrSize)
        writePtr(d, 0, base + 4 * ptr)
        writePtr(d, ptr, version.length)
        writePtr(d, 2 * ptr, base + 4 * ptr + version.length)
        writePtr(d, 3 * ptr, modinfo.length)
        version.copy(d, 4 * ptr)
        modinfo.copy(d, 4 * ptr + version.length)
        return d
      },
    },
  ]
}

/** A Go ≥ 1.18 binary: `.go.buildinfo` first in the data segment, then some other data. */
export function goBinary(goVersion: string, modinfoText: string, spec: Omit<ElfSpec, 'sections'> = {}): Buffer {
  const info = inlineBuildInfo(goVersion, framedModInfo(modinfoText), { ptrSize: (spec.is64 ?? true) ? 8 : 4, bigEndian: spec.bigEndian })
  return buildElf({
    ...spec,
    sections: [
      { name: '.go.buildinfo', size: info.length, content: () => info },
      { name: '.noptrdata', size: 64, content: () => Buffer.alloc(64, 0x11) },
    ],
  })
}
