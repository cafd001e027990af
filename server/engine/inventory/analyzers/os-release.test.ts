import { describe, expect, it } from 'vitest'
import { osvEcosystem } from './os-ecosystem'
import { osReleaseAnalyzer, osReleasePrecedence, parseOsRelease } from './os-release'

const analyze = (path: string, text: string) => osReleaseAnalyzer.analyze({ path, bytes: Buffer.from(text), mode: 0o644 })

// Real os-release files, as the images ship them.
const JAMMY = `PRETTY_NAME="Ubuntu 22.04.3 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.3 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
UBUNTU_CODENAME=jammy
`
const BOOKWORM = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
`
const TRIXIE_TESTING = 'PRETTY_NAME="Debian GNU/Linux trixie/sid"\nNAME="Debian GNU/Linux"\nVERSION_CODENAME=trixie\nID=debian\n'
const ALPINE = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.18.4\nPRETTY_NAME="Alpine Linux v3.18"\n'
const ROCKY = 'NAME="Rocky Linux"\nVERSION="9.3 (Blue Onyx)"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\nPLATFORM_ID="platform:el9"\n'
const AMAZON = 'NAME="Amazon Linux"\nVERSION="2023"\nID="amzn"\nID_LIKE="fedora"\nVERSION_ID="2023"\n'

describe('os-release analyzer', () => {
  it('reads Ubuntu 22.04 as the LTS ecosystem', async () => {
    expect(await analyze('usr/lib/os-release', JAMMY)).toEqual({
      os: { id: 'ubuntu', versionId: '22.04', prettyName: 'Ubuntu 22.04.3 LTS', versionCodename: 'jammy', ecosystem: 'Ubuntu:22.04:LTS' },
    })
  })

  it('reads Debian, Debian testing by codename, Alpine, Rocky, and Amazon Linux without an ecosystem', async () => {
    expect((await analyze('etc/os-release', BOOKWORM)).os).toMatchObject({ id: 'debian', versionId: '12', ecosystem: 'Debian:12' })
    expect((await analyze('etc/os-release', TRIXIE_TESTING)).os).toMatchObject({ id: 'debian', versionId: '', ecosystem: 'Debian:13' })
    expect((await analyze('etc/os-release', ALPINE)).os).toEqual({ id: 'alpine', versionId: '3.18.4', prettyName: 'Alpine Linux v3.18', ecosystem: 'Alpine:v3.18' })
    expect((await analyze('etc/os-release', ROCKY)).os).toMatchObject({ id: 'rocky', versionId: '9.3', ecosystem: 'Rocky Linux:9' })
    const amazon = (await analyze('etc/os-release', AMAZON)).os
    expect(amazon).toMatchObject({ id: 'amzn', versionId: '2023' })
    expect(amazon?.ecosystem).toBeUndefined()
  })

  it('ignores a file without ID, or without VERSION_ID for a versioned distribution', async () => {
    expect(await analyze('etc/os-release', 'NAME=Thing\n')).toEqual({})
    expect(await analyze('etc/os-release', 'ID=ubuntu\n')).toEqual({})
    expect(await analyze('etc/os-release', '\u0000\u0001garbage')).toEqual({})
  })

  it('falls back to alpine-release and a numbered debian_version, but not to Ubuntu\'s `bookworm/sid`', async () => {
    expect((await analyze('etc/alpine-release', '3.18.4\n')).os).toEqual({ id: 'alpine', versionId: '3.18.4', ecosystem: 'Alpine:v3.18' })
    expect((await analyze('etc/debian_version', '12.5\n')).os).toEqual({ id: 'debian', versionId: '12.5', ecosystem: 'Debian:12' })
    expect(await analyze('etc/debian_version', 'bookworm/sid\n')).toEqual({})
  })

  it('wants only the release files, and ranks them for the merge', () => {
    expect(osReleaseAnalyzer.wants('etc/os-release', 400, 0o644)).toBe(true)
    expect(osReleaseAnalyzer.wants('usr/lib/os-release', 400, 0o644)).toBe(true)
    expect(osReleaseAnalyzer.wants('opt/etc/os-release', 400, 0o644)).toBe(false)
    expect(osReleaseAnalyzer.wants('etc/os-release', 10_000_000, 0o644)).toBe(false)
    expect(osReleasePrecedence('etc/os-release')).toBeLessThan(osReleasePrecedence('etc/alpine-release'))
  })
})

describe('parseOsRelease', () => {
  it('strips both kinds of quotes and unescapes double-quoted values', () => {
    const f = parseOsRelease(`# comment\nA="say \\"hi\\""\nB='x y'\nC=plain\n  D = bad\n`)
    expect([f.get('A'), f.get('B'), f.get('C'), f.get('D')]).toEqual(['say "hi"', 'x y', 'plain', undefined])
  })
})

describe('osvEcosystem', () => {
  it.each([
    [{ id: 'ubuntu', versionId: '22.04' }, 'Ubuntu:22.04:LTS'],
    [{ id: 'ubuntu', versionId: '20.04', version: '20.04.6 LTS (Focal Fossa)' }, 'Ubuntu:20.04:LTS'],
    [{ id: 'ubuntu', versionId: '23.10' }, 'Ubuntu:23.10'],
    [{ id: 'ubuntu', versionId: '21.04' }, 'Ubuntu:21.04'],
    [{ id: 'debian', versionId: '11' }, 'Debian:11'],
    [{ id: 'alpine', versionId: '3.19.0' }, 'Alpine:v3.19'],
    [{ id: 'almalinux', versionId: '8.9' }, 'AlmaLinux:8'],
    [{ id: 'rhel', versionId: '9.3' }, 'Red Hat:enterprise_linux:9'],
    [{ id: 'opensuse-leap', versionId: '15.5' }, 'openSUSE:Leap 15.5'],
    [{ id: 'opensuse-tumbleweed', versionId: '20240101' }, 'openSUSE:Tumbleweed'],
    [{ id: 'sles', versionId: '15.5' }, 'SUSE:Linux Enterprise Server 15 SP5'],
    [{ id: 'wolfi', versionId: '20230201' }, 'Wolfi'],
    [{ id: 'fedora', versionId: '39' }, undefined],
  ])('%o → %s', (fields, expected) => {
    expect(osvEcosystem(fields)).toBe(expected)
  })
})
