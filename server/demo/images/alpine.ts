import type { TarEntry } from '../tar-writer'

/**
 * Alpine 3.18 base: the real package set of alpine:3.18.x with apk's installed database.
 * musl 1.2.4-r2 is below 1.2.4-r3, the Alpine:v3.18 fix of ALPINE-CVE-2025-26519.
 */
interface ApkPackage {
  name: string
  version: string
  origin: string
  license: string
  description: string
  size: number
  installed: number
  depends?: string
  provides?: string
  files?: Record<string, string[]>
}

const PACKAGES: ApkPackage[] = [
  { name: 'musl', version: '1.2.4-r2', origin: 'musl', license: 'MIT', description: 'the musl c library (libc) implementation', size: 383152, installed: 622592, files: { lib: ['ld-musl-x86_64.so.1', 'libc.musl-x86_64.so.1'] } },
  { name: 'busybox', version: '1.36.1-r2', origin: 'busybox', license: 'GPL-2.0-only', description: 'Size optimized toolbox of many common UNIX utilities', size: 506009, installed: 958464, depends: 'so:libc.musl-x86_64.so.1', files: { bin: ['busybox'] } },
  { name: 'alpine-baselayout', version: '3.4.3-r1', origin: 'alpine-baselayout', license: 'GPL-2.0-only', description: 'Alpine base dir structure and init scripts', size: 8706, installed: 16384, depends: 'alpine-baselayout-data=3.4.3-r1 /bin/sh' },
  { name: 'alpine-keys', version: '2.4-r1', origin: 'alpine-keys', license: 'MIT', description: 'Public keys for Alpine Linux packages', size: 13461, installed: 159744 },
  { name: 'apk-tools', version: '2.14.0-r2', origin: 'apk-tools', license: 'GPL-2.0-only', description: 'Alpine Package Keeper - package manager for alpine', size: 122161, installed: 307200, depends: 'musl>=1.2 ca-certificates-bundle so:libc.musl-x86_64.so.1 so:libcrypto.so.3 so:libssl.so.3 so:libz.so.1', files: { sbin: ['apk'] } },
  { name: 'ca-certificates-bundle', version: '20230506-r0', origin: 'ca-certificates', license: 'MPL-2.0 AND MIT', description: 'Pre generated bundle of Mozilla certificates', size: 126025, installed: 229376 },
  { name: 'libcrypto3', version: '3.1.1-r1', origin: 'openssl', license: 'Apache-2.0', description: 'Crypto library from openssl', size: 1735684, installed: 4206592, depends: 'so:libc.musl-x86_64.so.1', files: { lib: ['libcrypto.so.3'] } },
  { name: 'libssl3', version: '3.1.1-r1', origin: 'openssl', license: 'Apache-2.0', description: 'SSL shared libraries', size: 242592, installed: 610304, depends: 'so:libc.musl-x86_64.so.1 so:libcrypto.so.3', files: { lib: ['libssl.so.3'] } },
  { name: 'libc-utils', version: '0.7.2-r5', origin: 'libc-dev', license: 'BSD-2-Clause AND BSD-3-Clause', description: 'Meta package to pull in correct libc', size: 1480, installed: 4096, depends: 'musl-utils' },
  { name: 'musl-utils', version: '1.2.4-r2', origin: 'musl', license: 'MIT AND BSD-2-Clause AND GPL-2.0-or-later', description: 'the musl c library (libc) implementation', size: 36938, installed: 135168, files: { sbin: ['ldconfig'], 'usr/bin': ['getent', 'iconv', 'ldd'] } },
  { name: 'scanelf', version: '1.3.7-r1', origin: 'pax-utils', license: 'GPL-2.0-only', description: 'Scan ELF binaries for stuff', size: 37096, installed: 94208, files: { 'usr/bin': ['scanelf'] } },
  { name: 'ssl_client', version: '1.36.1-r2', origin: 'busybox', license: 'GPL-2.0-only', description: 'EXternal ssl_client for busybox wget', size: 4948, installed: 28672, files: { 'usr/bin': ['ssl_client'] } },
  { name: 'zlib', version: '1.2.13-r1', origin: 'zlib', license: 'Zlib', description: 'A compression/decompression Library', size: 54252, installed: 110592, files: { lib: ['libz.so.1', 'libz.so.1.2.13'] } },
]

function record(p: ApkPackage, i: number): string {
  const lines = [
    `C:Q1${Buffer.from(`${p.name}-${p.version}`).toString('base64').slice(0, 27)}=`,
    `P:${p.name}`,
    `V:${p.version}`,
    'A:x86_64',
    `S:${p.size}`,
    `I:${p.installed}`,
    `T:${p.description}`,
    `U:https://pkgs.alpinelinux.org/package/v3.18/main/x86_64/${p.name}`,
    `L:${p.license}`,
    `o:${p.origin}`,
    'm:Natanael Copa <ncopa@alpinelinux.org>',
    `t:${1685000000 + i * 3600}`,
    `c:${Buffer.from(p.origin).toString('hex').padEnd(40, '0').slice(0, 40)}`,
    ...(p.depends ? [`D:${p.depends}`] : []),
  ]
  for (const [dir, files] of Object.entries(p.files ?? {})) {
    lines.push(`F:${dir}`)
    for (const f of files) lines.push(`R:${f}`, 'a:0:0:755')
  }
  return lines.join('\n') + '\n'
}

export function alpineBase(): TarEntry[] {
  const entries: TarEntry[] = [
    { path: 'etc', type: 'dir' },
    { path: 'etc/alpine-release', content: '3.18.4\n' },
    { path: 'etc/os-release', content: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.18.4\nPRETTY_NAME="Alpine Linux v3.18"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n' },
    { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/ash\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n' },
    { path: 'etc/shadow', content: 'root:*::0:::::\nnobody:!::0:::::\n', mode: 0o640 },
    { path: 'tmp', type: 'dir', mode: 0o1777 },
    { path: 'lib/apk/db/installed', content: PACKAGES.map(record).join('\n') },
  ]
  for (const p of PACKAGES) {
    for (const [dir, files] of Object.entries(p.files ?? {})) {
      for (const f of files) entries.push({ path: `${dir}/${f}`, content: `placeholder for /${dir}/${f} from ${p.name}-${p.version}\n`, mode: 0o755 })
    }
  }
  entries.push({ path: 'bin/sh', type: 'symlink', linkname: '/bin/busybox' })
  return entries
}
