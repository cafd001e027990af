import { zipSync, type ZipOptions } from 'fflate'

/**
 * Test archives: well-formed zips from fflate (the writer the demo jars use), and the
 * hand-made kinds fflate does not write (ZIP64, lying sizes).
 */

const MTIME = new Date(2024, 0, 1)

/** A zip of the given entries; `stored` names are written uncompressed, as nested jars are. */
export function zip(files: Record<string, string | Uint8Array>, stored: string[] = []): Buffer {
  const entries: Record<string, [Uint8Array, ZipOptions]> = {}
  for (const [name, content] of Object.entries(files)) entries[name] = [typeof content === 'string' ? Buffer.from(content) : content, { level: stored.includes(name) ? 0 : 6, mtime: MTIME }]
  return Buffer.from(zipSync(entries, { mtime: MTIME }))
}

/** Offsets of every central directory entry of a zip (for patching fields in tests). */
export function centralEntries(archive: Buffer): number[] {
  const out: number[] = []
  for (let at = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at !== -1; at = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) out.push(at)
  return out
}

/** A single stored entry written with ZIP64 records throughout, as zip tools do past 4 GiB or 65535 entries. */
export function zip64Stored(name: string, content: string): Buffer {
  const nameBytes = Buffer.from(name)
  const data = Buffer.from(content)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(45, 4)
  local.writeUInt32LE(0xffffffff, 18)
  local.writeUInt32LE(0xffffffff, 22)
  local.writeUInt16LE(nameBytes.length, 26)
  local.writeUInt16LE(20, 28)
  const localExtra = Buffer.alloc(20)
  localExtra.writeUInt16LE(1, 0)
  localExtra.writeUInt16LE(16, 2)
  localExtra.writeBigUInt64LE(BigInt(data.length), 4)
  localExtra.writeBigUInt64LE(BigInt(data.length), 12)
  const localPart = Buffer.concat([local, nameBytes, localExtra, data])

  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(45, 4)
  central.writeUInt16LE(45, 6)
  central.writeUInt32LE(0xffffffff, 20)
  central.writeUInt32LE(0xffffffff, 24)
  central.writeUInt16LE(nameBytes.length, 28)
  central.writeUInt16LE(28, 30)
  central.writeUInt32LE(0xffffffff, 42)
  const centralExtra = Buffer.alloc(28)
  centralExtra.writeUInt16LE(1, 0)
  centralExtra.writeUInt16LE(24, 2)
  centralExtra.writeBigUInt64LE(BigInt(data.length), 4)
  centralExtra.writeBigUInt64LE(BigInt(data.length), 12)
  centralExtra.writeBigUInt64LE(0n, 20)
  const centralPart = Buffer.concat([central, nameBytes, centralExtra])

  const record = Buffer.alloc(56)
  record.writeUInt32LE(0x06064b50, 0)
  record.writeBigUInt64LE(44n, 4)
  record.writeUInt16LE(45, 12)
  record.writeUInt16LE(45, 14)
  record.writeBigUInt64LE(1n, 24)
  record.writeBigUInt64LE(1n, 32)
  record.writeBigUInt64LE(BigInt(centralPart.length), 40)
  record.writeBigUInt64LE(BigInt(localPart.length), 48)
  const locator = Buffer.alloc(20)
  locator.writeUInt32LE(0x07064b50, 0)
  locator.writeBigUInt64LE(BigInt(localPart.length + centralPart.length), 8)
  locator.writeUInt32LE(1, 16)
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(0x06054b50, 0)
  eocd.writeUInt16LE(0xffff, 8)
  eocd.writeUInt16LE(0xffff, 10)
  eocd.writeUInt32LE(0xffffffff, 12)
  eocd.writeUInt32LE(0xffffffff, 16)
  return Buffer.concat([localPart, centralPart, record, locator, eocd])
}
