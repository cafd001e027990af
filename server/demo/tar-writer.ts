/**
 * A small deterministic tar writer (ustar, with pax headers for long names). It writes
 * exactly what it is given — no normalisation of `../` or absolute names — because it
 * also builds hostile test layers; demo images get fixed times so digests never change.
 */
export interface TarEntry {
  path: string
  type?: 'file' | 'dir' | 'symlink' | 'hardlink'
  content?: Buffer | string
  mode?: number
  uid?: number
  gid?: number
  mtime?: Date
  linkname?: string
}

export const FIXED_MTIME = new Date('2024-01-01T00:00:00Z')
const typeFlag = { file: '0', hardlink: '1', symlink: '2', dir: '5' } as const

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0'
}

function header(name: string, opts: { size: number; type: string; mode: number; uid: number; gid: number; mtime: number; linkname: string }): Buffer {
  const h = Buffer.alloc(512)
  h.write(name, 0, 100, 'utf8')
  h.write(octal(opts.mode, 8), 100, 'ascii')
  h.write(octal(opts.uid, 8), 108, 'ascii')
  h.write(octal(opts.gid, 8), 116, 'ascii')
  h.write(octal(opts.size, 12), 124, 'ascii')
  h.write(octal(opts.mtime, 12), 136, 'ascii')
  h.write('        ', 148, 'ascii') // checksum is computed over spaces
  h.write(opts.type, 156, 'ascii')
  h.write(opts.linkname, 157, 100, 'utf8')
  h.write('ustar\u000000', 257, 'ascii')
  h.write('root', 265, 'ascii')
  h.write('root', 297, 'ascii')
  let sum = 0
  for (const b of h) sum += b
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii')
  return h
}

function pad(buf: Buffer): Buffer[] {
  const rest = buf.length % 512
  return rest ? [buf, Buffer.alloc(512 - rest)] : [buf]
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`
  let len = Buffer.byteLength(body) + 1
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body)
  return `${len}${body}`
}

/** Builds a whole tar archive in memory; ends with the two zero blocks tar expects. */
export function createTar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = []
  for (const e of entries) {
    const type = e.type ?? 'file'
    const content = type === 'file' ? Buffer.from(e.content ?? '') : Buffer.alloc(0)
    const mtime = Math.floor((e.mtime ?? FIXED_MTIME).getTime() / 1000)
    const base = { mode: e.mode ?? (type === 'dir' ? 0o755 : 0o644), uid: e.uid ?? 0, gid: e.gid ?? 0, mtime, linkname: e.linkname ?? '' }
    const name = type === 'dir' && !e.path.endsWith('/') ? `${e.path}/` : e.path
    if (Buffer.byteLength(name) > 100 || Buffer.byteLength(base.linkname) > 100) {
      let pax = paxRecord('path', name)
      if (base.linkname) pax += paxRecord('linkpath', base.linkname)
      const body = Buffer.from(pax)
      parts.push(header('PaxHeader', { ...base, size: body.length, type: 'x', linkname: '' }), ...pad(body))
    }
    parts.push(header(name.slice(0, 100), { ...base, linkname: base.linkname.slice(0, 100), size: content.length, type: typeFlag[type] }))
    if (content.length) parts.push(...pad(content))
  }
  parts.push(Buffer.alloc(1024))
  return Buffer.concat(parts)
}
