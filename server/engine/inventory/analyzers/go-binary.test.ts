import { describe, expect, it } from 'vitest'
import { parseElf } from './elf'
import { goBinaryAnalyzer } from './go-binary'
import { readGoBuildInfo } from './go-buildinfo'
import { effectiveModule, goStdlibVersion, parseGoModInfo } from './go-modinfo'
import { buildElf, framedModInfo, goBinary, inlineBuildInfo, pointerBuildInfoSections } from './testing/elf-writer'

// runtime/debug.BuildInfo as a Go 1.21 build of node_exporter embeds it (fewer deps), with a
// module replacement and a local-directory replacement added.
const MODINFO = [
  'path\tgithub.com/prometheus/node_exporter',
  'mod\tgithub.com/prometheus/node_exporter\tv1.6.1\th1:Srpw6xc9C9fTdP5y4Dy3KCrd4eP7FoYdc2qfEU+lUeo=',
  'dep\tgithub.com/alecthomas/kingpin/v2\tv2.3.2\th1:H0aULhgmSzN8xQ3nX1uxtdlTHYoPLu5AhHxWrKI6ocU=',
  'dep\tgithub.com/beorn7/perks\tv1.0.1\th1:VlbKKnNfV8bJzeqoa4cOKqO6bYr3WgKZxO8Z16+hsOM=',
  'dep\tgolang.org/x/net\tv0.10.0\th1:X2//UzNDwYmtCLn7To6G58Wr6f5ahEAQgKNzv9Y951M=',
  '=>\tgolang.org/x/net\tv0.17.0\th1:pVaXccu2ozPjCXewfr1S7xza/zcXTity9cCdXQYSjIM=',
  'dep\texample.com/internal/metrics\tv0.0.0-00010101000000-000000000000',
  '=>\t../metrics',
  'build\t-buildmode=exe',
  'build\t-compiler=gc',
  'build\tCGO_ENABLED=0',
  'build\tGOARCH=amd64',
  'build\tGOOS=linux',
  'build\tGOAMD64=v1',
  '',
].join('\n')

const EXPECTED = [
  ['stdlib', '1.21.3', 'pkg:golang/stdlib@1.21.3'],
  ['github.com/prometheus/node_exporter', 'v1.6.1', 'pkg:golang/github.com/prometheus/node_exporter@v1.6.1'],
  ['github.com/alecthomas/kingpin/v2', 'v2.3.2', 'pkg:golang/github.com/alecthomas/kingpin/v2@v2.3.2'],
  ['github.com/beorn7/perks', 'v1.0.1', 'pkg:golang/github.com/beorn7/perks@v1.0.1'],
  ['golang.org/x/net', 'v0.17.0', 'pkg:golang/golang.org/x/net@v0.17.0'],
  ['example.com/internal/metrics', '(devel)', 'pkg:golang/example.com/internal/metrics'],
]

const analyze = async (bytes: Buffer, path = 'usr/bin/node_exporter') => goBinaryAnalyzer.analyze({ path, bytes, mode: 0o755 })
const summary = async (bytes: Buffer) => {
  const out = await analyze(bytes)
  expect(out.notes).toBeUndefined()
  return (out.packages ?? []).map((p) => [p.name, p.version, p.purl])
}

describe('go-binary analyzer', () => {
  it('reads a Go ≥ 1.18 ELF: stdlib, the main module, and deps with replacements honoured', async () => {
    const out = await analyze(goBinary('go1.21.3', MODINFO))
    expect(out.packages?.[0]).toEqual({ name: 'stdlib', version: '1.21.3', format: 'go', source: 'GO', purl: 'pkg:golang/stdlib@1.21.3', licenses: [], location: 'usr/bin/node_exporter' })
    expect(await summary(goBinary('go1.21.3', MODINFO))).toEqual(EXPECTED)
  })

  it('finds the header through the writable PT_LOAD when there are no section headers', async () => {
    const stripped = goBinary('go1.21.3', MODINFO, { sectionHeaders: false })
    expect(parseElf(stripped).sections).toEqual([])
    expect(await summary(stripped)).toEqual(EXPECTED)
  })

  it('reads 32-bit and big-endian builds, inline and through pointers (Go < 1.18)', async () => {
    expect(await summary(goBinary('go1.21.3', MODINFO, { is64: false, bigEndian: true }))).toEqual(EXPECTED)
    const old = (is64: boolean, bigEndian: boolean) => buildElf({ is64, bigEndian, sections: pointerBuildInfoSections('go1.21.3', framedModInfo(MODINFO), { is64, bigEndian }) })
    expect(await summary(old(true, false))).toEqual(EXPECTED)
    expect(await summary(old(false, true))).toEqual(EXPECTED)
    expect(await summary(old(false, false))).toEqual(EXPECTED)
  })

  it('keeps a (devel) main module without a purl version, and reports only stdlib for a build without modules', async () => {
    const devel = 'path\texample.com/app\nmod\texample.com/app\t(devel)\t\ndep\tgithub.com/google/uuid\tv1.3.0\th1:t6JiXgmwXMjEs8VusXIJk2BXHsn+wx8BZdTaoZ5fu7I=\n'
    expect(await summary(goBinary('go1.22.0 X:boringcrypto', devel))).toEqual([
      ['stdlib', '1.22.0', 'pkg:golang/stdlib@1.22.0'],
      ['example.com/app', '(devel)', 'pkg:golang/example.com/app'],
      ['github.com/google/uuid', 'v1.3.0', 'pkg:golang/github.com/google/uuid@v1.3.0'],
    ])
    const gopath = buildElf({ sections: [{ name: '.go.buildinfo', size: 48, content: () => inlineBuildInfo('go1.20.5', Buffer.alloc(0)) }] })
    expect(await summary(gopath)).toEqual([['stdlib', '1.20.5', 'pkg:golang/stdlib@1.20.5']])
  })

  it('reads the inline form from a Mach-O binary', async () => {
    const macho = Buffer.alloc(8192)
    macho.writeUInt32LE(0xfeedfacf, 0)
    inlineBuildInfo('go1.21.3', framedModInfo(MODINFO)).copy(macho, 4096)
    expect(await summary(macho)).toEqual(EXPECTED)
  })

  it('returns nothing for executables that are not Go binaries', async () => {
    expect(await analyze(Buffer.from('#!/bin/sh\nexec /bin/busybox "$@"\n'.padEnd(200, '#')))).toEqual({})
    expect(await analyze(buildElf({ sections: [{ name: '.data', size: 64, content: () => Buffer.alloc(64, 1) }] }))).toEqual({})
    // The magic at an unaligned offset is not a header.
    const unaligned = buildElf({ sections: [{ name: '.go.buildinfo', size: 80, content: () => Buffer.concat([Buffer.alloc(8), inlineBuildInfo('go1.21.3', Buffer.alloc(0))]) }] })
    expect(await analyze(unaligned)).toEqual({})
  })

  it('notes truncated ELF files and broken build info instead of throwing', async () => {
    const good = goBinary('go1.21.3', MODINFO)
    const truncated = await analyze(good.subarray(0, 100))
    expect(truncated.notes).toEqual([expect.objectContaining({ level: 'info', code: 'unparsable-binary', path: 'usr/bin/node_exporter' })])
    // A string length running past the section.
    const header = inlineBuildInfo('go1.21.3', Buffer.alloc(0))
    header.set([0xff, 0xff, 0xff, 0x7f], 32)
    const badLength = buildElf({ sections: [{ name: '.go.buildinfo', size: header.length, content: () => header }] })
    expect((await analyze(badLength)).notes?.[0]).toMatchObject({ code: 'unparsable-binary' })
    // Old-format pointers to addresses no segment maps.
    const sections = pointerBuildInfoSections('go1.16', framedModInfo(MODINFO))
    const wild = buildElf({ sections: [{ ...sections[0]!, content: (a) => Buffer.from(sections[0]!.content(a)).fill(0xee, 16, 32) }, sections[1]!] })
    expect((await analyze(wild)).notes?.[0]).toMatchObject({ code: 'unparsable-binary' })
  })

  it('never throws on corrupted binaries', async () => {
    const good = goBinary('go1.21.3', MODINFO)
    let seed = 3
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let i = 0; i < 1000; i++) {
      const bad = Buffer.from(good)
      for (let j = 0; j < 4; j++) bad[Math.floor(random() * bad.length)] = Math.floor(random() * 256)
      const out = await analyze(random() < 0.2 ? bad.subarray(0, Math.floor(random() * bad.length)) : bad)
      expect(out.notes === undefined || out.notes.every((n) => n.code === 'unparsable-binary')).toBe(true)
    }
  })

  it('wants executables of a plausible size', () => {
    expect(goBinaryAnalyzer.wants('usr/bin/app', 1 << 20, 0o755)).toBe(true)
    expect(goBinaryAnalyzer.wants('usr/bin/app', 1 << 20, 0o644)).toBe(false)
    expect(goBinaryAnalyzer.wants('usr/bin/app', 10, 0o755)).toBe(false)
  })
})

describe('Go module info', () => {
  it('parses replacements onto the module before them', () => {
    const info = parseGoModInfo(MODINFO)
    expect(info.path).toBe('github.com/prometheus/node_exporter')
    expect(info.deps[2]).toEqual({ path: 'golang.org/x/net', version: 'v0.10.0', replacedBy: { path: 'golang.org/x/net', version: 'v0.17.0' } })
    expect(effectiveModule(info.deps[3]!)).toEqual({ path: 'example.com/internal/metrics', version: '(devel)' })
  })

  it.each([
    ['go1.21.3', '1.21.3'],
    ['go1.22.0 X:boringcrypto', '1.22.0'],
    ['go1.20.5-X:nocoverageredesign', '1.20.5'],
    ['go1.21rc2', '1.21rc2'],
    ['devel go1.23-ab12cd34 Tue Jan 2 2024', undefined],
  ])('stdlib version of %s', (v, expected) => {
    expect(goStdlibVersion(v)).toBe(expected)
  })

  it('reads build info without modinfo sentinels as having no modules', () => {
    const bin = buildElf({ sections: [{ name: '.go.buildinfo', size: 64, content: () => inlineBuildInfo('go1.21.3', Buffer.from('mod\tx\tv1\n')) }] })
    expect(readGoBuildInfo(bin)).toEqual({ goVersion: 'go1.21.3', modinfo: '' })
  })
})
