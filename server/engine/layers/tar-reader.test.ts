import { readFileSync } from 'node:fs'
import { Parser, type ReadEntry } from 'tar'
import { describe, expect, it } from 'vitest'
import { createTar, type TarEntry, type TarEntryType } from '../../demo/tar-writer'
import type { TarEntryHeader } from './layer-index-builder'
import { parseNumeric, parsePax, type TarEndState, TarReader, type TarWarningCode } from './tar-reader'

interface Read {
  entries: (TarEntryHeader & { content?: string })[]
  unsupported: TarEntryHeader[]
  warnings: { code: TarWarningCode; message: string }[]
  end: TarEndState
}

/** Runs the reader over `tar` in chunks of `chunk` bytes, keeping the content of every file. */
function read(tar: Buffer, chunk = tar.length || 1, opts: { maxMetaEntrySize?: number; want?: (h: TarEntryHeader) => boolean } = {}): Read {
  const out: Read = { entries: [], unsupported: [], warnings: [], end: { eof: false, sawHeader: false, missingBytes: 0, partialHeaderBytes: 0 } }
  let parts: Buffer[] | undefined
  const reader = new TarReader(
    {
      entry(header) {
        out.entries.push({ ...header })
        const want = opts.want ? opts.want(header) : header.type === 'File' || header.type === 'ContiguousFile'
        parts = want ? [] : undefined
        return want
      },
      data: (bytes) => parts?.push(Buffer.from(bytes)),
      end() {
        const last = out.entries.at(-1)
        if (last && parts) last.content = Buffer.concat(parts).toString('utf8')
        parts = undefined
      },
      unsupported: (header) => out.unsupported.push({ ...header }),
      warn: (code, message) => out.warnings.push({ code, message }),
    },
    { maxMetaEntrySize: opts.maxMetaEntrySize ?? 1024 * 1024 },
  )
  for (let i = 0; i < tar.length; i += chunk) reader.write(tar.subarray(i, i + chunk))
  out.end = reader.end()
  return out
}

/** What node-tar makes of the same bytes, in the same shape. */
function readWithNodeTar(tar: Buffer): TarEntryHeader[] {
  const out: TarEntryHeader[] = []
  const parser = new Parser({ strict: true, brotli: false, zstd: false, onReadEntry: (e: ReadEntry) => {
    out.push({ path: e.path, type: e.type, size: e.size, mode: e.mode ?? 0, uid: e.uid ?? 0, gid: e.gid ?? 0, linkpath: e.type === 'Link' || e.type === 'SymbolicLink' ? e.linkpath : undefined })
    e.resume()
  } })
  parser.end(tar)
  return out
}

const fixture = (name: string) => readFileSync(new URL(`testdata/${name}`, import.meta.url))
const D60 = 'd'.repeat(60)
const E60 = 'e'.repeat(60)
const LONG = `usr/share/${D60}/${E60}/pkgs.txt`
const shape = (entries: TarEntryHeader[]) => entries.map((e) => [e.path, e.type, e.size, (e.mode ?? 0).toString(8), e.linkpath ?? ''])

/** One raw 512-byte header with a correct checksum, for hand-made hostile archives. */
function header(f: { name: string; type?: string; size?: number | Buffer; mode?: number; linkname?: string; magic?: 'ustar' | 'gnu' | 'none'; checksum?: 'bad' }): Buffer {
  const h = Buffer.alloc(512)
  h.write(f.name, 0, 100, 'utf8')
  h.write(`${(f.mode ?? 0o644).toString(8).padStart(7, '0')}\0`, 100, 'latin1')
  h.write('0000000\0', 108, 'latin1')
  h.write('0000000\0', 116, 'latin1')
  if (Buffer.isBuffer(f.size)) f.size.copy(h, 124, 0, 12)
  else h.write(`${(f.size ?? 0).toString(8).padStart(11, '0')}\0`, 124, 'latin1')
  h.write('00000000000\0', 136, 'latin1')
  h.write(f.type ?? '0', 156, 'latin1')
  if (f.linkname) h.write(f.linkname, 157, 100, 'utf8')
  if (f.magic !== 'none') h.write(f.magic === 'gnu' ? 'ustar  \0' : 'ustar\u000000', 257, 'latin1')
  h.fill(0x20, 148, 156)
  let sum = 0
  for (const b of h) sum += b
  h.write(`${(f.checksum === 'bad' ? sum + 1 : sum).toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
  return h
}
const body = (text: string | Buffer) => {
  const b = Buffer.isBuffer(text) ? text : Buffer.from(text)
  return Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)])
}
const paxBody = (records: [string, string][]) =>
  records
    .map(([k, v]) => {
      const rest = ` ${k}=${v}\n`
      let len = Buffer.byteLength(rest) + 1
      while (String(len).length + Buffer.byteLength(rest) !== len) len = String(len).length + Buffer.byteLength(rest)
      return `${len}${rest}`
    })
    .join('')
const END = Buffer.alloc(1024)

describe('TarReader on archives written by GNU tar', () => {
  const expected = [
    ['usr/', 'Directory', 0, '755', ''],
    ['usr/os-release', 'File', 29, '644', ''],
    ['usr/share/', 'Directory', 0, '755', ''],
    [`usr/share/${D60}/`, 'Directory', 0, '755', ''],
    [`usr/share/${D60}/${E60}/`, 'Directory', 0, '755', ''],
    [LONG, 'File', 15, '644', ''],
    ['etc/', 'Directory', 0, '755', ''],
    ['etc/os-release', 'SymbolicLink', 0, '777', '../usr/os-release'],
    ['etc/os-release-hard', 'Link', 0, '644', 'usr/os-release'],
    ['app/', 'Directory', 0, '755', ''],
    ['app/café-menu.txt', 'File', 6, '644', ''],
    ['app/long-link', 'SymbolicLink', 0, '777', `../${LONG}`],
    ['app/setuid-tool', 'File', 1, '4755', ''],
  ]

  it('reads GNU long names and long link targets (L and K headers)', () => {
    const r = read(fixture('gnu.tar'))
    expect(shape(r.entries)).toEqual(expected)
    expect(r.entries.find((e) => e.path === LONG)?.content).toBe('long path file\n')
    expect(r.entries.find((e) => e.path === 'app/café-menu.txt')?.content).toBe('café\n')
    expect(r.warnings).toEqual([])
    expect(r.end).toEqual({ eof: true, sawHeader: true, missingBytes: 0, partialHeaderBytes: 0 })
  })

  it('reads pax headers (long and non-ASCII names, long link targets) to the same entries', () => {
    const r = read(fixture('pax.tar'))
    expect(shape(r.entries)).toEqual(expected)
    expect(r.entries.find((e) => e.path === LONG)?.content).toBe('long path file\n')
    expect(r.warnings).toEqual([])
  })

  it('joins the ustar prefix field to the name', () => {
    const r = read(fixture('ustar.tar'))
    expect(r.entries.map((e) => e.path)).toEqual(['usr/share/', `usr/share/${D60}/`, `usr/share/${D60}/${E60}/`, LONG])
    expect(r.entries.at(-1)?.content).toBe('long path file\n')
  })

  it('reads base-256 ids (GNU) and pax ids alike, and a base-256 size', () => {
    for (const name of ['gnu-bigid.tar', 'pax-bigid.tar', 'gnu-b256size.tar']) {
      const r = read(fixture(name))
      expect(r.entries, name).toEqual([expect.objectContaining({ path: 'usr/os-release', size: 29, uid: 3000000, gid: 4000000, content: 'ID=ubuntu\nVERSION_ID="22.04"\n' })])
    }
  })

  it('skips an old GNU sparse file with its sparse-map extension blocks, and reads the next entry intact', () => {
    const r = read(fixture('sparse.tar'))
    expect(r.unsupported).toEqual([expect.objectContaining({ path: 'sparse.bin', type: 'SparseFile' })])
    expect(r.entries).toEqual([expect.objectContaining({ path: 'usr/os-release', content: 'ID=ubuntu\nVERSION_ID="22.04"\n' })])
    expect(r.warnings).toEqual([])
    expect(r.end.eof).toBe(true)
  })

  it('gives the same result whatever the chunking, down to one byte at a time', () => {
    for (const name of ['gnu.tar', 'pax.tar', 'ustar.tar', 'sparse.tar', 'gnu-b256size.tar']) {
      const tar = fixture(name)
      const whole = read(tar)
      for (const chunk of [1, 7, 511, 512, 513, 4096]) expect(read(tar, chunk), `${name} in ${chunk}-byte chunks`).toEqual(whole)
    }
  })

  it('agrees with node-tar on every entry of the GNU tar fixtures', () => {
    for (const name of ['gnu.tar', 'pax.tar', 'ustar.tar', 'gnu-bigid.tar', 'pax-bigid.tar', 'gnu-b256size.tar']) {
      const tar = fixture(name)
      expect(read(tar).entries.map(({ content: _, ...h }) => h), name).toEqual(readWithNodeTar(tar))
    }
  })

  it('agrees with node-tar on generated archives of every entry type, names long and short', () => {
    const types: TarEntryType[] = ['file', 'dir', 'symlink', 'hardlink', 'chardev', 'blockdev', 'fifo']
    let seed = 7
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let round = 0; round < 30; round++) {
      const entries: TarEntry[] = Array.from({ length: 1 + rand(25) }, (_, i) => {
        const type = types[rand(types.length)] ?? 'file'
        const name = `${'n'.repeat(1 + rand(3) * 60)}/${i}-${'é'.repeat(rand(2) * 40)}${type === 'dir' ? '/' : ''}`
        return {
          path: name,
          type,
          ...(type === 'file' ? { content: Buffer.alloc(rand(3000), 0x61 + (i % 26)) } : {}),
          ...(type === 'symlink' || type === 'hardlink' ? { linkname: `t/${'l'.repeat(rand(3) * 70)}${i}` } : {}),
          mode: rand(0o7777),
          uid: rand(3) === 0 ? 2 ** 22 + i : i,
        }
      })
      const tar = createTar(entries)
      const mine = read(tar, 1 + rand(2000))
      expect(mine.entries.map(({ content: _, ...h }) => h)).toEqual(readWithNodeTar(tar))
      const files = entries.filter((e) => (e.type ?? 'file') === 'file')
      expect(mine.entries.filter((e) => e.type === 'File').map((e) => e.content)).toEqual(files.map((e) => (e.content as Buffer).toString('utf8')))
    }
  })
})

describe('TarReader: where readers disagree, it reads as containerd (Go archive/tar) unpacks', () => {
  it('gives header-only types (links, devices, directories) no content whatever their size field says', () => {
    // node-tar would skip 1024 bytes after the symlink and swallow the file that follows.
    const tar = Buffer.concat([header({ name: 'link', type: '2', linkname: 'target', size: 1024 }), header({ name: 'hidden', size: 3 }), body('abc'), END])
    const r = read(tar)
    expect(r.entries.map((e) => [e.path, e.size])).toEqual([
      ['link', 0],
      ['hidden', 3],
    ])
    expect(r.entries[1]?.content).toBe('abc')
  })

  it('reads a regular file whose header also names a link target (node-tar drops it)', () => {
    const r = read(Buffer.concat([header({ name: 'etc/shadow', linkname: 'whatever', size: 2 }), body('x\n'), END]))
    expect(r.entries).toEqual([expect.objectContaining({ path: 'etc/shadow', type: 'File', linkpath: undefined, content: 'x\n' })])
  })

  it('lets a GNU long name override a pax path, and applies pax records to the next file entry only', () => {
    const pax = paxBody([['path', 'from-pax']])
    const tar = Buffer.concat([header({ name: 'p', type: 'x', size: pax.length }), body(pax), header({ name: '././@LongLink', type: 'L', size: 8 }), body('from-gnu'), header({ name: 'short' }), header({ name: 'next' }), END])
    expect(read(tar).entries.map((e) => e.path)).toEqual(['from-gnu', 'next'])
  })

  it('lets a second pax header replace the first rather than add to it', () => {
    const first = paxBody([['path', 'first'], ['uid', '5']])
    const second = paxBody([['path', 'second']])
    const tar = Buffer.concat([header({ name: 'x', type: 'x', size: first.length }), body(first), header({ name: 'x', type: 'x', size: second.length }), body(second), header({ name: 'f', type: '5' }), END])
    expect(read(tar).entries).toEqual([expect.objectContaining({ path: 'second', uid: 0 })])
  })

  it('ignores global pax records, and keeps the header value for an empty pax value', () => {
    const global = paxBody([['path', 'global-name'], ['uid', '99']])
    const local = paxBody([['path', ''], ['size', '']])
    const tar = Buffer.concat([header({ name: 'g', type: 'g', size: global.length }), body(global), header({ name: 'x', type: 'x', size: local.length }), body(local), header({ name: 'own-name', size: 2 }), body('ok'), END])
    expect(read(tar).entries).toEqual([expect.objectContaining({ path: 'own-name', uid: 0, size: 2, content: 'ok' })])
  })

  it('applies a pax size over the header size, for both content and skipping', () => {
    const pax = paxBody([['size', '600']])
    const tar = Buffer.concat([header({ name: 'x', type: 'x', size: pax.length }), body(pax), header({ name: 'big', size: 1 }), body(Buffer.alloc(600, 0x62)), header({ name: 'after', size: 1 }), body('z'), END])
    const r = read(tar)
    expect(r.entries.map((e) => [e.path, e.size, e.content?.length])).toEqual([
      ['big', 600, 600],
      ['after', 1, 1],
    ])
  })

  it('takes a NUL typeflag with a trailing slash for a directory, and NUL otherwise for a file', () => {
    const tar = Buffer.concat([header({ name: 'old-dir/', type: '\0' }), header({ name: 'old-file', type: '\0', size: 1 }), body('f'), header({ name: 'new-file/', type: '0' }), END])
    expect(read(tar).entries.map((e) => [e.path, e.type])).toEqual([
      ['old-dir/', 'Directory'],
      ['old-file', 'File'],
      ['new-file/', 'File'],
    ])
  })

  it('uses the prefix field only with the POSIX ustar magic', () => {
    const withPrefix = (magic: 'ustar' | 'gnu') => {
      const h = header({ name: 'name', magic })
      h.write('prefix', 345, 'latin1')
      h.fill(0x20, 148, 156)
      let sum = 0
      for (const b of h) sum += b
      h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
      return read(Buffer.concat([h, END])).entries[0]?.path
    }
    expect(withPrefix('ustar')).toBe('prefix/name')
    expect(withPrefix('gnu')).toBe('name')
  })
})

describe('TarReader: hostile and broken input', () => {
  it('skips a header that fails its checksum with a warning, and goes on', () => {
    const tar = Buffer.concat([header({ name: 'a', type: '5' }), header({ name: 'evil', type: '5', checksum: 'bad' }), header({ name: 'b', size: 1 }), body('b'), END])
    const r = read(tar)
    expect(r.entries.map((e) => e.path)).toEqual(['a', 'b'])
    expect(r.warnings.map((w) => w.code)).toEqual(['tar-entry-invalid'])
  })

  it('does not carry pax records over a broken header to the next entry', () => {
    const pax = paxBody([['path', 'smuggled']])
    const tar = Buffer.concat([header({ name: 'x', type: 'x', size: pax.length }), body(pax), header({ name: 'broken', checksum: 'bad' }), header({ name: 'plain', type: '5' }), END])
    expect(read(tar).entries.map((e) => e.path)).toEqual(['plain'])
  })

  it('refuses sizes that are negative, unsafe or unreadable', () => {
    const negative = Buffer.from([0xff, ...Array<number>(11).fill(0xff)])
    const huge = Buffer.from([0x80, 0x7f, ...Array<number>(10).fill(0xff)])
    const garbage = Buffer.from('12x45678901\0', 'latin1')
    for (const size of [negative, huge, garbage]) {
      const r = read(Buffer.concat([header({ name: 'f', size }), header({ name: 'next', type: '5' }), END]))
      expect(r.entries.map((e) => e.path)).toEqual(['next'])
      expect(r.warnings.map((w) => w.code)).toEqual(['tar-entry-invalid'])
    }
  })

  it('skips a meta header over the size limit (falling back to the ustar name) and a malformed pax record', () => {
    const big = paxBody([['path', 'p'.repeat(300)]])
    const r = read(Buffer.concat([header({ name: 'x', type: 'x', size: big.length }), body(big), header({ name: 'fallback', type: '5' }), END]), undefined, { maxMetaEntrySize: 64 })
    expect(r.entries.map((e) => e.path)).toEqual(['fallback'])
    expect(r.warnings.map((w) => w.code)).toEqual(['tar-meta-too-large'])
    const bad = '30 path=first\n99 path=overruns\n'
    const r2 = read(Buffer.concat([header({ name: 'x', type: 'x', size: bad.length }), body(bad), header({ name: 'name', type: '5' }), END]))
    expect(r2.warnings.map((w) => w.code)).toEqual(['tar-entry-invalid'])
    expect(r2.entries.map((e) => e.path)).toEqual(['name'])
  })

  it('keeps a NUL inside a pax path (the walker drops such names), and skips links without a target', () => {
    const pax = paxBody([['path', 'etc/pass\0wd']])
    const r = read(Buffer.concat([header({ name: 'x', type: 'x', size: pax.length }), body(pax), header({ name: 'n', type: '5' }), header({ name: 'dangling', type: '2' }), END]))
    expect(r.entries.map((e) => e.path)).toEqual(['etc/pass\0wd'])
    expect(r.warnings.map((w) => w.code)).toEqual(['tar-entry-invalid'])
  })

  it('reports an unknown type as unsupported and skips its content', () => {
    const r = read(Buffer.concat([header({ name: 'weird', type: 'Z', size: 700 }), body(Buffer.alloc(700, 0x41)), header({ name: 'ok', type: '5' }), END]))
    expect(r.unsupported).toEqual([expect.objectContaining({ path: 'weird', type: 'Unsupported', size: 700 })])
    expect(r.entries.map((e) => e.path)).toEqual(['ok'])
  })

  it('says where a cut tar stopped: inside content, inside a header, or before the end marker', () => {
    const tar = Buffer.concat([header({ name: 'a', size: 1000 }), body(Buffer.alloc(1000, 0x61)), END])
    expect(read(tar.subarray(0, 800)).end).toMatchObject({ eof: false, missingBytes: 1024 - 288 })
    expect(read(tar.subarray(0, 1536 + 100)).end).toMatchObject({ eof: false, missingBytes: 0, partialHeaderBytes: 100 })
    expect(read(tar.subarray(0, 1536)).end).toMatchObject({ eof: false, missingBytes: 0, partialHeaderBytes: 0 })
  })

  it('stops at the end-of-archive marker and ignores what follows', () => {
    const r = read(Buffer.concat([header({ name: 'a', type: '5' }), END, header({ name: 'after-the-end', type: '5' })]))
    expect(r.entries.map((e) => e.path)).toEqual(['a'])
    expect(r.end.eof).toBe(true)
  })

  it('lets a handler stop the read by throwing', () => {
    const reader = new TarReader(
      {
        entry: () => {
          throw new Error('too many entries')
        },
        data: () => undefined,
        end: () => undefined,
        unsupported: () => undefined,
        warn: () => undefined,
      },
      { maxMetaEntrySize: 1024 },
    )
    expect(() => reader.write(Buffer.concat([header({ name: 'a' }), END]))).toThrow('too many entries')
  })
})

describe('tar field parsers', () => {
  it('reads octal with spaces and NULs around it, anything after a NUL, and base-256', () => {
    const field = (s: string | number[]) => (typeof s === 'string' ? Buffer.from(s, 'latin1') : Buffer.from(s))
    expect(parseNumeric(field('0000755\0'), 0, 8)).toBe(0o755)
    expect(parseNumeric(field('  755 \0\0'), 0, 8)).toBe(0o755)
    expect(parseNumeric(field('755\0junk'), 0, 8)).toBe(0o755)
    expect(parseNumeric(field('\0\0\0\0\0\0\0\0'), 0, 8)).toBe(0)
    expect(parseNumeric(field('75 5\0\0\0\0'), 0, 8)).toBeUndefined()
    expect(parseNumeric(field('0000009\0'), 0, 8)).toBeUndefined()
    expect(parseNumeric(field([0x80, 0, 0, 0, 0, 0, 0x01, 0x00]), 0, 8)).toBe(256)
    expect(parseNumeric(field([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe]), 0, 8)).toBeUndefined()
  })

  it('parses pax records by their length, so values may hold newlines', () => {
    const b = Buffer.from(paxBody([['path', 'a\nb'], ['SCHILY.xattr.user.x', 'v=1']]))
    expect(parsePax(b)).toEqual({ records: [['path', 'a\nb'], ['SCHILY.xattr.user.x', 'v=1']] })
    expect(parsePax(Buffer.from('5 =x\n')).error).toBeDefined()
    expect(parsePax(Buffer.from('abc path=x\n')).error).toBeDefined()
  })
})
