import type { TarEntry } from '../tar-writer'
import { dpkgDatabase, type DpkgPackage } from './dpkg'

/**
 * Ubuntu 22.04 (jammy) and 20.04 (focal) package sets. The versions are real archive
 * versions chosen inside the ranges of the bundled advisories:
 * - openssl 3.0.2-0ubuntu1.7 < 3.0.2-0ubuntu1.8 (USN-5844-1, 22.04)
 * - curl 7.81.0-1ubuntu1.13 < 7.81.0-1ubuntu1.14 (USN-6429-1, UBUNTU-CVE-2023-38545)
 * - glibc 2.35-0ubuntu3.3 < 2.35-0ubuntu3.4 (USN-6409-1, UBUNTU-CVE-2023-4911 "Looney Tunables")
 * - focal: bash 5.0-6ubuntu1.1 (USN-5380-1), curl 7.68.0-1ubuntu2.18 (USN-6429-1),
 *   openssl 1.1.1f-1ubuntu2.16 (USN-5844-1)
 */
export function jammyPackages(): DpkgPackage[] {
  const glibc = '2.35-0ubuntu3.3'
  const ssl = '3.0.2-0ubuntu1.7'
  const curl = '7.81.0-1ubuntu1.13'
  return [
    { name: 'base-files', version: '12ubuntu4.3', section: 'admin', priority: 'required', size: 393, description: 'Debian base system miscellaneous files' },
    { name: 'bash', version: '5.1-6ubuntu1', section: 'shells', priority: 'required', size: 1864, depends: 'base-files (>= 2.1.12), debianutils (>= 2.15)', description: 'GNU Bourne Again SHell', files: ['/bin/bash'] },
    { name: 'coreutils', version: '8.32-4.1ubuntu1', section: 'utils', priority: 'required', size: 7112, description: 'GNU core utilities', files: ['/bin/ls', '/bin/cat'] },
    { name: 'dpkg', version: '1.21.1ubuntu2.2', section: 'admin', priority: 'required', size: 6733, description: 'Debian package management system' },
    { name: 'libc6', version: glibc, source: 'glibc', section: 'libs', priority: 'optional', size: 13592, multiArch: 'same', depends: 'libcrypt1 (>= 1:4.4.10-10ubuntu4), libgcc-s1', description: 'GNU C Library: Shared libraries', files: ['/lib/x86_64-linux-gnu/libc.so.6'] },
    { name: 'libc-bin', version: glibc, source: 'glibc', section: 'libs', priority: 'required', size: 2766, multiArch: 'foreign', description: 'GNU C Library: Binaries' },
    { name: 'libssl3', version: ssl, source: 'openssl', section: 'libs', size: 5828, multiArch: 'same', depends: 'libc6 (>= 2.34)', description: 'Secure Sockets Layer toolkit - shared libraries', files: ['/usr/lib/x86_64-linux-gnu/libssl.so.3'] },
    { name: 'openssl', version: ssl, section: 'utils', size: 2121, depends: 'libc6 (>= 2.34), libssl3 (>= 3.0.2)', description: 'Secure Sockets Layer toolkit - cryptographic utility', files: ['/usr/bin/openssl'] },
    { name: 'curl', version: curl, section: 'web', size: 453, depends: 'libc6 (>= 2.34), libcurl4 (= 7.81.0-1ubuntu1.13), zlib1g (>= 1:1.1.4)', description: 'command line tool for transferring data with URL syntax', files: ['/usr/bin/curl'] },
    { name: 'libcurl4', version: curl, source: 'curl', section: 'libs', size: 845, multiArch: 'same', description: 'easy-to-use client-side URL transfer library (OpenSSL flavour)' },
    { name: 'zlib1g', version: '1:1.2.11.dfsg-2ubuntu9.2', source: 'zlib', section: 'libs', priority: 'required', size: 164, multiArch: 'same', description: 'compression library - runtime' },
    { name: 'ca-certificates', version: '20230311ubuntu0.22.04.1', section: 'misc', size: 391, multiArch: 'foreign', description: 'Common CA certificates', arch: 'all' },
    { name: 'libgcc-s1', version: '12.3.0-1ubuntu1~22.04', source: 'gcc-12', section: 'libs', priority: 'required', size: 140, multiArch: 'same', description: 'GCC support library' },
    { name: 'libcrypt1', version: '1:4.4.27-1', source: 'libxcrypt', section: 'libs', priority: 'required', size: 225, multiArch: 'same', description: 'libcrypt shared library' },
    { name: 'tzdata', version: '2023c-0ubuntu0.22.04.2', section: 'localization', priority: 'important', size: 3909, arch: 'all', description: 'time zone and daylight-saving time data' },
    { name: 'passwd', version: '1:4.8.1-2ubuntu2.1', source: 'shadow', section: 'admin', priority: 'required', size: 2868, description: 'change and administer password and group data', files: ['/usr/bin/passwd'] },
    { name: 'openssh-server', version: '1:8.9p1-3ubuntu0.4', source: 'openssh', section: 'net', size: 1539, description: 'secure shell (SSH) server, for secure access from remote machines' },
  ]
}

export function focalPackages(): DpkgPackage[] {
  return [
    { name: 'base-files', version: '11ubuntu5.7', section: 'admin', priority: 'required', size: 388, description: 'Debian base system miscellaneous files' },
    { name: 'bash', version: '5.0-6ubuntu1.1', section: 'shells', priority: 'required', size: 1660, description: 'GNU Bourne Again SHell', files: ['/bin/bash'] },
    { name: 'libc6', version: '2.31-0ubuntu9.9', source: 'glibc', section: 'libs', size: 12936, multiArch: 'same', description: 'GNU C Library: Shared libraries' },
    { name: 'libssl1.1', version: '1.1.1f-1ubuntu2.16', source: 'openssl', section: 'libs', size: 4120, multiArch: 'same', description: 'Secure Sockets Layer toolkit - shared libraries' },
    { name: 'openssl', version: '1.1.1f-1ubuntu2.16', section: 'utils', size: 1268, description: 'Secure Sockets Layer toolkit - cryptographic utility' },
    { name: 'curl', version: '7.68.0-1ubuntu2.18', section: 'web', size: 411, description: 'command line tool for transferring data with URL syntax', files: ['/usr/bin/curl'] },
    { name: 'libcurl4', version: '7.68.0-1ubuntu2.18', source: 'curl', section: 'libs', size: 777, multiArch: 'same', description: 'easy-to-use client-side URL transfer library (OpenSSL flavour)' },
    { name: 'zlib1g', version: '1:1.2.11.dfsg-2ubuntu1.5', source: 'zlib', section: 'libs', size: 163, multiArch: 'same', description: 'compression library - runtime' },
  ]
}

export function osRelease(v: { version: string; id: string; codename: string; pretty: string }): string {
  return [
    `PRETTY_NAME="${v.pretty}"`,
    'NAME="Ubuntu"',
    `VERSION_ID="${v.id}"`,
    `VERSION="${v.version}"`,
    `VERSION_CODENAME=${v.codename}`,
    'ID=ubuntu',
    'ID_LIKE=debian',
    'HOME_URL="https://www.ubuntu.com/"',
    'SUPPORT_URL="https://help.ubuntu.com/"',
    'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"',
    `UBUNTU_CODENAME=${v.codename}`,
    '',
  ].join('\n')
}

export function ubuntuBase(pkgs: DpkgPackage[], release: Parameters<typeof osRelease>[0], arch: string): TarEntry[] {
  return [
    { path: 'etc', type: 'dir' },
    { path: 'usr/lib/os-release', content: osRelease(release) },
    { path: 'etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
    { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' },
    { path: 'etc/shadow', content: 'root:*:19480:0:99999:7:::\ndaemon:*:19480:0:99999:7:::\nnobody:*:19480:0:99999:7:::\n', mode: 0o640 },
    { path: 'tmp', type: 'dir', mode: 0o1777 },
    ...dpkgDatabase(pkgs, arch),
  ]
}
