import { describe, expect, it } from 'vitest'
import { rpmAnalyzer, splitSourceRpm } from './rpm'
import { RPM_TYPE, RPMTAG } from './rpm-header'
import { rawRpmHeader, rpmPackageHeader, writeRpmdbSqlite } from './testing/rpm-header-writer'

const analyze = async (path: string, bytes: Buffer) => rpmAnalyzer.analyze({ path, bytes, mode: 0o644 })
const RPMDB = 'var/lib/rpm/rpmdb.sqlite'

// Real package fields from a UBI 9 image.
const OPENSSL_LIBS = { name: 'openssl-libs', version: '3.0.7', release: '24.el9', epoch: 1, arch: 'x86_64', sourceRpm: 'openssl-3.0.7-24.el9.src.rpm', license: 'ASL 2.0', vendor: 'Red Hat, Inc.' }
const BASH = { name: 'bash', version: '5.1.8', release: '6.el9_1', arch: 'x86_64', sourceRpm: 'bash-5.1.8-6.el9_1.src.rpm', license: 'GPLv3+', vendor: 'Red Hat, Inc.' }
const GPG_PUBKEY = { name: 'gpg-pubkey', version: 'fd431d51', release: '4ae0493b', arch: '(none)' }

describe('rpm analyzer', () => {
  it('reads the packages of an rpmdb.sqlite, skipping gpg-pubkey', async () => {
    const db = await writeRpmdbSqlite([rpmPackageHeader(OPENSSL_LIBS), rpmPackageHeader(BASH), rpmPackageHeader(GPG_PUBKEY)])
    const out = await analyze(RPMDB, db)
    expect(out.notes).toBeUndefined()
    expect(out.packages).toEqual([
      {
        name: 'openssl-libs',
        version: '1:3.0.7-24.el9',
        format: 'rpm',
        source: 'OS',
        sourceName: 'openssl',
        sourceVersion: '1:3.0.7-24.el9',
        purl: 'pkg:rpm/redhat/openssl-libs@3.0.7-24.el9?arch=x86_64&epoch=1&upstream=openssl-3.0.7-24.el9.src.rpm',
        licenses: ['ASL 2.0'],
        location: RPMDB,
      },
      {
        name: 'bash',
        version: '5.1.8-6.el9_1',
        format: 'rpm',
        source: 'OS',
        sourceName: 'bash',
        sourceVersion: '5.1.8-6.el9_1',
        purl: 'pkg:rpm/redhat/bash@5.1.8-6.el9_1?arch=x86_64&upstream=bash-5.1.8-6.el9_1.src.rpm',
        licenses: ['GPLv3+'],
        location: RPMDB,
      },
    ])
  })

  it('keeps the good packages and gives one note for malformed headers', async () => {
    const wrongCount = rawRpmHeader([{ tag: RPMTAG.NAME, type: RPM_TYPE.STRING_ARRAY, offset: 0, count: 99 }], Buffer.from('x\0'))
    const outside = rawRpmHeader([{ tag: RPMTAG.NAME, type: RPM_TYPE.STRING, offset: 1 << 20, count: 1 }], Buffer.from('x\0'))
    const db = await writeRpmdbSqlite([rpmPackageHeader(BASH), wrongCount, outside, Buffer.from('junk')])
    const out = await analyze(RPMDB, db)
    expect(out.packages?.map((p) => p.name)).toEqual(['bash'])
    expect(out.notes).toEqual([expect.objectContaining({ level: 'warning', code: 'unparsable-package-db', path: RPMDB, message: expect.stringMatching(/^3 of 4 rpm headers/) as unknown })])
  })

  it('notes a corrupt or foreign sqlite file', async () => {
    const db = await writeRpmdbSqlite([rpmPackageHeader(BASH)])
    const corrupt = Buffer.concat([db.subarray(0, 100), Buffer.alloc(db.length - 100, 0xee)])
    expect((await analyze(RPMDB, corrupt)).notes?.[0]).toMatchObject({ code: 'unparsable-package-db' })
    expect((await analyze(RPMDB, Buffer.from('SQLite format 3\0 and then nothing'))).notes?.[0]).toMatchObject({ code: 'unparsable-package-db' })
    expect((await analyze(RPMDB, Buffer.from('plain text'))).notes?.[0]).toMatchObject({ code: 'unparsable-package-db' })
  })

  it('recognises BerkeleyDB and ndb databases and says they are not supported', async () => {
    // A BerkeleyDB hash metadata page starts with the LSN, page number and then the magic.
    const bdb = Buffer.alloc(4096)
    bdb.writeUInt32LE(0x00061561, 12)
    bdb.writeUInt32LE(9, 16)
    const bdbOut = await analyze('var/lib/rpm/Packages', bdb)
    expect(bdbOut.notes).toEqual([expect.objectContaining({ level: 'warning', code: 'unsupported-rpmdb', path: 'var/lib/rpm/Packages' })])
    const bigEndian = Buffer.alloc(4096)
    bigEndian.writeUInt32BE(0x00061561, 12)
    expect((await analyze('var/lib/rpm/Packages', bigEndian)).notes?.[0]?.code).toBe('unsupported-rpmdb')
    const ndb = Buffer.concat([Buffer.from('RpmP'), Buffer.alloc(60)])
    expect((await analyze('usr/lib/sysimage/rpm/Packages.db', ndb)).notes?.[0]).toMatchObject({ code: 'unsupported-rpmdb', message: expect.stringContaining('ndb') as unknown })
  })

  it('wants the rpm database files in their known directories', () => {
    const wants = (p: string) => rpmAnalyzer.wants(p, 1 << 20, 0o644)
    expect(['var/lib/rpm/rpmdb.sqlite', 'var/lib/rpm/Packages', 'usr/lib/sysimage/rpm/Packages.db', 'usr/share/rpm/rpmdb.sqlite'].every(wants)).toBe(true)
    expect(['var/lib/rpm/Name', 'var/lib/rpm/rpmdb.sqlite-shm', 'opt/var/lib/rpm/Packages'].some(wants)).toBe(false)
  })
})

describe('splitSourceRpm', () => {
  it('splits from the right', () => {
    expect(splitSourceRpm('util-linux-2.37.4-15.el9.src.rpm')).toEqual({ name: 'util-linux', version: '2.37.4', release: '15.el9' })
    expect(splitSourceRpm('not-a-source')).toBeUndefined()
  })
})
