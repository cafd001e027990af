import { describe, expect, it } from 'vitest'
import { dpkgAnalyzer, parseDpkgSource } from './dpkg'

// Stanzas as dpkg writes them on Ubuntu 22.04 (trimmed descriptions), plus a package removed
// with its conffiles kept and one half-installed.
const JAMMY_STATUS = `Package: libc6
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 13300
Maintainer: Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>
Architecture: amd64
Multi-Arch: same
Source: glibc
Version: 2.35-0ubuntu3.1
Replaces: libc6-amd64
Depends: libgcc-s1, libcrypt1 (>= 1:4.4.10-10ubuntu4)
Conffiles:
 /etc/ld.so.conf.d/x86_64-linux-gnu.conf d4e7a7b88a71b5ffd9e2644e71a0cfab
Description: GNU C Library: Shared libraries
 Contains the standard libraries that are used by nearly all programs on
 the system.
Homepage: https://www.gnu.org/software/libc/libc.html
Original-Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>

Package: bsdutils
Essential: yes
Status: install ok installed
Priority: required
Section: utils
Installed-Size: 355
Maintainer: Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>
Architecture: amd64
Multi-Arch: foreign
Source: util-linux (2.37.2-4ubuntu3)
Version: 1:2.37.2-4ubuntu3
Description: basic utilities from 4.4BSD-Lite

Package: adduser
Status: install ok installed
Priority: important
Section: admin
Installed-Size: 608
Maintainer: Ubuntu Core Developers <ubuntu-devel-discuss@lists.ubuntu.com>
Architecture: all
Multi-Arch: foreign
Version: 3.118ubuntu5
Description: add and remove users and groups

Package: nano
Status: deinstall ok config-files
Priority: important
Section: editors
Installed-Size: 868
Maintainer: Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>
Architecture: amd64
Version: 6.2-1
Conffiles:
 /etc/nanorc 09ff4e1b2b5e5bcf1fb2ec2fb9f4b8a3

Package: vim-tiny
Status: install reinstreq half-installed
Architecture: amd64
Version: 2:8.2.3995-1ubuntu2

Package: zlib1g
Status: hold ok installed
Architecture: amd64
Source: zlib
Version: 1:1.2.11.dfsg-2ubuntu9
`

// A distroless (gcr.io/distroless/base-debian12) status.d file: a control stanza, no Status.
const DISTROLESS_LIBSSL = `Package: libssl3
Source: openssl
Version: 3.0.11-1~deb12u2
Architecture: amd64
Maintainer: Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>
Installed-Size: 6161
Depends: libc6 (>= 2.34)
Section: libs
Priority: optional
Multi-Arch: same
Homepage: https://www.openssl.org/
Description: Secure Sockets Layer toolkit - shared libraries
`

const analyze = async (path: string, text: string) => dpkgAnalyzer.analyze({ path, bytes: Buffer.from(text), mode: 0o644 })

describe('dpkg analyzer', () => {
  it('reports installed packages with their source package and version, and nothing removed or half-installed', async () => {
    const out = await analyze('var/lib/dpkg/status', JAMMY_STATUS)
    expect(out.notes).toBeUndefined()
    expect(out.packages?.map((p) => [p.name, p.version, p.sourceName, p.sourceVersion])).toEqual([
      ['libc6', '2.35-0ubuntu3.1', 'glibc', '2.35-0ubuntu3.1'],
      ['bsdutils', '1:2.37.2-4ubuntu3', 'util-linux', '2.37.2-4ubuntu3'],
      ['adduser', '3.118ubuntu5', 'adduser', '3.118ubuntu5'],
      ['zlib1g', '1:1.2.11.dfsg-2ubuntu9', 'zlib', '1:1.2.11.dfsg-2ubuntu9'],
    ])
    expect(out.packages?.[0]).toEqual({
      name: 'libc6',
      version: '2.35-0ubuntu3.1',
      format: 'dpkg',
      source: 'OS',
      sourceName: 'glibc',
      sourceVersion: '2.35-0ubuntu3.1',
      purl: 'pkg:deb/ubuntu/libc6@2.35-0ubuntu3.1?arch=amd64&upstream=glibc',
      licenses: [],
      location: 'var/lib/dpkg/status',
    })
    expect(out.packages?.[2]?.purl).toBe('pkg:deb/ubuntu/adduser@3.118ubuntu5?arch=all')
  })

  it('reads distroless status.d stanzas, which have no Status field, as installed Debian packages', async () => {
    const out = await analyze('var/lib/dpkg/status.d/libssl3', DISTROLESS_LIBSSL)
    expect(out.packages).toEqual([
      expect.objectContaining({ name: 'libssl3', version: '3.0.11-1~deb12u2', sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2', purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&upstream=openssl' }),
    ])
  })

  it('wants the status file and status.d stanzas, not md5sums or status-old', () => {
    expect(dpkgAnalyzer.wants('var/lib/dpkg/status', 1000, 0o644)).toBe(true)
    expect(dpkgAnalyzer.wants('var/lib/dpkg/status.d/libssl3', 1000, 0o644)).toBe(true)
    expect(dpkgAnalyzer.wants('var/lib/dpkg/status.d/libssl3.md5sums', 1000, 0o644)).toBe(false)
    expect(dpkgAnalyzer.wants('var/lib/dpkg/status-old', 1000, 0o644)).toBe(false)
    expect(dpkgAnalyzer.wants('var/lib/dpkg/status.d/sub/x', 1000, 0o644)).toBe(false)
  })

  it('gives a note, not an exception, for garbage and for stanzas missing a version', async () => {
    const garbage = await analyze('var/lib/dpkg/status', '\u0000\u0001\u0002 binary junk\nmore junk')
    expect(garbage.packages).toEqual([])
    expect(garbage.notes?.[0]).toMatchObject({ level: 'warning', code: 'unparsable-package-db', path: 'var/lib/dpkg/status' })
    const partial = await analyze('var/lib/dpkg/status', 'Package: x\nStatus: install ok installed\n\nPackage: y\nStatus: install ok installed\nVersion: 1\n')
    expect(partial.packages?.map((p) => p.name)).toEqual(['y'])
    expect(partial.notes?.[0]).toMatchObject({ level: 'info', code: 'unparsable-package-db' })
    expect(await analyze('var/lib/dpkg/status', '')).toEqual({ packages: [] })
  })
})

describe('parseDpkgSource', () => {
  it('defaults to the binary name and version', () => {
    expect(parseDpkgSource(undefined, 'bash', '5.1')).toEqual({ sourceName: 'bash', sourceVersion: '5.1' })
    expect(parseDpkgSource('glibc (2.35-0ubuntu3.1)', 'libc6', '2.35-0ubuntu3.1+b1')).toEqual({ sourceName: 'glibc', sourceVersion: '2.35-0ubuntu3.1' })
  })
})
