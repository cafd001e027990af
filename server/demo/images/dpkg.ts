import type { TarEntry } from '../tar-writer'

/** One installed Debian package, as `dpkg -s` shows it. */
export interface DpkgPackage {
  name: string
  version: string
  /** `Source:` when the source package differs: `glibc`, or `openssl (3.0.2-0ubuntu1.7)`. */
  source?: string
  arch?: string
  section: string
  priority?: string
  size: number
  depends?: string
  multiArch?: 'same' | 'foreign' | 'allowed'
  description: string
  files?: string[]
}

const UBUNTU_MAINTAINER = 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>'

export function dpkgStanza(p: DpkgPackage): string {
  const lines = [
    `Package: ${p.name}`,
    'Status: install ok installed',
    `Priority: ${p.priority ?? 'optional'}`,
    `Section: ${p.section}`,
    `Installed-Size: ${p.size}`,
    `Maintainer: ${UBUNTU_MAINTAINER}`,
    `Architecture: ${p.arch ?? 'amd64'}`,
    ...(p.multiArch ? [`Multi-Arch: ${p.multiArch}`] : []),
    ...(p.source ? [`Source: ${p.source}`] : []),
    `Version: ${p.version}`,
    ...(p.depends ? [`Depends: ${p.depends}`] : []),
    `Description: ${p.description}`,
  ]
  return lines.join('\n') + '\n'
}

/** `/var/lib/dpkg/status` plus the `info/<pkg>.list` file lists and the listed files themselves. */
export function dpkgDatabase(pkgs: DpkgPackage[], arch: string): TarEntry[] {
  const entries: TarEntry[] = [
    { path: 'var/lib/dpkg', type: 'dir' },
    { path: 'var/lib/dpkg/info', type: 'dir' },
    { path: 'var/lib/dpkg/status', content: pkgs.map((p) => dpkgStanza({ ...p, arch: p.arch ?? arch })).join('\n') },
  ]
  for (const p of pkgs) {
    if (!p.files?.length) continue
    const infoName = p.multiArch === 'same' ? `${p.name}:${arch}` : p.name
    entries.push({ path: `var/lib/dpkg/info/${infoName}.list`, content: p.files.join('\n') + '\n' })
    for (const f of p.files) entries.push({ path: f.replace(/^\//, ''), content: `placeholder for ${f} from ${p.name} ${p.version}\n`, mode: f.includes('/bin/') ? 0o755 : 0o644 })
  }
  return entries
}
