import path from 'node:path'

/**
 * Tar member names are keys of a virtual file index, never disk paths. This turns one
 * into the form the index uses (`usr/lib/os-release`), or says why it cannot be used.
 */

export type NormalisedPath =
  | { ok: true; path: string; /** The name was absolute (`/etc/passwd`); tar strips that too. */ absolute: boolean }
  | { ok: false; reason: 'traversal' | 'too-long' | 'too-deep' | 'empty' | 'nul' }

/**
 * Strips leading `/` and `./`, resolves `.` and `..`, and refuses names whose `..`
 * climbs out of the root: `a/../../etc/passwd` and `/../etc/passwd` both escape, since
 * the leading `/` is removed before resolving (a name is relative to the layer root).
 * The root itself (`./`) comes back as `empty`.
 *
 * @example
 * normaliseEntryPath('./usr/bin/', 4096, 256) // { ok: true, path: 'usr/bin', absolute: false }
 * normaliseEntryPath('../../etc/passwd', 4096, 256) // { ok: false, reason: 'traversal' }
 */
export function normaliseEntryPath(name: string, maxLength: number, maxDepth: number): NormalisedPath {
  // A NUL cannot be in a real file name; a pax record can still carry one.
  if (name.includes('\0')) return { ok: false, reason: 'nul' }
  const absolute = name.startsWith('/')
  const relative = name.replace(/^\/+/, '')
  if (relative === '') return { ok: false, reason: 'empty' }
  const normal = path.posix.normalize(relative).replace(/\/+$/, '')
  if (normal === '..' || normal.startsWith('../')) return { ok: false, reason: 'traversal' }
  if (normal === '.' || normal === '') return { ok: false, reason: 'empty' }
  if (Buffer.byteLength(normal) > maxLength) return { ok: false, reason: 'too-long' }
  if (depthOf(normal) > maxDepth) return { ok: false, reason: 'too-deep' }
  return { ok: true, path: normal, absolute }
}

function depthOf(p: string): number {
  let depth = 1
  for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) === 0x2f) depth++
  return depth
}

const WHITEOUT_PREFIX = '.wh.'
const OPAQUE_MARKER = '.wh..wh..opq'
/** aufs keeps its own metadata under `.wh..wh.`; it is not part of the image. */
const AUFS_META_PREFIX = '.wh..wh.'

export type WhiteoutKind =
  | { kind: 'none' }
  | { kind: 'whiteout'; target: string }
  | { kind: 'opaque'; dir: string }
  | { kind: 'aufs-meta' }
  | { kind: 'invalid' }

/**
 * What a normalised path means under the OCI whiteout rules (image-spec layer.md).
 * The opaque marker of the root directory makes `dir` the empty string.
 *
 * @example
 * whiteoutOf('app/node_modules/.wh.minimist') // { kind: 'whiteout', target: 'app/node_modules/minimist' }
 * whiteoutOf('app/config/.wh..wh..opq') // { kind: 'opaque', dir: 'app/config' }
 */
export function whiteoutOf(normalised: string): WhiteoutKind {
  const slash = normalised.lastIndexOf('/')
  const base = normalised.slice(slash + 1)
  if (!base.startsWith(WHITEOUT_PREFIX)) return { kind: 'none' }
  const dir = slash < 0 ? '' : normalised.slice(0, slash)
  if (base === OPAQUE_MARKER) return { kind: 'opaque', dir }
  if (base.startsWith(AUFS_META_PREFIX)) return { kind: 'aufs-meta' }
  const name = base.slice(WHITEOUT_PREFIX.length)
  // `.wh.` alone is invalid per the spec; `.wh..` / `.wh...` would delete the directory itself or its parent.
  if (name === '' || name === '.' || name === '..') return { kind: 'invalid' }
  return { kind: 'whiteout', target: dir ? `${dir}/${name}` : name }
}

/**
 * True when `p` is `dir` itself or lies under it (`dir` '' is the root).
 *
 * @example isWithin('usr/lib/x', 'usr/lib') // true; isWithin('usr/libexec', 'usr/lib') // false
 */
export function isWithin(p: string, dir: string): boolean {
  return dir === '' || p === dir || (p.startsWith(dir) && p.charCodeAt(dir.length) === 0x2f)
}
