import type { FileRecord, FileType } from './layer-result'
import type { MergedFile } from './squashed-tree'

/**
 * A file index stored column by column, for the caches: one array per field instead of
 * one JSON object per file, so a 20,000-file index serialises, parses and gzips several
 * times faster (no keys repeated 20,000 times, no object per file until it is rebuilt).
 * Fields most files leave at their default (uid, gid, link target) are kept sparse.
 *
 * @example
 * const packed = packFiles(result.files)
 * unpackFiles(JSON.parse(JSON.stringify(packed))) // deep-equals result.files
 */
export interface PackedFiles {
  paths: string[]
  /** One letter per file; see TYPE_LETTERS. */
  types: string
  sizes: number[]
  modes: number[]
  /** Merged indexes only: the layer each file comes from. */
  layers?: number[]
  /** `[index, uid, index, uid, …]` for the files whose uid is not 0; gids alike. */
  uids: number[]
  gids: number[]
  /** `[index, target, …]` for symlinks and hard links. */
  links: (number | string)[]
}

const TYPE_LETTERS: Record<FileType, string> = { file: 'f', dir: 'd', symlink: 'l', hardlink: 'h', chardev: 'c', blockdev: 'b', fifo: 'p' }
const LETTER_TYPES = new Map(Object.entries(TYPE_LETTERS).map(([type, letter]) => [letter, type as FileType]))

export function packFiles(files: readonly FileRecord[]): PackedFiles
export function packFiles(files: readonly MergedFile[], withLayers: true): PackedFiles
export function packFiles(files: readonly (FileRecord | MergedFile)[], withLayers = false): PackedFiles {
  const n = files.length
  const paths = new Array<string>(n)
  const types = new Array<string>(n)
  const sizes = new Array<number>(n)
  const modes = new Array<number>(n)
  const layers = withLayers ? new Array<number>(n) : undefined
  const uids: number[] = []
  const gids: number[] = []
  const links: (number | string)[] = []
  for (let i = 0; i < n; i++) {
    const f = files[i] as FileRecord & { layerIndex?: number }
    paths[i] = f.path
    types[i] = TYPE_LETTERS[f.type]
    sizes[i] = f.size
    modes[i] = f.mode
    if (layers) layers[i] = f.layerIndex ?? 0
    if (f.uid) uids.push(i, f.uid)
    if (f.gid) gids.push(i, f.gid)
    if (f.linkTarget !== undefined) links.push(i, f.linkTarget)
  }
  return { paths, types: types.join(''), sizes, modes, ...(layers ? { layers } : {}), uids, gids, links }
}

/**
 * The records back, with the same fields in the same order as the walker and the merge
 * build them. Throws on anything malformed (a cache treats that as a miss).
 */
export function unpackFiles(packed: unknown): FileRecord[]
export function unpackFiles(packed: unknown, withLayers: true): MergedFile[]
export function unpackFiles(packed: unknown, withLayers = false): (FileRecord | MergedFile)[] {
  const p = packed as Partial<PackedFiles> | null
  if (typeof p !== 'object' || p === null) throw new TypeError('not a packed file index')
  const { paths, types, sizes, modes, layers, uids, gids, links } = p
  if (!Array.isArray(paths) || typeof types !== 'string' || !Array.isArray(sizes) || !Array.isArray(modes) || !Array.isArray(uids) || !Array.isArray(gids) || !Array.isArray(links)) {
    throw new TypeError('not a packed file index')
  }
  const n = paths.length
  if (types.length !== n || sizes.length !== n || modes.length !== n || (withLayers && (!Array.isArray(layers) || layers.length !== n))) throw new TypeError('packed columns differ in length')
  const uidAt = sparse(uids, n, 'number')
  const gidAt = sparse(gids, n, 'number')
  const linkAt = sparse(links, n, 'string')
  const out = new Array<FileRecord | MergedFile>(n)
  for (let i = 0; i < n; i++) {
    const path = paths[i]
    const type = LETTER_TYPES.get(types[i] as string)
    const size = sizes[i]
    const mode = modes[i]
    if (typeof path !== 'string' || !type || typeof size !== 'number' || typeof mode !== 'number') throw new TypeError(`bad packed file ${i}`)
    const record: FileRecord & { layerIndex?: number } = { path, type, size, mode }
    const uid = uidAt.get(i)
    if (uid !== undefined) record.uid = uid as number
    const gid = gidAt.get(i)
    if (gid !== undefined) record.gid = gid as number
    const link = linkAt.get(i)
    if (link !== undefined) record.linkTarget = link as string
    if (withLayers) {
      const layerIndex = (layers as unknown[])[i]
      if (typeof layerIndex !== 'number') throw new TypeError(`bad packed file ${i}`)
      record.layerIndex = layerIndex
    }
    out[i] = record
  }
  return out
}

function sparse(pairs: unknown[], n: number, kind: 'number' | 'string'): Map<number, unknown> {
  if (pairs.length % 2 !== 0) throw new TypeError('odd sparse column')
  const out = new Map<number, unknown>()
  for (let j = 0; j < pairs.length; j += 2) {
    const i = pairs[j]
    const v = pairs[j + 1]
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= n || typeof v !== kind) throw new TypeError('bad sparse column')
    out.set(i, v)
  }
  return out
}
