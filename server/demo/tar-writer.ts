/**
 * A small deterministic tar writer (POSIX ustar headers, pax extended headers where ustar
 * cannot hold a value). It exists so demo images and test layers are byte-for-byte
 * reproducible: same entries in, same bytes (and so the same digests) out.
 *
 * It writes exactly what it is given. Paths are not normalised, `../` and absolute names
 * are kept and directories get no trailing `/` added: hostile test layers depend on that.
 */

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'chardev' | 'blockdev' | 'fifo'

export interface TarEntry {
  /** Written verbatim into the header (pass `dir/` for directories, as tar itself does). */
  path: string
  /** Defaults to `file`. */
  type?: TarEntryType
  content?: Buffer | string
  /** Permission bits including setuid/setgid/sticky, e.g. 0o4755. */
  mode?: number
  uid?: number
  gid?: number
  uname?: string
  gname?: string
  mtime?: Date
  /** Target of a symlink or hardlink. */
  linkname?: string
  /** Device numbers for chardev/blockdev entries. */
  devmajor?: number
  devminor?: number
}

/** Every entry's default mtime: fixed, so nothing depends on when the bytes were made. */
export const FIXED_MTIME = new Date('2024-01-01T00:00:00Z')

const BLOCK = 512
const TYPE_FLAGS: Record<TarEntryType, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  chardev: '3',
  blockdev: '4',
  dir: '5',
  fifo: '6',
}
const DEFAULT_MODES: Record<TarEntryType, number> = {
  file: 0o644,
  hardlink: 0o644,
  symlink: 0o777,
  chardev: 0o600,
  blockdev: 0o600,
  dir: 0o755,
  fifo: 0o644,
}

/**
 * Serialises entries, in the order given, into one uncompressed tar stream ending with the
 * two zero blocks of the format.
 *
 * @example
 * const tar = createTar([
 *   { path: 'etc/', type: 'dir' },
 *   { path: 'etc/hostname', type: 'file', content: 'demo\n' },
 *   { path: 'etc/localtime', type: 'symlink', linkname: '/usr/share/zoneinfo/Etc/UTC' },
 * ])
 */
export function createTar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = []
  for (const entry of entries) parts.push(...entryBlocks(entry))
  parts.push(Buffer.alloc(BLOCK * 2))
  return Buffer.concat(parts)
}

function entryBlocks(entry: TarEntry): Buffer[] {
  const type = entry.type ?? 'file'
  const body = type === 'file' ? toBuffer(entry.content) : Buffer.alloc(0)
  // Silently dropping content would hide a mistake in a test layer.
  if (type !== 'file' && toBuffer(entry.content).length > 0) throw new Error(`tar entry ${entry.path}: only files carry content`)
  const mtime = Math.floor((entry.mtime ?? FIXED_MTIME).getTime() / 1000)
  const uid = entry.uid ?? 0
  const gid = entry.gid ?? 0
  const linkname = entry.linkname ?? ''

  // ustar fields have fixed widths; anything that does not fit goes into a pax record,
  // which readers apply over the ustar value (POSIX.1-2001).
  const pax: [string, string][] = []
  if (Buffer.byteLength(entry.path) > 100) pax.push(['path', entry.path])
  if (Buffer.byteLength(linkname) > 100) pax.push(['linkpath', linkname])
  if (uid > 0o7777777) pax.push(['uid', String(uid)])
  if (gid > 0o7777777) pax.push(['gid', String(gid)])
  if (body.length > 0o77777777777) pax.push(['size', String(body.length)])
  if (Buffer.byteLength(entry.uname ?? '') > 32) pax.push(['uname', entry.uname ?? ''])
  if (Buffer.byteLength(entry.gname ?? '') > 32) pax.push(['gname', entry.gname ?? ''])

  const blocks: Buffer[] = []
  if (pax.length > 0) {
    const paxBody = Buffer.from(pax.map(([k, v]) => paxRecord(k, v)).join(''))
    // The pax header's own name is informational; readers use the records. Derive it from
    // the entry so two runs write the same bytes (GNU tar puts its pid here).
    const paxName = `PaxHeaders/${lastBytes(entry.path.replace(/\/+$/, '').split('/').pop() ?? 'entry', 88)}`
    blocks.push(header({ name: paxName, mode: 0o644, uid: 0, gid: 0, size: paxBody.length, mtime, typeflag: 'x', linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0 }))
    blocks.push(...padded(paxBody))
  }
  blocks.push(
    header({
      name: entry.path,
      mode: entry.mode ?? DEFAULT_MODES[type],
      uid: Math.min(uid, 0o7777777),
      gid: Math.min(gid, 0o7777777),
      size: Math.min(body.length, 0o77777777777),
      mtime,
      typeflag: TYPE_FLAGS[type],
      linkname,
      uname: entry.uname ?? '',
      gname: entry.gname ?? '',
      devmajor: entry.devmajor ?? 0,
      devminor: entry.devminor ?? 0,
    }),
  )
  blocks.push(...padded(body))
  return blocks
}

interface HeaderFields {
  name: string
  mode: number
  uid: number
  gid: number
  size: number
  mtime: number
  typeflag: string
  linkname: string
  uname: string
  gname: string
  devmajor: number
  devminor: number
}

function header(f: HeaderFields): Buffer {
  const h = Buffer.alloc(BLOCK)
  // When the name needs a pax record, the ustar field keeps a truncated copy for readers
  // that ignore pax; the prefix field is deliberately unused so the split never matters.
  writeBytes(h, 0, 100, f.name)
  writeOctal(h, 100, 8, f.mode & 0o7777)
  writeOctal(h, 108, 8, f.uid)
  writeOctal(h, 116, 8, f.gid)
  writeOctal(h, 124, 12, f.size)
  writeOctal(h, 136, 12, f.mtime)
  h.fill(0x20, 148, 156) // checksum is computed with its own field as spaces
  h.write(f.typeflag, 156, 'latin1')
  writeBytes(h, 157, 100, f.linkname)
  h.write('ustar\u000000', 257, 'latin1')
  writeBytes(h, 265, 32, f.uname)
  writeBytes(h, 297, 32, f.gname)
  writeOctal(h, 329, 8, f.devmajor)
  writeOctal(h, 337, 8, f.devminor)
  let sum = 0
  for (const byte of h) sum += byte
  h.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1')
  return h
}

/** `"<len> key=value\n"`, where len counts the whole record including its own digits. */
function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`
  const restLen = Buffer.byteLength(rest)
  let len = restLen + String(restLen).length
  // Adding the length's own digits can add a digit (98 + 2 = 100); settle on a fixed point.
  while (String(len).length + restLen !== len) len = String(len).length + restLen
  return `${len}${rest}`
}

function writeOctal(h: Buffer, offset: number, width: number, value: number): void {
  h.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, offset, 'latin1')
}

function writeBytes(h: Buffer, offset: number, width: number, value: string): void {
  Buffer.from(value).copy(h, offset, 0, Math.min(width, Buffer.byteLength(value)))
}

function lastBytes(value: string, max: number): string {
  const b = Buffer.from(value)
  return b.length <= max ? value : b.subarray(b.length - max).toString('latin1')
}

function padded(body: Buffer): Buffer[] {
  if (body.length === 0) return []
  const rem = body.length % BLOCK
  return rem === 0 ? [body] : [body, Buffer.alloc(BLOCK - rem)]
}

function toBuffer(content: Buffer | string | undefined): Buffer {
  if (content === undefined) return Buffer.alloc(0)
  return typeof content === 'string' ? Buffer.from(content) : content
}
