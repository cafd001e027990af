import type { ApkPackage } from './apk'

/**
 * The package set of the Alpine 3.18.4 minirootfs (x86_64), real names, versions, origins
 * and licences. musl 1.2.4-r2 is below 1.2.4-r3, the fix for Alpine:v3.18 in
 * ALPINE-CVE-2025-26519; libcrypto3/libssl3 come from origin `openssl`, ssl_client and
 * busybox-binsh from `busybox`, scanelf from `pax-utils`, libc-utils from `libc-dev`.
 */
const NCOPA = 'Natanael Copa <ncopa@alpinelinux.org>'
const TIMO = 'Timo Teräs <timo.teras@iki.fi>'
const SOEREN = 'Sören Tempel <soeren+alpine@soeren-tempel.net>'
const ARIADNE = 'Ariadne Conill <ariadne@dereferenced.org>'
const BUSYBOX = '1.36.1-r2'
const MUSL = '1.2.4-r2'
const OPENSSL = '3.1.3-r0'
const BASELAYOUT = '3.4.3-r1'

export const ALPINE_PASSWD = [
  'root:x:0:0:root:/root:/bin/ash',
  'bin:x:1:1:bin:/bin:/sbin/nologin',
  'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
  'adm:x:3:4:adm:/var/adm:/sbin/nologin',
  'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin',
  'sync:x:5:0:sync:/sbin:/bin/sync',
  'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown',
  'halt:x:7:0:halt:/sbin:/sbin/halt',
  'mail:x:8:12:mail:/var/mail:/sbin/nologin',
  'operator:x:11:0:operator:/root:/sbin/nologin',
  'cron:x:16:16:cron:/var/spool/cron:/sbin/nologin',
  'ftp:x:21:21::/var/lib/ftp:/sbin/nologin',
  'sshd:x:22:22:sshd:/dev/null:/sbin/nologin',
  'games:x:35:35:games:/usr/games:/sbin/nologin',
  'ntp:x:123:123:NTP:/var/empty:/sbin/nologin',
  'guest:x:405:100:guest:/dev/null:/sbin/nologin',
  'nobody:x:65534:65534:nobody:/:/sbin/nologin',
]
const names = ALPINE_PASSWD.map((l) => l.split(':')[0] ?? '')
const shadow = names.map((n) => `${n}:${n === 'root' ? '*' : '!'}::0:::::`).join('\n') + '\n'
const group = 'root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nsys:x:3:root,bin,adm\nadm:x:4:root,adm,daemon\ntty:x:5:\ndisk:x:6:root,adm\nlp:x:7:lp\nwheel:x:10:root\nmail:x:12:mail\ncron:x:16:cron\naudio:x:18:\nshadow:x:42:\nusers:x:100:games\nnogroup:x:65533:\nnobody:x:65534:\n'

export function alpineBasePackages(): ApkPackage[] {
  return [
    { name: 'alpine-baselayout', version: BASELAYOUT, origin: 'alpine-baselayout', description: 'Alpine base dir structure and init scripts', url: 'https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout', license: 'GPL-2.0-only', maintainer: NCOPA, size: 8729, installedSize: 331776, buildTime: 1683642107, depends: [`alpine-baselayout-data=${BASELAYOUT}`, '/bin/sh'], files: [{ path: 'etc/motd', content: 'Welcome to Alpine!\n' }, { path: 'etc/crontabs/root', content: '# min\thour\tday\tmonth\tweekday\tcommand\n*/15\t*\t*\t*\t*\trun-parts /etc/periodic/15min\n', mode: 0o600 }, { path: 'etc/profile.d/locale.sh', content: 'export CHARSET=${CHARSET:-UTF-8}\nexport LANG=${LANG:-C.UTF-8}\nexport LC_COLLATE=${LC_COLLATE:-C}\n' }] },
    { name: 'alpine-baselayout-data', version: BASELAYOUT, origin: 'alpine-baselayout', description: 'Alpine base dir structure and init scripts', url: 'https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout', license: 'GPL-2.0-only', maintainer: NCOPA, size: 11164, installedSize: 77824, buildTime: 1683642107, files: [{ path: 'etc/fstab', content: '/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n' }, { path: 'etc/group', content: group }, { path: 'etc/hostname', content: 'localhost\n' }, { path: 'etc/hosts', content: '127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n' }, { path: 'etc/passwd', content: ALPINE_PASSWD.join('\n') + '\n' }, { path: 'etc/profile', content: 'export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nexport PAGER=less\numask 022\nfor script in /etc/profile.d/*.sh ; do\n\tif [ -r "$script" ] ; then\n\t\t. "$script"\n\tfi\ndone\n' }, { path: 'etc/shadow', content: shadow, mode: 0o640, gid: 42 }, { path: 'etc/shells', content: '# valid login shells\n/bin/sh\n/bin/ash\n' }] },
    { name: 'alpine-keys', version: '2.4-r1', origin: 'alpine-keys', description: 'Public keys for Alpine Linux packages', url: 'https://alpinelinux.org', license: 'MIT', maintainer: NCOPA, size: 13359, installedSize: 159744, buildTime: 1681228881, files: [{ path: 'etc/apk/keys/alpine-devel@lists.alpinelinux.org-4a6a0840.rsa.pub', content: '-----BEGIN PUBLIC KEY-----\nplaceholder for the Alpine package signing key 4a6a0840\n-----END PUBLIC KEY-----\n' }, { path: 'etc/apk/keys/alpine-devel@lists.alpinelinux.org-5261cecb.rsa.pub', content: '-----BEGIN PUBLIC KEY-----\nplaceholder for the Alpine package signing key 5261cecb\n-----END PUBLIC KEY-----\n' }] },
    { name: 'apk-tools', version: '2.14.0-r2', origin: 'apk-tools', description: 'Alpine Package Keeper - package manager for alpine', url: 'https://gitlab.alpinelinux.org/alpine/apk-tools', license: 'GPL-2.0-only', maintainer: TIMO, size: 120973, installedSize: 307200, buildTime: 1686658617, depends: ['musl>=1.2', 'ca-certificates-bundle', 'so:libc.musl-x86_64.so.1', 'so:libcrypto.so.3', 'so:libssl.so.3', 'so:libz.so.1'], provides: ['so:libapk.so.2.14.0=2.14.0', 'cmd:apk=2.14.0-r2'], files: [{ path: 'lib/libapk.so.2.14.0', mode: 0o755 }, { path: 'sbin/apk', mode: 0o755 }] },
    { name: 'busybox', version: BUSYBOX, origin: 'busybox', description: 'Size optimized toolbox of many common UNIX utilities', url: 'https://busybox.net/', license: 'GPL-2.0-only', maintainer: SOEREN, size: 506328, installedSize: 962560, buildTime: 1689957215, depends: ['so:libc.musl-x86_64.so.1'], provides: ['cmd:busybox=1.36.1-r2'], files: [{ path: 'bin/busybox', mode: 0o755 }, { path: 'etc/securetty', content: 'console\ntty1\ntty2\n' }, { path: 'usr/share/udhcpc/default.script', content: '#!/bin/sh\n# udhcpc script\n', mode: 0o755 }] },
    { name: 'busybox-binsh', version: BUSYBOX, origin: 'busybox', description: 'busybox ash /bin/sh', url: 'https://busybox.net/', license: 'GPL-2.0-only', maintainer: SOEREN, size: 1547, installedSize: 8192, buildTime: 1689957215, depends: [`busybox=${BUSYBOX}`], provides: ['/bin/sh', 'cmd:sh=1.36.1-r2'], files: [{ path: 'bin/sh', linkname: '/bin/busybox' }] },
    { name: 'ca-certificates-bundle', version: '20230506-r0', origin: 'ca-certificates', description: 'Pre generated bundle of Mozilla certificates', url: 'https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/', license: 'MPL-2.0 AND MIT', maintainer: NCOPA, size: 125135, installedSize: 229376, buildTime: 1683549045, provides: ['ca-certificates-cacert=20230506-r0'], files: [{ path: 'etc/ssl/certs/ca-certificates.crt', content: '# placeholder for the Mozilla CA bundle\n' }, { path: 'etc/ssl/cert.pem', linkname: 'certs/ca-certificates.crt' }] },
    { name: 'libc-utils', version: '0.7.2-r5', origin: 'libc-dev', description: 'Meta package to pull in correct libc', url: 'https://alpinelinux.org', license: 'BSD-2-Clause AND BSD-3-Clause', maintainer: NCOPA, size: 1475, installedSize: 4096, buildTime: 1681228881, depends: ['musl-utils'] },
    { name: 'libcrypto3', version: OPENSSL, origin: 'openssl', description: 'Crypto library from openssl', url: 'https://www.openssl.org/', license: 'Apache-2.0', maintainer: ARIADNE, size: 1767530, installedSize: 4427776, buildTime: 1695051437, depends: ['so:libc.musl-x86_64.so.1'], provides: ['so:libcrypto.so.3=3'], files: [{ path: 'etc/ssl/openssl.cnf', content: '# OpenSSL configuration file.\nopenssl_conf = openssl_init\n' }, { path: 'lib/libcrypto.so.3', mode: 0o755 }, { path: 'usr/lib/libcrypto.so.3', linkname: '../../lib/libcrypto.so.3' }] },
    { name: 'libssl3', version: OPENSSL, origin: 'openssl', description: 'SSL shared libraries', url: 'https://www.openssl.org/', license: 'Apache-2.0', maintainer: ARIADNE, size: 244146, installedSize: 614400, buildTime: 1695051437, depends: ['so:libc.musl-x86_64.so.1', 'so:libcrypto.so.3'], provides: ['so:libssl.so.3=3'], files: [{ path: 'lib/libssl.so.3', mode: 0o755 }, { path: 'usr/lib/libssl.so.3', linkname: '../../lib/libssl.so.3' }] },
    { name: 'musl', version: MUSL, origin: 'musl', description: 'the musl c library (libc) implementation', url: 'https://musl.libc.org/', license: 'MIT', maintainer: TIMO, size: 383152, installedSize: 622592, buildTime: 1691153036, provides: ['so:libc.musl-x86_64.so.1=1'], files: [{ path: 'lib/ld-musl-x86_64.so.1', mode: 0o755 }, { path: 'lib/libc.musl-x86_64.so.1', linkname: 'ld-musl-x86_64.so.1' }] },
    { name: 'musl-utils', version: MUSL, origin: 'musl', description: 'the musl c library (libc) implementation', url: 'https://musl.libc.org/', license: 'MIT AND BSD-2-Clause AND GPL-2.0-or-later', maintainer: TIMO, size: 36938, installedSize: 135168, buildTime: 1691153036, depends: ['scanelf', 'so:libc.musl-x86_64.so.1'], provides: ['cmd:getconf=1.2.4-r2', 'cmd:getent=1.2.4-r2', 'cmd:iconv=1.2.4-r2', 'cmd:ldconfig=1.2.4-r2', 'cmd:ldd=1.2.4-r2'], files: [{ path: 'sbin/ldconfig', mode: 0o755 }, { path: 'usr/bin/getent', mode: 0o755 }, { path: 'usr/bin/ldd', linkname: '/lib/ld-musl-x86_64.so.1' }] },
    { name: 'scanelf', version: '1.3.7-r1', origin: 'pax-utils', description: 'Scan ELF binaries for stuff', url: 'https://wiki.gentoo.org/wiki/Hardened/PaX_Utilities', license: 'GPL-2.0-only', maintainer: NCOPA, size: 36717, installedSize: 94208, buildTime: 1683642107, depends: ['so:libc.musl-x86_64.so.1'], provides: ['cmd:scanelf=1.3.7-r1'], files: [{ path: 'usr/bin/scanelf', mode: 0o755 }] },
    { name: 'ssl_client', version: BUSYBOX, origin: 'busybox', description: 'EXternal ssl_client for busybox wget', url: 'https://busybox.net/', license: 'GPL-2.0-only', maintainer: SOEREN, size: 4980, installedSize: 28672, buildTime: 1689957215, depends: ['so:libc.musl-x86_64.so.1', 'so:libcrypto.so.3', 'so:libssl.so.3'], provides: ['cmd:ssl_client=1.36.1-r2'], files: [{ path: 'usr/bin/ssl_client', mode: 0o755 }] },
    { name: 'zlib', version: '1.2.13-r1', origin: 'zlib', description: 'A compression/decompression Library', url: 'https://zlib.net/', license: 'Zlib', maintainer: NCOPA, size: 53652, installedSize: 110592, buildTime: 1683642107, depends: ['so:libc.musl-x86_64.so.1'], provides: ['so:libz.so.1=1.2.13'], files: [{ path: 'lib/libz.so.1', linkname: 'libz.so.1.2.13' }, { path: 'lib/libz.so.1.2.13', mode: 0o755 }] },
  ]
}
