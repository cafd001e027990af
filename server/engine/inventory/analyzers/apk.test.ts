import { describe, expect, it } from 'vitest'
import { apkAnalyzer } from './apk'

// Two records of Alpine 3.18's /lib/apk/db/installed, as apk writes them (file lists trimmed).
const INSTALLED = `C:Q1hbuU3dDrwxg3idOdr8aB5sGC3Wo=
P:musl
V:1.2.4-r2
A:x86_64
S:383152
I:622592
T:the musl c library (libc) implementation
U:https://musl.libc.org/
L:MIT
o:musl
m:Timo Teräs <timo.teras@iki.fi>
t:1691153036
c:0c2c3a6cb3c4ec8a4ea8e0e3a9a7a0a5b1a4c8e1
p:so:libc.musl-x86_64.so.1=1
F:lib
R:ld-musl-x86_64.so.1
a:0:0:755
Z:Q1c9KNuNc5VeG8QaMnXmvKBSIvC0A=
R:libc.musl-x86_64.so.1
a:0:0:777
Z:Q17yJ3JFNypA4mxhJJr0ou6CzsJVI=

C:Q1Gx7Aj1c2FX6c5Rcgr3NnoVJ5BRg=
P:libcrypto3
V:3.1.3-r0
A:x86_64
S:1767530
I:4427776
T:Crypto library from openssl
U:https://www.openssl.org/
L:Apache-2.0
o:openssl
m:Ariadne Conill <ariadne@dereferenced.org>
t:1695051437
c:c0a9c4b1a5b4d2b3cbe5b7d0ad1fcd3f5a4fd3f1
D:so:libc.musl-x86_64.so.1
p:so:libcrypto.so.3=3
F:etc/ssl
R:openssl.cnf
Z:Q1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7=

`

const analyze = async (text: string) => apkAnalyzer.analyze({ path: 'lib/apk/db/installed', bytes: Buffer.from(text), mode: 0o644 })

describe('apk analyzer', () => {
  it('reads name, version, origin, licence and arch, ignoring the file lists', async () => {
    const out = await analyze(INSTALLED)
    expect(out.notes).toBeUndefined()
    expect(out.packages).toEqual([
      { name: 'musl', version: '1.2.4-r2', format: 'apk', source: 'OS', sourceName: 'musl', sourceVersion: '1.2.4-r2', purl: 'pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64', licenses: ['MIT'], location: 'lib/apk/db/installed' },
      {
        name: 'libcrypto3',
        version: '3.1.3-r0',
        format: 'apk',
        source: 'OS',
        sourceName: 'openssl',
        sourceVersion: '3.1.3-r0',
        purl: 'pkg:apk/alpine/libcrypto3@3.1.3-r0?arch=x86_64&upstream=openssl',
        licenses: ['Apache-2.0'],
        location: 'lib/apk/db/installed',
      },
    ])
  })

  it('wants only the installed db', () => {
    expect(apkAnalyzer.wants('lib/apk/db/installed', 100, 0o644)).toBe(true)
    expect(apkAnalyzer.wants('usr/lib/apk/db/installed', 100, 0o644)).toBe(true)
    expect(apkAnalyzer.wants('lib/apk/db/triggers', 100, 0o644)).toBe(false)
  })

  it('notes garbage and incomplete records instead of throwing', async () => {
    const garbage = await analyze('\u0000\u00ff\u0010 not an apk db\n')
    expect(garbage.packages).toEqual([])
    expect(garbage.notes?.[0]).toMatchObject({ level: 'warning', code: 'unparsable-package-db' })
    const partial = await analyze('P:nover\n\nP:ok\nV:1-r0\n')
    expect(partial.packages?.map((p) => p.name)).toEqual(['ok'])
    expect(partial.notes?.[0]).toMatchObject({ level: 'info' })
  })
})
