import type { FileType } from './layer-result'

/** What resolution needs to know about a path: its type, and a symlink's target. */
export type LinkLookup = (path: string) => { type: FileType; linkTarget?: string | undefined } | undefined

export type ResolvedPath =
  | { ok: true; path: string }
  /** `loop`: a link was met twice; `too-deep`: more links than allowed; `not-found`: dangling. */
  | { ok: false; reason: 'loop' | 'too-deep' | 'not-found'; path: string }

/** POSIX SYMLOOP_MAX; scanner.md §8.3. */
export const DEFAULT_SYMLINK_DEPTH = 8

/**
 * Resolves every symlink along a path inside a virtual file index, the way the kernel
 * would inside a chroot: absolute targets start again at the image root, `..` at the
 * root stays there, and nothing outside the index is ever looked at. Bounded by
 * `maxLinks` followed links, so loops end.
 *
 * @example
 * // Ubuntu: etc/os-release -> ../usr/lib/os-release
 * resolveInIndex((p) => index.get(p), 'etc/os-release') // { ok: true, path: 'usr/lib/os-release' }
 */
export function resolveInIndex(lookup: LinkLookup, path: string, maxLinks = DEFAULT_SYMLINK_DEPTH): ResolvedPath {
  let pending = path.split('/')
  let resolved: string[] = []
  const followed = new Set<string>()
  let hops = 0
  for (let seg = pending.shift(); seg !== undefined; seg = pending.shift()) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') {
      resolved.pop()
      continue
    }
    const candidate = resolved.length ? `${resolved.join('/')}/${seg}` : seg
    const entry = lookup(candidate)
    if (entry?.type === 'symlink' && entry.linkTarget !== undefined) {
      if (++hops > maxLinks) return { ok: false, reason: followed.has(candidate) ? 'loop' : 'too-deep', path: candidate }
      followed.add(candidate)
      if (entry.linkTarget.startsWith('/')) resolved = []
      pending = [...entry.linkTarget.split('/'), ...pending]
      continue
    }
    resolved.push(seg)
  }
  const final = resolved.join('/')
  if (final !== '' && !lookup(final)) return { ok: false, reason: 'not-found', path: final }
  return { ok: true, path: final }
}
