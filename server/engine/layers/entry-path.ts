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
  // Most names are already clean (`usr/lib/x`, `./usr/lib/x`, `usr/lib/`): no need to resolve anything.
  const clean = cleanName(name)
  let normal: string
  let absolute = false
  if (clean !== undefined) {
    normal = clean
  } else {
    // A NUL cannot be in a real file name; a pax record can still carry one.
    if (name.includes('\0')) return { ok: false, reason: 'nul' }
    absolute = name.startsWith('/')
    const relative = name.replace(/^\/+/, '')
    if (relative === '') return { ok: false, reason: 'empty' }
    normal = path.posix.normalize(relative).replace(/\/+$/, '')
    if (normal === '..' || normal.startsWith('../')) return { ok: false, reason: 'traversal' }
    if (normal === '.' || normal === '') return { ok: false, reason: 'empty' }
  }
  // A UTF-16 unit is at most 3 UTF-8 bytes: only long names need counting.
  if (normal.length * 3 > maxLength && Buffer.byteLength(normal) > maxLength) return { ok: false, reason: 'too-long' }
  if (depthOf(normal) > maxDepth) return { ok: false, reason: 'too-deep' }
  return { ok: true, path: normal, absolute }
}

/**
 * The normalised form of a name that needs no resolving: relative, with no empty, `.`
 * or `..` segment and no NUL once leading `./` and trailing `/` are cut. Undefined for
 * anything else, which then takes the full path (`path.posix.normalize`).
 */
function cleanName(name: string): string | undefined {
  let start = 0
  while (name.charCodeAt(start) === 0x2e && name.charCodeAt(start + 1) === 0x2f) start += 2
  let end = name.length
  while (end > start && name.charCodeAt(end - 1) === 0x2f) end--
  if (end === start) return undefined
  let segment = start
  for (let i = start; i <= end; i++) {
    const c = i < end ? name.charCodeAt(i) : 0x2f
    if (c === 0) return undefined
    if (c !== 0x2f) continue
    const len = i - segment
    if (len === 0) return undefined
    if (len <= 2 && name.charCodeAt(segment) === 0x2e && (len === 1 || name.charCodeAt(segment + 1) === 0x2e)) return undefined
    segment = i + 1
  }
  return start === 0 && end === name.length ? name : name.slice(start, end)
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
const NONE: WhiteoutKind = Object.freeze({ kind: 'none' })

export function whiteoutOf(normalised: string): WhiteoutKind {
  const slash = normalised.lastIndexOf('/')
  if (!normalised.startsWith(WHITEOUT_PREFIX, slash + 1)) return NONE
  const base = normalised.slice(slash + 1)
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
