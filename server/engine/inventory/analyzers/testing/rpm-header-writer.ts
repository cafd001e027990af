import initSqlJs from 'sql.js'
import { RPM_TYPE, RPMTAG } from '../rpm-header'

/**
 * Test material: rpm header blobs written the way rpm's headerExport lays them out (an
 * immutable region entry first, index entries sorted by tag, each value aligned to its
 * type, the region trailer last), and an rpmdb.sqlite holding them in rpm's schema.
 */

export type RpmValue = { tag: number; string: string } | { tag: number; int32: number } | { tag: number; strings: string[]; i18n?: boolean }

export interface RawEntry {
  tag: number
  type: number
  offset: number
  count: number
}

/** A header from explicit entries and data store: the way to write malformed ones. */
export function rawRpmHeader(entries: RawEntry[], data: Uint8Array, opts: { magic?: boolean; il?: number; dl?: number } = {}): Buffer {
  const head = Buffer.alloc(8 + entries.length * 16)
  head.writeUInt32BE(opts.il ?? entries.length, 0)
  head.writeUInt32BE(opts.dl ?? data.length, 4)
  entries.forEach((e, i) => {
    head.writeUInt32BE(e.tag, 8 + i * 16)
    head.writeUInt32BE(e.type, 12 + i * 16)
    head.writeInt32BE(e.offset, 16 + i * 16)
    head.writeUInt32BE(e.count, 20 + i * 16)
  })
  const magic = opts.magic ? [Buffer.from([0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0])] : []
  return Buffer.concat([...magic, head, data])
}

/**
 * @example
 * encodeRpmHeader([{ tag: RPMTAG.NAME, string: 'bash' }, { tag: RPMTAG.EPOCH, int32: 1 }])
 */
export function encodeRpmHeader(values: RpmValue[], opts: { magic?: boolean } = {}): Buffer {
  const sorted = [...values].sort((a, b) => a.tag - b.tag)
  const entries: RawEntry[] = []
  const chunks: Buffer[] = []
  let size = 0
  const put = (bytes: Buffer, align: number) => {
    const pad = (align - (size % align)) % align
    if (pad) chunks.push(Buffer.alloc(pad))
    size += pad
    const offset = size
    chunks.push(bytes)
    size += bytes.length
    return offset
  }
  for (const v of sorted) {
    if ('string' in v) entries.push({ tag: v.tag, type: RPM_TYPE.STRING, offset: put(Buffer.from(`${v.string}\0`), 1), count: 1 })
    else if ('int32' in v) {
      const b = Buffer.alloc(4)
      b.writeInt32BE(v.int32)
      entries.push({ tag: v.tag, type: RPM_TYPE.INT32, offset: put(b, 4), count: 1 })
    } else entries.push({ tag: v.tag, type: v.i18n ? RPM_TYPE.I18NSTRING : RPM_TYPE.STRING_ARRAY, offset: put(Buffer.from(v.strings.map((s) => `${s}\0`).join('')), 1), count: v.strings.length })
  }
  const il = entries.length + 1
  const trailer = Buffer.alloc(16)
  trailer.writeUInt32BE(RPMTAG.HEADERIMMUTABLE, 0)
  trailer.writeUInt32BE(RPM_TYPE.BIN, 4)
  trailer.writeInt32BE(-il * 16, 8)
  trailer.writeUInt32BE(16, 12)
  const trailerOffset = put(trailer, 1)
  const region: RawEntry = { tag: RPMTAG.HEADERIMMUTABLE, type: RPM_TYPE.BIN, offset: trailerOffset, count: 16 }
  return rawRpmHeader([region, ...entries], Buffer.concat(chunks), opts)
}

export interface RpmPackageFields {
  name: string
  version: string
  release: string
  epoch?: number
  arch: string
  sourceRpm?: string
  license?: string
  vendor?: string
}

/** A package header with the tags a real one has for these fields, plus a file list. */
export function rpmPackageHeader(p: RpmPackageFields): Buffer {
  return encodeRpmHeader([
    { tag: RPMTAG.NAME, string: p.name },
    { tag: RPMTAG.VERSION, string: p.version },
    { tag: RPMTAG.RELEASE, string: p.release },
    ...(p.epoch !== undefined ? [{ tag: RPMTAG.EPOCH, int32: p.epoch }] : []),
    { tag: 1004, strings: [`${p.name} summary`], i18n: true },
    { tag: 1009, int32: 123456 },
    ...(p.vendor ? [{ tag: RPMTAG.VENDOR, string: p.vendor }] : []),
    ...(p.license ? [{ tag: RPMTAG.LICENSE, string: p.license }] : []),
    { tag: RPMTAG.ARCH, string: p.arch },
    ...(p.sourceRpm ? [{ tag: RPMTAG.SOURCERPM, string: p.sourceRpm }] : []),
    { tag: 1117, strings: [p.name, `lib${p.name}.so.1`] },
  ])
}

/** rpm's sqlite backend schema (lib/backend/sqlite.c): header blobs keyed by hnum, plus an index table. */
export async function writeRpmdbSqlite(blobs: Uint8Array[]): Promise<Buffer> {
  const SQL = await initSqlJs()
  const db = new SQL.Database()
  try {
    db.run("CREATE TABLE 'Packages' (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)")
    db.run("CREATE TABLE 'Name' (key 'TEXT' NOT NULL, hnum INTEGER NOT NULL, idx INTEGER NOT NULL, FOREIGN KEY (hnum) REFERENCES 'Packages'(hnum))")
    for (const blob of blobs) db.run("INSERT INTO 'Packages' (blob) VALUES (?)", [blob])
    return Buffer.from(db.export())
  } finally {
    db.close()
  }
}
