import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { sha256 } from '../../demo/image-writer'
import { createTar, type TarEntry } from '../../demo/tar-writer'
import type { Analyzer } from '../inventory/analyzer'
import { LayerError } from './layer-error'
import type { LayerWalkLimits } from './layer-limits'
import { osReleaseTestAnalyzer, pkgsTxtAnalyzer } from './testing/fake-analyzers'
import { isCacheable, walkLayerTar } from './walk-layer'

const walk = (tarOrEntries: Buffer | TarEntry[], opts: { analyzers?: Analyzer[]; limits?: Partial<LayerWalkLimits>; diffId?: string; chunk?: number } = {}) => {
  const tar = Buffer.isBuffer(tarOrEntries) ? tarOrEntries : createTar(tarOrEntries)
  const size = opts.chunk ?? 4096
  const pieces = Array.from({ length: Math.ceil(tar.length / size) }, (_, i) => tar.subarray(i * size, (i + 1) * size))
  return walkLayerTar(Readable.from(pieces), { analyzers: opts.analyzers ?? [pkgsTxtAnalyzer()], expectedDiffId: opts.diffId ?? sha256(tar), limits: opts.limits })
}
const layerError = async (p: Promise<unknown>) => {
  const err = await p.then(() => undefined, (e: unknown) => e)
  expect(err).toBeInstanceOf(LayerError)
  return err as LayerError
}

describe('walkLayerTar: index, whiteouts, analysis', () => {
  it('indexes entries, records whiteouts and opaque dirs, and analyses wanted files', async () => {
    const calls: string[] = []
    const result = await walk(
      [
        { path: './', type: 'dir' },
        { path: './app/', type: 'dir' },
        { path: './app/pkgs.txt', content: 'express 4.17.1\nqs 6.7.0\n', mode: 0o640, uid: 1000, gid: 1000 },
        { path: './app/bin/run', content: '#!/bin/sh\n', mode: 0o4755 },
        { path: './etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
        { path: './app/node_modules/.wh.minimist', content: '' },
        { path: './app/config/.wh..wh..opq', content: '' },
        { path: './dev/null', type: 'chardev', devmajor: 1, devminor: 3 },
      ],
      { analyzers: [pkgsTxtAnalyzer(calls)] },
    )
    expect(result.files).toEqual([
      { path: 'app', type: 'dir', size: 0, mode: 0o755 },
      { path: 'app/pkgs.txt', type: 'file', size: 24, mode: 0o640, uid: 1000, gid: 1000 },
      { path: 'app/bin/run', type: 'file', size: 10, mode: 0o4755 },
      { path: 'etc/os-release', type: 'symlink', size: 0, mode: 0o777, linkTarget: '../usr/lib/os-release' },
      { path: 'dev/null', type: 'chardev', size: 0, mode: 0o600 },
    ])
    expect(result.fileCount).toBe(5)
    expect(result.whiteouts).toEqual(['app/node_modules/minimist'])
    expect(result.opaqueDirs).toEqual(['app/config'])
    expect(calls).toEqual(['app/pkgs.txt'])
    expect(result.analyses).toEqual([{ path: 'app/pkgs.txt', packages: [expect.objectContaining({ name: 'express', version: '4.17.1', location: 'app/pkgs.txt' }), expect.objectContaining({ name: 'qs' })] }])
    expect(result.notes).toEqual([])
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })

  it('analyses files split over many small chunks and long pax names', async () => {
    const deep = `${'d'.repeat(120)}/${'e'.repeat(120)}/pkgs.txt`
    const result = await walk([{ path: deep, content: `${'x'.repeat(3000)} 1\nlodash 4.17.20\n` }], { chunk: 7 })
    expect(result.analyses[0]?.path).toBe(deep)
    expect(result.analyses[0]?.packages.map((p) => p.name)).toEqual(['x'.repeat(3000), 'lodash'])
  })

  it('keeps only the last entry of a path the tar repeats', async () => {
    const result = await walk([
      { path: 'pkgs.txt', content: 'old 1\n' },
      { path: 'pkgs.txt', content: 'new 2\n' },
      { path: 'a/pkgs.txt', content: 'gone 1\n' },
      { path: 'a/pkgs.txt', type: 'dir' },
    ])
    expect(result.files.map((f) => [f.path, f.type])).toEqual([['pkgs.txt', 'file'], ['a/pkgs.txt', 'dir']])
    expect(result.analyses.map((a) => a.packages.map((p) => p.name))).toEqual([['new']])
  })

  it('analyses a hard link with its target bytes, once per analyzer', async () => {
    const calls: string[] = []
    const other: Analyzer = { name: 'other', version: 1, wants: (p) => p === 'b/pkgs.txt', analyze: ({ path }) => ({ packages: [{ name: 'other', version: '1', format: 'npm', source: 'NODEJS', purl: 'pkg:npm/other@1', licenses: [], location: path }] }) }
    const result = await walk(
      [
        { path: 'a/pkgs.txt', content: 'shared 1\n' },
        { path: 'b/pkgs.txt', type: 'hardlink', linkname: './a/pkgs.txt' },
        { path: 'c/link', type: 'hardlink', linkname: 'b/pkgs.txt' },
      ],
      { analyzers: [pkgsTxtAnalyzer(calls), other] },
    )
    expect(result.files.slice(1)).toEqual([
      { path: 'b/pkgs.txt', type: 'hardlink', size: 9, mode: 0o644, linkTarget: 'a/pkgs.txt' },
      { path: 'c/link', type: 'hardlink', size: 9, mode: 0o644, linkTarget: 'a/pkgs.txt' },
    ])
    // pkgs-txt read the content once (at a/); `other` only wants the link's path, and gets the target's bytes there.
    expect(calls).toEqual(['a/pkgs.txt'])
    expect(result.analyses.map((a) => [a.path, a.packages.map((p) => p.name)])).toEqual([
      ['a/pkgs.txt', ['shared']],
      ['b/pkgs.txt', ['other']],
    ])
  })

  it('treats an empty tar (two zero blocks) and a zero-byte stream as empty layers', async () => {
    expect((await walk(Buffer.alloc(1024))).fileCount).toBe(0)
    expect((await walk(Buffer.alloc(0))).fileCount).toBe(0)
  })
})

describe('walkLayerTar: hostile names and links', () => {
  it('drops names that climb out of the root, with a path-traversal note, and reads absolute names relative to it', async () => {
    const result = await walk([
      { path: '../../etc/passwd', content: 'root:x:0:0\n' },
      { path: 'a/../../../etc/shadow', content: 'x' },
      { path: '/etc/hostname', content: 'evil\n' },
      { path: '/abs/pkgs.txt', content: 'abs 1\n' },
    ])
    expect(result.files.map((f) => f.path)).toEqual(['etc/hostname', 'abs/pkgs.txt'])
    expect(result.notes.filter((n) => n.code === 'path-traversal')).toHaveLength(2)
    expect(result.notes.find((n) => n.code === 'path-traversal')?.message).toContain('../../etc/passwd')
    expect(result.notes.filter((n) => n.code === 'absolute-path').map((n) => n.path)).toEqual(['etc/hostname', 'abs/pkgs.txt'])
    expect(result.analyses.map((a) => a.path)).toEqual(['abs/pkgs.txt'])
  })

  it('drops hard links that point out of the tree, at themselves or at directories', async () => {
    const result = await walk([
      { path: 'etc/', type: 'dir' },
      { path: 'x', type: 'hardlink', linkname: '../../etc/shadow' },
      { path: 'y', type: 'hardlink', linkname: '/../etc/shadow' },
      { path: 'z', type: 'hardlink', linkname: 'etc' },
      { path: 'w', type: 'hardlink', linkname: 'w' },
      { path: 'v', type: 'hardlink', linkname: 'lower/file' },
    ])
    expect(result.files.map((f) => f.path)).toEqual(['etc', 'v'])
    expect(result.notes.map((n) => n.code)).toEqual(['path-traversal', 'path-traversal', 'invalid-hardlink', 'invalid-hardlink', 'hardlink-target-outside-layer'])
  })

  it('records absolute and looping symlinks as they are, without following them', async () => {
    const result = await walk([
      { path: 'etc/os-release', type: 'symlink', linkname: '/../../../../etc/shadow' },
      { path: 'a', type: 'symlink', linkname: 'b' },
      { path: 'b', type: 'symlink', linkname: 'a' },
    ])
    expect(result.files.map((f) => f.linkTarget)).toEqual(['/../../../../etc/shadow', 'b', 'a'])
    expect(result.notes).toEqual([])
  })

  it('drops very deep and very long paths with a note', async () => {
    const deep = `${Array(300).fill('a').join('/')}/pkgs.txt`
    const long = `${'l'.repeat(5000)}/pkgs.txt`
    const result = await walk([{ path: deep, content: 'deep 1\n' }, { path: long, content: 'long 1\n' }, { path: 'ok/pkgs.txt', content: 'ok 1\n' }])
    expect(result.files.map((f) => f.path)).toEqual(['ok/pkgs.txt'])
    expect(result.notes.map((n) => n.code)).toEqual(['path-too-deep', 'path-too-long'])
  })

  it('summarises past the per-code note cap instead of growing without bound', async () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({ path: `../x${i}`, content: '' }))
    const result = await walk(entries, { limits: { maxNotesPerCode: 5 } })
    expect(result.notes).toHaveLength(6)
    expect(result.notes[5]?.message).toContain('45 more')
  })

  it('notes entry types it does not index, and an oversized pax header', async () => {
    const tar = createTar([
      { path: 'sparse', content: 'abc' },
      { path: `${'p'.repeat(300)}/x`, content: 'x' },
      { path: 'ok', content: 'ok' },
    ])
    tar[156] = 'S'.charCodeAt(0) // GNU sparse: node-tar skips it
    let sum = 0
    tar.fill(0x20, 148, 156)
    for (const b of tar.subarray(0, 512)) sum += b
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
    const result = await walk(tar, { limits: { maxMetaEntrySize: 64 } })
    expect(result.notes.map((n) => n.code)).toEqual(['unsupported-entry', 'tar-meta-too-large'])
    // The pax name was ignored, so the entry falls back to its truncated ustar name.
    expect(result.files.map((f) => f.path)).toEqual(['p'.repeat(100), 'ok'])
  })

  it('notes whiteouts that name nothing or a parent', async () => {
    const result = await walk([{ path: 'a/.wh.', content: '' }, { path: 'a/.wh..', content: '' }])
    expect(result.whiteouts).toEqual([])
    expect(result.notes.map((n) => n.code)).toEqual(['invalid-whiteout', 'invalid-whiteout'])
  })
})

describe('walkLayerTar: limits and broken layers', () => {
  it('notes a wanted file over the size cap and does not read it', async () => {
    const calls: string[] = []
    const result = await walk([{ path: 'pkgs.txt', content: Buffer.alloc(5000, 0x61) }], { analyzers: [pkgsTxtAnalyzer(calls)], limits: { maxFileBytes: 4096 } })
    expect(calls).toEqual([])
    expect(result.notes).toEqual([expect.objectContaining({ code: 'file-too-large', path: 'pkgs.txt' })])
  })

  it('fails past the entry limit', async () => {
    const entries = Array.from({ length: 20 }, (_, i) => ({ path: `f${i}`, content: '' }))
    const err = await layerError(walk(entries, { limits: { maxEntries: 10 } }))
    expect(err.code).toBe('TOO_LARGE')
    expect(err.message).toContain('more than 10 tar entries')
  })

  it('fails on a diff_id mismatch', async () => {
    const err = await layerError(walk([{ path: 'a', content: 'a' }], { diffId: sha256('something else') }))
    expect(err.code).toBe('DIFF_ID_MISMATCH')
    expect(err.message).toContain('image config names')
  })

  it('fails on a tar cut in the middle of an entry', async () => {
    const tar = createTar([{ path: 'pkgs.txt', content: Buffer.alloc(10_000, 0x61) }])
    const cut = tar.subarray(0, 4096)
    const err = await layerError(walk(cut))
    expect(err.code).toBe('TRUNCATED')
  })

  it('fails on a tar cut inside a header, and notes one cut at a block boundary', async () => {
    const tar = createTar([
      { path: 'a', content: 'a' },
      { path: 'b', content: 'b' },
    ])
    expect((await layerError(walk(tar.subarray(0, 1024 + 300)))).code).toBe('TRUNCATED')
    const atBoundary = await walk(tar.subarray(0, 1024))
    expect(atBoundary.files.map((f) => f.path)).toEqual(['a'])
    expect(atBoundary.notes.map((n) => n.code)).toEqual(['tar-no-end-marker'])
  })

  it('fails on bytes that are not a tar, and on a tar compressed twice', async () => {
    expect((await layerError(walk(Buffer.alloc(4096, 0x41)))).code).toBe('CORRUPT')
    const { gzipSync } = await import('node:zlib')
    expect((await layerError(walk(gzipSync(createTar([{ path: 'a', content: 'a' }]))))).code).toBe('CORRUPT')
  })

  it('turns a throwing or hanging analyzer into a note, and marks a timed-out result uncacheable', async () => {
    const throwing: Analyzer = { name: 'boom', version: 1, wants: () => true, analyze: () => { throw new Error('bad input') } }
    const hanging: Analyzer = { name: 'hang', version: 1, wants: (p) => p === 'pkgs.txt', analyze: () => new Promise(() => undefined) }
    const result = await walk([{ path: 'pkgs.txt', content: 'a 1\n' }], { analyzers: [throwing, hanging, pkgsTxtAnalyzer()], limits: { analyzerTimeoutMs: 50 } })
    expect(result.notes.map((n) => n.code)).toEqual(['analyzer-failed', 'analyzer-timeout'])
    expect(result.analyses[0]?.packages.map((p) => p.name)).toEqual(['a'])
    expect(isCacheable(result)).toBe(false)
  })

  it('stops when the signal aborts', async () => {
    const controller = new AbortController()
    controller.abort()
    const tar = createTar([{ path: 'a', content: 'a' }])
    await expect(walkLayerTar(Readable.from([tar]), { analyzers: [], expectedDiffId: sha256(tar), signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('walkLayerTar: real archives, and what containerd would unpack', () => {
  const fixture = (name: string) => readFileSync(new URL(`testdata/${name}`, import.meta.url))

  it('indexes a GNU tar archive with long names, links and a setuid file, and analyses the long-named file', async () => {
    const tar = fixture('gnu.tar')
    const result = await walk(tar, { chunk: 1000 })
    const long = `usr/share/${'d'.repeat(60)}/${'e'.repeat(60)}/pkgs.txt`
    expect(result.files.map((f) => [f.path, f.type, f.linkTarget ?? ''])).toEqual([
      ['usr', 'dir', ''],
      ['usr/os-release', 'file', ''],
      ['usr/share', 'dir', ''],
      [`usr/share/${'d'.repeat(60)}`, 'dir', ''],
      [`usr/share/${'d'.repeat(60)}/${'e'.repeat(60)}`, 'dir', ''],
      [long, 'file', ''],
      ['etc', 'dir', ''],
      ['etc/os-release', 'symlink', '../usr/os-release'],
      ['etc/os-release-hard', 'hardlink', 'usr/os-release'],
      ['app', 'dir', ''],
      ['app/café-menu.txt', 'file', ''],
      ['app/long-link', 'symlink', `../${long}`],
      ['app/setuid-tool', 'file', ''],
    ])
    expect(result.files.find((f) => f.path === 'etc/os-release-hard')).toMatchObject({ size: 29, mode: 0o644 })
    expect(result.files.find((f) => f.path === 'app/setuid-tool')?.mode).toBe(0o4755)
    expect(result.analyses).toEqual([{ path: long, packages: [expect.objectContaining({ name: 'long', version: 'path' })] }])
    expect(result.notes).toEqual([])
  })

  it('notes an old GNU sparse file and reads on past its extension blocks', async () => {
    const result = await walk(fixture('sparse.tar'), { analyzers: [osReleaseTestAnalyzer()] })
    expect(result.notes.map((n) => [n.code, n.message])).toEqual([['unsupported-entry', 'Entry "sparse.bin" has tar type SparseFile; not indexed.']])
    expect(result.files.map((f) => f.path)).toEqual(['usr/os-release'])
  })

  it('does not let the size field of a symlink hide the entry after it', async () => {
    // A symlink header claiming 512 bytes of content, then a package list: node-tar skipped the
    // list as the link's content; containerd (Go archive/tar) unpacks it as a file.
    const tar = createTar([
      { path: 'link', type: 'symlink', linkname: 'pkgs.txt' },
      { path: 'pkgs.txt', content: 'hidden 1\n' },
    ])
    tar.write('00000001000\0', 124, 'latin1')
    tar.fill(0x20, 148, 156)
    let sum = 0
    for (const b of tar.subarray(0, 512)) sum += b
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
    const result = await walk(tar)
    expect(result.files.map((f) => f.path)).toEqual(['link', 'pkgs.txt'])
    expect(result.analyses.map((a) => a.packages.map((p) => p.name))).toEqual([['hidden']])
  })

  it('reads a lone zero block as an empty layer, but fails at once on a first block that is no header', async () => {
    const empty = await walk(Buffer.alloc(512))
    expect(empty.fileCount).toBe(0)
    expect(empty.notes.map((n) => n.code)).toEqual(['tar-no-end-marker'])
    const garbage = Buffer.concat([Buffer.alloc(512, 0x41), createTar([{ path: 'a', content: 'a' }])])
    expect((await layerError(walk(garbage))).code).toBe('CORRUPT')
  })
})

describe('the walker modules', () => {
  it('never touch the file system (names are index keys, never disk paths)', async () => {
    for (const file of ['walk-layer.ts', 'tar-reader.ts', 'layer-index-builder.ts', 'layer-analysis.ts', 'entry-path.ts', 'read-layer.ts', 'merge-layers.ts', 'squashed-tree.ts', 'packed-files.ts']) {
      const text = await fs.readFile(new URL(file, import.meta.url), 'utf8')
      expect(text, file).not.toMatch(/from 'node:fs|from 'fs|node:child_process/)
    }
  })
})
