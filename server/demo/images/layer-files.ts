import { createHash } from 'node:crypto'
import type { TarEntry } from '../tar-writer'

/**
 * Helpers for writing realistic layer contents: layer diffs made by Docker and BuildKit
 * carry an entry for every parent directory before its children, and directories end in
 * `/`. The tar writer itself adds nothing, so the demo content does it here.
 */

export const file = (path: string, content: string | Buffer, mode = 0o644): TarEntry => ({ path, type: 'file', content, mode })
export const dir = (path: string, mode = 0o755): TarEntry => ({ path: path.endsWith('/') ? path : `${path}/`, type: 'dir', mode })
export const symlink = (path: string, linkname: string): TarEntry => ({ path, type: 'symlink', linkname })

/** An OCI whiteout: hides `<parent>/<name>` of lower layers. */
export const whiteout = (path: string): TarEntry => {
  const slash = path.lastIndexOf('/')
  return { path: `${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`, type: 'file', content: '', mode: 0 }
}
/** An OCI opaque-directory marker: hides every lower-layer child of `dirPath`. */
export const opaque = (dirPath: string): TarEntry => ({ path: `${dirPath.replace(/\/$/, '')}/.wh..wh..opq`, type: 'file', content: '', mode: 0 })

/**
 * Adds every missing parent directory just before its first child. A directory given
 * explicitly (e.g. `tmp/` with mode 01777) keeps its attributes and takes the place of the
 * implicit one, wherever it appears in the list.
 */
export function withParents(entries: TarEntry[]): TarEntry[] {
  const explicit = new Map(entries.filter((e) => e.type === 'dir').map((e) => [e.path, e]))
  const seen = new Set<string>()
  const out: TarEntry[] = []
  const addDir = (p: string) => {
    if (seen.has(p)) return
    seen.add(p)
    out.push(explicit.get(p) ?? dir(p))
  }
  for (const entry of entries) {
    const parts = entry.path.replace(/\/$/, '').split('/')
    for (let i = 1; i < parts.length; i++) addDir(`${parts.slice(0, i).join('/')}/`)
    if (entry.type === 'dir') addDir(entry.path)
    else out.push(entry)
  }
  return out
}

export const md5Hex = (content: string | Buffer): string => createHash('md5').update(content).digest('hex')
export const sha1Base64 = (content: string | Buffer): string => createHash('sha1').update(content).digest('base64')
export const sha1Hex = (content: string | Buffer): string => createHash('sha1').update(content).digest('hex')

/** Stand-in for an executable or library: small, text, and says what it replaces. */
export const placeholder = (path: string, pkg: string, version: string): string => `placeholder for ${path} (${pkg} ${version}); not a real binary\n`

/** History timestamps of the demo images: fixed, and in build order. */
export const at = (minute: number, day = '2024-01-01'): string => `${day}T00:${String(minute).padStart(2, '0')}:00Z`
