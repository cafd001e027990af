import type { FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { Header, Parser, type ReadEntry } from 'tar'
import { AcquireError } from './errors'
import { sniffCompression } from './layer-stream'

/** One regular file, symlink or hardlink of a tar archive, and where its bytes are. */
export interface TarMember {
  path: string
  type: string
  /** Byte offset of the content in the archive file. */
  offset: number
  size: number
  linkpath?: string
}

const BLOCK = 512
const MAX_META = 1024 * 1024
const ZEROS = Buffer.alloc(1024 * 1024)
const META_TYPES = new Set(['ExtendedHeader', 'GlobalExtendedHeader', 'NextFileHasLongPath', 'NextFileHasLongLinkpath'])
const KEPT_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'SymbolicLink', 'Link'])

/**
 * Indexes a tar file once: member path → offset and size, without reading any
 * member's content. node-tar's Parser reads the headers (checksums, pax and GNU long
 * names, bounded by `maxMetaEntrySize`); we feed it header blocks from the file and
 * zeros in place of bodies, which it discards, so we always know the file position.
 * Names are normalised; ones that climb out with `..` are dropped.
 *
 * @example
 * const members = await indexTar(handle, { what: 'images.tar' })
 * const manifest = members.get('manifest.json')
 */
export async function indexTar(fh: FileHandle, opts: { what: string; maxEntries?: number; signal?: AbortSignal }): Promise<Map<string, TarMember>> {
  const { size: fileSize } = await fh.stat()
  const members = new Map<string, TarMember>()
  const bad = (why: string) => new AcquireError('INVALID_MANIFEST', `${opts.what}: not a readable tar archive (${why}).`)
  // Set by the parser's callbacks during each write (object, so TS sees it change).
  const seen: { entry?: ReadEntry | undefined; problem?: string } = {}
  const parser = new Parser({
    maxMetaEntrySize: MAX_META,
    filter: (_path, entry) => {
      seen.entry = entry as ReadEntry
      return false // ignored: the parser skips the (zero) body we feed it
    },
    onwarn: (_code, message) => {
      seen.problem ??= message
    },
  })
  const block = Buffer.alloc(BLOCK)
  let pos = 0
  let nulls = 0
  while (pos + BLOCK <= fileSize) {
    opts.signal?.throwIfAborted()
    await readAt(fh, block, pos)
    if (pos === 0 && sniffCompression(block) && sniffCompression(block) !== 'none') throw bad('it is compressed; decompress it first')
    const header = new Header(block)
    seen.entry = undefined
    parser.write(Buffer.from(block))
    if (seen.problem) throw bad(seen.problem)
    if (header.nullBlock) {
      pos += BLOCK
      if (++nulls === 2) break
      continue
    }
    nulls = 0
    const meta = META_TYPES.has(header.type)
    const current = seen.entry as ReadEntry | undefined
    const size = meta ? (header.size ?? 0) : (current?.size ?? header.size ?? 0)
    const padded = Math.ceil(size / BLOCK) * BLOCK
    if (pos + BLOCK + padded > fileSize) throw bad(`member at offset ${pos} is truncated`)
    if (meta && size <= MAX_META) {
      const body = Buffer.alloc(padded)
      await readAt(fh, body, pos + BLOCK)
      parser.write(body)
    } else {
      for (let left = padded; left > 0; left -= ZEROS.length) parser.write(ZEROS.subarray(0, Math.min(left, ZEROS.length)))
    }
    if (seen.problem) throw bad(seen.problem)
    if (current && KEPT_TYPES.has(current.type)) {
      const name = normalizeMemberPath(current.path)
      if (name && !members.has(name)) {
        members.set(name, { path: name, type: current.type, offset: pos + BLOCK, size, ...(current.linkpath ? { linkpath: current.linkpath } : {}) })
        if (members.size > (opts.maxEntries ?? 100_000)) throw new AcquireError('TOO_LARGE', `${opts.what}: more than ${opts.maxEntries ?? 100_000} members.`)
      }
    }
    pos += BLOCK + padded
  }
  return members
}

/**
 * A member name as an index key: `./a//b` → `a/b`; null for names that leave the
 * archive root (`../x`) or are empty, which are never looked up.
 *
 * @example normalizeMemberPath('./blobs/sha256/ab') // 'blobs/sha256/ab'
 */
export function normalizeMemberPath(name: string): string | null {
  const norm = path.posix.normalize(name.replace(/^\/+/, '')).replace(/^(\.\/)+/, '').replace(/\/+$/, '')
  if (!norm || norm === '.' || norm === '..' || norm.startsWith('../')) return null
  return norm
}

/**
 * Follows symlinks and hardlinks inside the archive (old `docker save` links duplicate
 * layers), at most 8 hops and never out of the root.
 *
 * @example
 * const layer = resolveMember(members, 'abc/layer.tar') // follows a symlink to def/layer.tar
 */
export function resolveMember(members: Map<string, TarMember>, name: string): TarMember | undefined {
  let member = members.get(name)
  for (let hop = 0; member && member.type !== 'File' && member.type !== 'OldFile' && member.type !== 'ContiguousFile'; hop++) {
    if (hop >= 8 || !member.linkpath) return undefined
    // Relative symlinks count from the link's directory; hardlinks and absolute targets from the root.
    const relative = member.type === 'SymbolicLink' && !member.linkpath.startsWith('/')
    const target = relative ? path.posix.join(path.posix.dirname(member.path), member.linkpath) : member.linkpath
    const next = normalizeMemberPath(target)
    member = next ? members.get(next) : undefined
  }
  return member
}

/**
 * Reads exactly `buf.length` bytes at `position`.
 *
 * @example
 * const head = Buffer.alloc(512); await readAt(handle, head, member.offset)
 */
export async function readAt(fh: FileHandle, buf: Buffer, position: number): Promise<void> {
  let done = 0
  while (done < buf.length) {
    const { bytesRead } = await fh.read(buf, done, buf.length - done, position + done)
    if (bytesRead === 0) throw new AcquireError('SIZE_MISMATCH', `Archive ended early at offset ${position + done}.`)
    done += bytesRead
  }
}
