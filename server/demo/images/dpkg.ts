import type { TarEntry } from '../tar-writer'
import { file, md5Hex, placeholder, symlink } from './layer-files'

/** A file a package owns, by the path dpkg records (`/bin/bash` even on merged-/usr). */
export interface DpkgFile {
  path: string
  content?: string
  mode?: number
  linkname?: string
  conffile?: boolean
}

/** One installed Debian/Ubuntu package, with the fields `dpkg -s` shows. */
export interface DpkgPackage {
  name: string
  version: string
  /** `all` for architecture-independent packages; otherwise the image's architecture. */
  arch?: 'all'
  /** `glibc`, or `util-linux (2.37.2-4ubuntu3)` when the binary version differs from the source's. */
  source?: string
  priority: 'required' | 'important' | 'standard' | 'optional'
  section: string
  size: number
  essential?: boolean
  multiArch?: 'same' | 'foreign' | 'allowed'
  preDepends?: string
  depends?: string
  recommends?: string
  suggests?: string
  breaks?: string
  replaces?: string
  provides?: string
  description: string
  longDescription: string
  homepage?: string
  originalMaintainer?: string
  files?: DpkgFile[]
}

export const UBUNTU_MAINTAINER = 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>'

/** Field order as dpkg writes its status file. */
export function dpkgStanza(p: DpkgPackage, arch: string, maintainer = UBUNTU_MAINTAINER): string {
  const conffiles = (p.files ?? []).filter((f) => f.conffile)
  const fields: [string, string | undefined][] = [
    ['Package', p.name],
    ['Essential', p.essential ? 'yes' : undefined],
    ['Status', 'install ok installed'],
    ['Priority', p.priority],
    ['Section', p.section],
    ['Installed-Size', String(p.size)],
    ['Maintainer', maintainer],
    ['Architecture', p.arch ?? arch],
    ['Multi-Arch', p.multiArch],
    ['Source', p.source],
    ['Version', p.version],
    ['Replaces', p.replaces],
    ['Provides', p.provides],
    ['Depends', p.depends],
    ['Pre-Depends', p.preDepends],
    ['Recommends', p.recommends],
    ['Suggests', p.suggests],
    ['Breaks', p.breaks],
    ['Conffiles', conffiles.length ? '\n' + conffiles.map((f) => ` ${f.path} ${md5Hex(f.content ?? '')}`).join('\n') : undefined],
    ['Description', `${p.description}\n${p.longDescription.split('\n').map((l) => ` ${l}`).join('\n')}`],
    ['Homepage', p.homepage],
    ['Original-Maintainer', p.originalMaintainer],
  ]
  return fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([k, v]) => `${k}:${v.startsWith('\n') ? '' : ' '}${v}`)
    .join('\n')
}

/** The whole `/var/lib/dpkg/status`: stanzas separated by blank lines, as dpkg writes it. */
export function dpkgStatus(pkgs: DpkgPackage[], arch: string): string {
  return pkgs.map((p) => `${dpkgStanza(p, arch)}\n\n`).join('')
}

/** Where a dpkg path lives in a merged-/usr image (`/bin` is a symlink to `usr/bin`). */
export function mergedUsrPath(dpkgPath: string): string {
  return dpkgPath.replace(/^\/(bin|sbin|lib|lib64)\//, '/usr/$1/').slice(1)
}

/**
 * `info/<pkg>.list` and `.md5sums` for packages that list files, and the files themselves.
 * Multi-Arch: same packages use `<pkg>:<arch>` names, as dpkg does.
 */
export function dpkgInfoAndFiles(pkgs: DpkgPackage[], arch: string): TarEntry[] {
  const out: TarEntry[] = []
  for (const p of pkgs) {
    const files = p.files ?? []
    if (files.length === 0) continue
    const info = `var/lib/dpkg/info/${p.multiArch === 'same' ? `${p.name}:${arch}` : p.name}`
    const listed = new Set<string>(['/.'])
    for (const f of files) {
      const parts = f.path.split('/')
      for (let i = 2; i < parts.length; i++) listed.add(parts.slice(0, i).join('/'))
      listed.add(f.path)
    }
    out.push(file(`${info}.list`, [...listed].join('\n') + '\n'))
    const sums = files.filter((f) => !f.linkname && !f.conffile).map((f) => `${md5Hex(contentOf(f, p))}  ${f.path.slice(1)}`)
    if (sums.length) out.push(file(`${info}.md5sums`, sums.join('\n') + '\n'))
  }
  for (const p of pkgs) {
    for (const f of p.files ?? []) {
      out.push(f.linkname ? symlink(mergedUsrPath(f.path), f.linkname) : file(mergedUsrPath(f.path), contentOf(f, p), f.mode ?? 0o644))
    }
  }
  return out
}

function contentOf(f: DpkgFile, p: DpkgPackage): string {
  return f.content ?? placeholder(f.path, p.name, p.version)
}

/** A binary in `/usr/bin` (or wherever) with the usual executable mode. */
export const bin = (path: string, mode = 0o755): DpkgFile => ({ path, mode })
export const lib = (path: string): DpkgFile => ({ path })
export const link = (path: string, linkname: string): DpkgFile => ({ path, linkname })
