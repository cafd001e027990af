import { bin, type DpkgPackage, lib, link } from './dpkg'
import type { UbuntuRelease } from './ubuntu-rootfs'

/**
 * Ubuntu 20.04 (focal) with real archive versions: the container base set, and what
 * `apt-get install curl ca-certificates` adds on top. bash 5.0-6ubuntu1.1 (fixed 1.2:
 * USN-5380-1), curl 7.68.0-1ubuntu2.18 (fixed 2.19/2.20: UBUNTU-CVE-2023-38545,
 * USN-6429-1) and openssl 1.1.1f-1ubuntu2.16 (fixed 2.17: USN-5844-1) are affected.
 */
export const FOCAL: UbuntuRelease = { versionId: '20.04', version: '20.04.6 LTS (Focal Fossa)', codename: 'focal', debianVersion: 'bullseye/sid', shadowDay: 19472 }

const GLIBC = '2.31-0ubuntu9.12'
const SHADOW = '1:4.8.1-1ubuntu5.20.04.4'
const UTIL_LINUX = '2.34-0.1ubuntu9.4'
const GCC = '10.5.0-1ubuntu1~20.04'
const CURL = '7.68.0-1ubuntu2.18'
const OPENSSL = '1.1.1f-1ubuntu2.16'

type PackageFields = Pick<DpkgPackage, 'name' | 'version' | 'priority' | 'section' | 'size' | 'description'> & Partial<DpkgPackage>
/** Focal stanzas carry the same fields as jammy's; the long text is shortened to one line. */
const pkg = (p: PackageFields): DpkgPackage => ({ multiArch: 'foreign', longDescription: `${p.description}.`, ...p })

export function focalBasePackages(): DpkgPackage[] {
  const t = 'x86_64-linux-gnu'
  return [
    pkg({ name: 'adduser', version: '3.118ubuntu2', arch: 'all', priority: 'important', section: 'admin', size: 624, depends: 'passwd, debconf (>= 0.5) | debconf-2.0', description: 'add and remove users and groups' }),
    pkg({ name: 'apt', version: '2.0.10', priority: 'important', section: 'admin', size: 4209, multiArch: undefined, depends: 'adduser, gpgv | gpgv2 | gpgv1, libapt-pkg6.0 (>= 2.0.10), ubuntu-keyring, libc6 (>= 2.15), libgcc-s1 (>= 3.0), libgnutls30 (>= 3.6.12), libseccomp2 (>= 1.0.1), libstdc++6 (>= 9)', description: 'commandline package manager' }),
    pkg({ name: 'bash', version: '5.0-6ubuntu1.1', priority: 'required', section: 'shells', size: 1664, essential: true, preDepends: 'libc6 (>= 2.15), libtinfo6 (>= 6)', depends: 'base-files (>= 2.1.12), debianutils (>= 2.15)', recommends: 'bash-completion (>= 20060301-0)', suggests: 'bash-doc', description: 'GNU Bourne Again SHell', homepage: 'http://tiswww.case.edu/php/chet/bash/bashtop.html', originalMaintainer: 'Matthias Klose <doko@debian.org>', files: [bin('/bin/bash')] }),
    pkg({ name: 'bsdutils', version: `1:${UTIL_LINUX}`, source: `util-linux (${UTIL_LINUX})`, priority: 'required', section: 'utils', size: 347, essential: true, preDepends: 'libc6 (>= 2.25), libsystemd0', description: 'basic utilities from 4.4BSD-Lite', files: [bin('/usr/bin/logger')] }),
    pkg({ name: 'coreutils', version: '8.30-3ubuntu2', priority: 'required', section: 'utils', size: 7196, essential: true, preDepends: 'libacl1 (>= 2.2.23), libattr1 (>= 1:2.4.44), libc6 (>= 2.28), libselinux1 (>= 2.1.13)', description: 'GNU core utilities', files: [bin('/bin/cat'), bin('/bin/ls')] }),
    pkg({ name: 'dash', version: '0.5.10.2-6', priority: 'required', section: 'shells', size: 212, essential: true, preDepends: 'libc6 (>= 2.14), debianutils (>= 2.15), dpkg (>= 1.19.1)', description: 'POSIX-compliant shell', files: [bin('/bin/dash'), link('/bin/sh', 'dash')] }),
    pkg({ name: 'debianutils', version: '4.9.1', priority: 'required', section: 'utils', size: 224, essential: true, preDepends: 'libc6 (>= 2.14)', description: 'Miscellaneous utilities specific to Debian' }),
    pkg({ name: 'dpkg', version: '1.19.7ubuntu3.2', priority: 'required', section: 'admin', size: 6740, essential: true, preDepends: 'libbz2-1.0, libc6 (>= 2.15), liblzma5 (>= 5.2.2), libselinux1 (>= 2.3), libzstd1 (>= 1.3.2), zlib1g (>= 1:1.1.4)', depends: 'tar (>= 1.28-1)', description: 'Debian package management system', files: [bin('/usr/bin/dpkg')] }),
    pkg({ name: 'gcc-10-base', version: GCC, source: 'gcc-10', priority: 'required', section: 'libs', size: 258, multiArch: 'same', description: 'GCC, the GNU Compiler Collection (base package)' }),
    pkg({ name: 'grep', version: '3.4-1', priority: 'required', section: 'utils', size: 516, essential: true, preDepends: 'libc6 (>= 2.14), libpcre3', description: 'GNU grep, egrep and fgrep' }),
    pkg({ name: 'gzip', version: '1.10-0ubuntu4.1', priority: 'required', section: 'utils', size: 252, essential: true, preDepends: 'libc6 (>= 2.17)', description: 'GNU compression utilities' }),
    pkg({ name: 'libc-bin', version: GLIBC, source: 'glibc', priority: 'required', section: 'libs', size: 3757, essential: true, depends: 'libc6 (>> 2.31), libc6 (<< 2.32)', description: 'GNU C Library: Binaries', files: [bin('/sbin/ldconfig')] }),
    pkg({ name: 'libc6', version: GLIBC, source: 'glibc', priority: 'optional', section: 'libs', size: 13239, multiArch: 'same', depends: 'libcrypt1 (>= 1:4.4.10-10ubuntu4), libgcc-s1', description: 'GNU C Library: Shared libraries', files: [lib(`/lib/${t}/libc.so.6`), lib(`/lib/${t}/libc-2.31.so`)] }),
    pkg({ name: 'libcrypt1', version: '1:4.4.10-10ubuntu4', source: 'libxcrypt', priority: 'required', section: 'libs', size: 231, multiArch: 'same', preDepends: 'libc6 (>= 2.25)', description: 'libcrypt shared library' }),
    pkg({ name: 'libgcc-s1', version: GCC, source: 'gcc-10', priority: 'optional', section: 'libs', size: 104, multiArch: 'same', depends: `gcc-10-base (= ${GCC}), libc6 (>= 2.14)`, description: 'GCC support library' }),
    pkg({ name: 'login', version: SHADOW, source: 'shadow', priority: 'required', section: 'admin', size: 1248, essential: true, preDepends: 'libaudit1 (>= 1:2.2.1), libc6 (>= 2.14), libcrypt1 (>= 1:4.1.0), libpam0g (>= 0.99.7.1), libpam-runtime, libpam-modules', description: 'system login tools', files: [bin('/bin/login')] }),
    pkg({ name: 'passwd', version: SHADOW, source: 'shadow', priority: 'required', section: 'admin', size: 2628, depends: 'libaudit1 (>= 1:2.2.1), libc6 (>= 2.14), libcrypt1 (>= 1:4.1.0), libpam0g (>= 0.99.7.1), libselinux1 (>= 1.32), libsemanage1 (>= 2.0.3), libpam-modules', description: 'change and administer password and group data', files: [bin('/usr/bin/passwd', 0o4755), bin('/usr/sbin/useradd')] }),
    pkg({ name: 'sed', version: '4.7-1', priority: 'required', section: 'utils', size: 328, essential: true, preDepends: 'libacl1 (>= 2.2.23), libc6 (>= 2.14), libselinux1 (>= 2.3)', description: 'GNU stream editor for filtering/transforming text' }),
    pkg({ name: 'tar', version: '1.30+dfsg-7ubuntu0.20.04.3', priority: 'required', section: 'utils', size: 868, essential: true, preDepends: 'libacl1 (>= 2.2.23), libc6 (>= 2.28), libselinux1 (>= 1.32)', description: 'GNU version of the tar archiving utility', files: [bin('/bin/tar')] }),
    pkg({ name: 'util-linux', version: UTIL_LINUX, priority: 'required', section: 'utils', size: 4208, essential: true, preDepends: 'fdisk, libaudit1 (>= 1:2.2.1), libblkid1 (>= 2.31.1), libc6 (>= 2.25), libcap-ng0 (>= 0.7.9), libcrypt1 (>= 1:4.1.0), libmount1 (>= 2.34), libpam0g (>= 0.99.7.1), libselinux1 (>= 2.6-3~), libsmartcols1 (>= 2.33), libsystemd0, libtinfo6 (>= 6), libudev1 (>= 183), libuuid1 (>= 2.16), zlib1g (>= 1:1.1.4)', description: 'miscellaneous system utilities', files: [bin('/bin/mount', 0o4755), bin('/bin/su', 0o4755)] }),
    pkg({ name: 'zlib1g', version: '1:1.2.11.dfsg-2ubuntu1.5', source: 'zlib', priority: 'required', section: 'libs', size: 174, multiArch: 'same', depends: 'libc6 (>= 2.14)', provides: 'libz1', description: 'compression library - runtime', files: [lib(`/lib/${t}/libz.so.1.2.11`), link(`/lib/${t}/libz.so.1`, 'libz.so.1.2.11')] }),
  ]
}

/** What `apt-get install curl ca-certificates` (pinned, as the history shows) adds. */
export function focalCurlPackages(): DpkgPackage[] {
  const t = 'x86_64-linux-gnu'
  return [
    pkg({ name: 'ca-certificates', version: '20230311ubuntu0.20.04.1', arch: 'all', priority: 'important', section: 'misc', size: 384, depends: 'openssl (>= 1.1.1), debconf (>= 0.5) | debconf-2.0', description: 'Common CA certificates' }),
    pkg({ name: 'curl', version: CURL, priority: 'optional', section: 'web', size: 411, depends: `libc6 (>= 2.17), libcurl4 (= ${CURL}), zlib1g (>= 1:1.1.4)`, description: 'command line tool for transferring data with URL syntax', homepage: 'https://curl.haxx.se', files: [bin('/usr/bin/curl')] }),
    pkg({ name: 'libcurl4', version: CURL, source: 'curl', priority: 'optional', section: 'libs', size: 1120, multiArch: 'same', depends: 'libbrotli1 (>= 0.6.0), libc6 (>= 2.17), libgssapi-krb5-2 (>= 1.17), libldap-2.4-2 (>= 2.4.7), libnghttp2-14 (>= 1.12.0), libpsl5 (>= 0.13.0), librtmp1 (>= 2.4+20131018.git79459a2-3~), libssh-4 (>= 0.8.0), libssl1.1 (>= 1.1.1), zlib1g (>= 1:1.1.4)', recommends: 'ca-certificates', description: 'easy-to-use client-side URL transfer library (OpenSSL flavour)', files: [lib(`/usr/lib/${t}/libcurl.so.4.6.0`), link(`/usr/lib/${t}/libcurl.so.4`, 'libcurl.so.4.6.0')] }),
    pkg({ name: 'libnghttp2-14', version: '1.40.0-1ubuntu0.1', source: 'nghttp2', priority: 'optional', section: 'libs', size: 211, multiArch: 'same', depends: 'libc6 (>= 2.17)', description: 'library implementing HTTP/2 protocol (shared library)' }),
    pkg({ name: 'libssl1.1', version: OPENSSL, source: 'openssl', priority: 'optional', section: 'libs', size: 4001, multiArch: 'same', depends: 'libc6 (>= 2.25), debconf (>= 0.5) | debconf-2.0', description: 'Secure Sockets Layer toolkit - shared libraries', files: [lib(`/usr/lib/${t}/libssl.so.1.1`), lib(`/usr/lib/${t}/libcrypto.so.1.1`)] }),
    pkg({ name: 'openssl', version: OPENSSL, priority: 'optional', section: 'utils', size: 1268, depends: 'libc6 (>= 2.15), libssl1.1 (>= 1.1.1)', suggests: 'ca-certificates', description: 'Secure Sockets Layer toolkit - cryptographic utility', files: [bin('/usr/bin/openssl')] }),
  ]
}
