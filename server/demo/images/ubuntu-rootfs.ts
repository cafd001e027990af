import type { TarEntry } from '../tar-writer'
import { type DpkgPackage, dpkgInfoAndFiles, dpkgStatus } from './dpkg'
import { dir, file, symlink, withParents } from './layer-files'

/** What an Ubuntu release writes into os-release, lsb-release and debian_version. */
export interface UbuntuRelease {
  versionId: string
  /** e.g. `22.04.3 LTS (Jammy Jellyfish)` */
  version: string
  codename: string
  debianVersion: string
  /** Days since the epoch in /etc/shadow's "last change" field when the image was built. */
  shadowDay: number
}

export const gnuTriplet = (arch: string): string => (arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu')

export function osRelease(r: UbuntuRelease): string {
  const pretty = `Ubuntu ${r.version.replace(/ \(.*\)$/, '')}`
  return [
    `PRETTY_NAME="${pretty}"`,
    'NAME="Ubuntu"',
    `VERSION_ID="${r.versionId}"`,
    `VERSION="${r.version}"`,
    `VERSION_CODENAME=${r.codename}`,
    'ID=ubuntu',
    'ID_LIKE=debian',
    'HOME_URL="https://www.ubuntu.com/"',
    'SUPPORT_URL="https://help.ubuntu.com/"',
    'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"',
    'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"',
    `UBUNTU_CODENAME=${r.codename}`,
    '',
  ].join('\n')
}

const lsbRelease = (r: UbuntuRelease) =>
  `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${r.versionId}\nDISTRIB_CODENAME=${r.codename}\nDISTRIB_DESCRIPTION="Ubuntu ${r.version.replace(/ \(.*\)$/, '')}"\n`

/** base-files owns the release files; its conffile hashes come from the content written here. */
export function baseFilesPackage(r: UbuntuRelease, version: string): DpkgPackage {
  return {
    name: 'base-files',
    version,
    priority: 'required',
    section: 'admin',
    size: 394,
    essential: true,
    multiArch: 'foreign',
    preDepends: 'awk',
    provides: 'base',
    replaces: 'base, dpkg (<= 1.15.0), miscutils',
    breaks: 'initscripts (<< 2.88dsf-13.3), sendfile (<< 2.1b.20080616-5.2~)',
    description: 'Debian base system miscellaneous files',
    longDescription: 'This package contains the basic filesystem hierarchy of a Debian system, and\nseveral important miscellaneous files, such as /etc/debian_version,\n/etc/host.conf, /etc/issue, /etc/motd, /etc/profile, and others,\nand the text of several common licenses in use on Debian systems.',
    files: [
      { path: '/etc/debian_version', content: `${r.debianVersion}\n`, conffile: true },
      { path: '/etc/issue', content: `Ubuntu ${r.version.replace(/ \(.*\)$/, '')} \\n \\l\n\n`, conffile: true },
      { path: '/etc/lsb-release', content: lsbRelease(r), conffile: true },
      { path: '/usr/lib/os-release', content: osRelease(r) },
    ],
  }
}

const ACCOUNTS: [name: string, uid: number, gid: number, gecos: string, home: string, shell: string][] = [
  ['root', 0, 0, 'root', '/root', '/bin/bash'],
  ['daemon', 1, 1, 'daemon', '/usr/sbin', '/usr/sbin/nologin'],
  ['bin', 2, 2, 'bin', '/bin', '/usr/sbin/nologin'],
  ['sys', 3, 3, 'sys', '/dev', '/usr/sbin/nologin'],
  ['sync', 4, 65534, 'sync', '/bin', '/bin/sync'],
  ['games', 5, 60, 'games', '/usr/games', '/usr/sbin/nologin'],
  ['man', 6, 12, 'man', '/var/cache/man', '/usr/sbin/nologin'],
  ['lp', 7, 7, 'lp', '/var/spool/lpd', '/usr/sbin/nologin'],
  ['mail', 8, 8, 'mail', '/var/mail', '/usr/sbin/nologin'],
  ['news', 9, 9, 'news', '/var/spool/news', '/usr/sbin/nologin'],
  ['uucp', 10, 10, 'uucp', '/var/spool/uucp', '/usr/sbin/nologin'],
  ['proxy', 13, 13, 'proxy', '/bin', '/usr/sbin/nologin'],
  ['www-data', 33, 33, 'www-data', '/var/www', '/usr/sbin/nologin'],
  ['backup', 34, 34, 'backup', '/var/backups', '/usr/sbin/nologin'],
  ['list', 38, 38, 'Mailing List Manager', '/var/list', '/usr/sbin/nologin'],
  ['irc', 39, 39, 'ircd', '/run/ircd', '/usr/sbin/nologin'],
  ['gnats', 41, 41, 'Gnats Bug-Reporting System (admin)', '/var/lib/gnats', '/usr/sbin/nologin'],
  ['nobody', 65534, 65534, 'nobody', '/nonexistent', '/usr/sbin/nologin'],
  ['_apt', 100, 65534, '', '/nonexistent', '/usr/sbin/nologin'],
]
const GROUPS = 'root:0 daemon:1 bin:2 sys:3 adm:4 tty:5 disk:6 lp:7 mail:8 news:9 uucp:10 man:12 proxy:13 kmem:15 dialout:20 fax:21 voice:22 cdrom:24 floppy:25 tape:26 sudo:27 audio:29 dip:30 www-data:33 backup:34 operator:37 list:38 irc:39 src:40 gnats:41 shadow:42 utmp:43 video:44 sasl:45 plugdev:46 staff:50 games:60 users:100 nogroup:65534'

/** `extra` lines are appended, for images that add accounts. */
export const etcPasswd = (extra: string[] = []): string => [...ACCOUNTS.map(([n, u, g, c, h, s]) => `${n}:x:${u}:${g}:${c}:${h}:${s}`), ...extra].join('\n') + '\n'
export const etcGroup = (): string => GROUPS.split(' ').map((g) => `${g.replace(':', ':x:')}:`).join('\n') + '\n'
/** `hashes` overrides the password field per account (`''` = no password at all). */
export function etcShadow(day: number, hashes: Record<string, string> = {}, extra: string[] = []): string {
  return [...ACCOUNTS.map(([n]) => `${n}:${hashes[n] ?? '*'}:${day}:0:99999:7:::`), ...extra].join('\n') + '\n'
}

/**
 * The root filesystem of an Ubuntu cloud image for containers: merged /usr, the standard
 * directories, accounts, release files and the dpkg database with its packages' files.
 */
export function ubuntuRootfs(r: UbuntuRelease, pkgs: DpkgPackage[], arch: string): TarEntry[] {
  const mergedUsr = ['bin', 'lib', 'sbin', ...(arch === 'amd64' ? ['lib64'] : [])]
  return withParents([
    ...mergedUsr.map((d) => symlink(d, `usr/${d}`)),
    ...['boot', 'dev', 'etc', 'home', 'media', 'mnt', 'opt', 'proc', 'run', 'srv', 'sys', 'usr/local/bin', 'var/log', 'var/mail'].map((d) => dir(d)),
    dir('root', 0o700),
    dir('tmp', 0o1777),
    dir('var/tmp', 0o1777),
    ...(arch === 'amd64' ? [dir('usr/lib64'), symlink('usr/lib64/ld-linux-x86-64.so.2', '../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2')] : []),
    symlink('etc/os-release', '../usr/lib/os-release'),
    file('etc/hostname', `${r.codename}\n`),
    file('etc/passwd', etcPasswd()),
    file('etc/group', etcGroup()),
    { ...file('etc/shadow', etcShadow(r.shadowDay), 0o640), gid: 42 },
    file('etc/shells', '# /etc/shells: valid login shells\n/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n'),
    dir('var/lib/dpkg/info'),
    file('var/lib/dpkg/status', dpkgStatus(pkgs, arch)),
    file('var/lib/dpkg/available', ''),
    ...dpkgInfoAndFiles(pkgs, arch),
  ])
}
