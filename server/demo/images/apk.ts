import type { TarEntry } from '../tar-writer'
import { file, placeholder, sha1Base64, sha1Hex, symlink } from './layer-files'

/** A file an apk package owns, by its path without the leading `/`. */
export interface ApkFile {
  path: string
  content?: string
  mode?: number
  gid?: number
  linkname?: string
}

/** One record of `/lib/apk/db/installed`. */
export interface ApkPackage {
  name: string
  version: string
  origin: string
  description: string
  url: string
  license: string
  maintainer: string
  /** Package file size and installed size, in bytes. */
  size: number
  installedSize: number
  buildTime: number
  depends?: string[]
  provides?: string[]
  files?: ApkFile[]
}

const q1 = (content: string) => `Q1${sha1Base64(content)}`
const contentOf = (p: ApkPackage, f: ApkFile) => f.content ?? placeholder(`/${f.path}`, p.name, p.version)

/**
 * One installed-db record, lines in the order apk writes them: C (checksum of the package's
 * control data, `Q1` + base64 SHA-1), P, V, A, S, I, T, U, L, o, m, t, c (aports commit),
 * D, p, then per directory `F:` and per file `R:` with `a:` (owner and mode, when not
 * root 0644) and `Z:` (content SHA-1, or the link target's for symlinks).
 */
export function apkRecord(p: ApkPackage, arch = 'x86_64'): string {
  const lines = [
    `C:${q1(`${p.name}-${p.version} control`)}`,
    `P:${p.name}`,
    `V:${p.version}`,
    `A:${arch}`,
    `S:${p.size}`,
    `I:${p.installedSize}`,
    `T:${p.description}`,
    `U:${p.url}`,
    `L:${p.license}`,
    `o:${p.origin}`,
    `m:${p.maintainer}`,
    `t:${p.buildTime}`,
    `c:${sha1Hex(`aports ${p.origin} ${p.version}`)}`,
  ]
  if (p.depends?.length) lines.push(`D:${p.depends.join(' ')}`)
  if (p.provides?.length) lines.push(`p:${p.provides.join(' ')}`)
  const byDir = new Map<string, ApkFile[]>()
  for (const f of p.files ?? []) {
    const slash = f.path.lastIndexOf('/')
    const dirName = f.path.slice(0, slash)
    byDir.set(dirName, [...(byDir.get(dirName) ?? []), f])
  }
  for (const [dirName, files] of byDir) {
    lines.push(`F:${dirName}`)
    for (const f of files) {
      lines.push(`R:${f.path.slice(dirName.length + 1)}`)
      const mode = f.linkname ? 0o777 : (f.mode ?? 0o644)
      if (mode !== 0o644 || f.gid) lines.push(`a:0:${f.gid ?? 0}:${mode.toString(8)}`)
      lines.push(`Z:${q1(f.linkname ?? contentOf(p, f))}`)
    }
  }
  return lines.join('\n') + '\n'
}

/** The whole installed db: records separated by blank lines, as apk writes it. */
export function apkInstalled(pkgs: ApkPackage[]): string {
  return pkgs.map((p) => `${apkRecord(p)}\n`).join('')
}

/** The files the packages own, as layer entries. */
export function apkFiles(pkgs: ApkPackage[]): TarEntry[] {
  return pkgs.flatMap((p) =>
    (p.files ?? []).map((f): TarEntry => (f.linkname ? symlink(f.path, f.linkname) : { ...file(f.path, contentOf(p, f), f.mode ?? 0o644), ...(f.gid ? { gid: f.gid } : {}) })),
  )
}
