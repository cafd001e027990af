import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { sha256 } from '../../demo/image-writer'
import { createTar, type TarEntry } from '../../demo/tar-writer'
import type { LayerResult } from './layer-result'
import { LAYER_SCHEMA_VERSION } from './layer-result'
import { mergeLayers } from './merge-layers'
import { osReleaseTestAnalyzer, pkgsTxtAnalyzer } from './testing/fake-analyzers'
import { walkLayerTar } from './walk-layer'

async function merge(...layers: TarEntry[][]) {
  const results = await Promise.all(
    layers.map((entries) => {
      const tar = createTar(entries)
      return walkLayerTar(Readable.from([tar]), { analyzers: [pkgsTxtAnalyzer(), osReleaseTestAnalyzer()], expectedDiffId: sha256(tar) })
    }),
  )
  return mergeLayers(results.map((result, i) => ({ result, digest: `sha256:${String(i).repeat(64)}` })))
}
const names = (m: Awaited<ReturnType<typeof merge>>) => m.components.map((c) => `${c.name}@${c.version}:${c.layerIndex}`)
const UBUNTU = 'ID=ubuntu\nVERSION_ID="22.04"\n'

describe('mergeLayers: squash semantics', () => {
  it('drops packages whose file a later whiteout deletes, directly or through a parent directory', async () => {
    const m = await merge(
      [
        { path: 'app/node_modules/minimist/pkgs.txt', content: 'minimist 1.2.5\n' },
        { path: 'app/node_modules/qs/pkgs.txt', content: 'qs 6.7.0\n' },
        { path: 'opt/tool/pkgs.txt', content: 'tool 1\n' },
      ],
      [{ path: 'app/node_modules/minimist/.wh.pkgs.txt', content: '' }, { path: 'opt/.wh.tool', content: '' }],
    )
    expect(names(m)).toEqual(['qs@6.7.0:0'])
    expect(m.fileIndex.has('app/node_modules/minimist/pkgs.txt')).toBe(false)
    expect(m.fileIndex.has('opt/tool/pkgs.txt')).toBe(false)
    expect(m.fileIndex.get('app/node_modules/qs/pkgs.txt')).toMatchObject({ layerIndex: 0, type: 'file' })
  })

  it('hides every lower child of an opaque directory but keeps the same layer’s entries', async () => {
    const m = await merge(
      [
        { path: 'app/config/', type: 'dir' },
        { path: 'app/config/dev/pkgs.txt', content: 'dev 1\n' },
        { path: 'app/keep/pkgs.txt', content: 'keep 1\n' },
      ],
      // The marker comes after the new entry in tar order: it still applies first.
      [
        { path: 'app/config/prod/pkgs.txt', content: 'prod 1\n' },
        { path: 'app/config/.wh..wh..opq', content: '' },
      ],
    )
    expect(names(m)).toEqual(['keep@1:0', 'prod@1:1'])
    expect(m.fileIndex.has('app/config')).toBe(true)
    expect(m.fileIndex.has('app/config/dev/pkgs.txt')).toBe(false)
  })

  it('replaces a rewritten package database whole', async () => {
    const m = await merge(
      [{ path: 'var/lib/pkgs.txt', content: 'libc 2.35-1\nopenssl 3.0.2-1\ncurl 7.81\n' }],
      [{ path: 'var/lib/pkgs.txt', content: 'libc 2.35-1\nopenssl 3.0.2-2\n' }],
      [{ path: 'var/lib/pkgs.txt', content: 'libc 2.35-1\nopenssl 3.0.2-2\nbash 5.1\n' }],
    )
    // libc never changed: layer 0 added it. openssl was upgraded in 1, bash added in 2; curl was removed.
    expect(names(m)).toEqual(['bash@5.1:2', 'libc@2.35-1:0', 'openssl@3.0.2-2:1'])
    expect(m.components.find((c) => c.name === 'openssl')).toMatchObject({ layerDigest: `sha256:${'1'.repeat(64)}`, location: 'var/lib/pkgs.txt' })
  })

  it('attributes a package removed and added again to the layer that re-added it', async () => {
    const m = await merge(
      [{ path: 'pkgs.txt', content: 'a 1\n' }],
      [{ path: '.wh.pkgs.txt', content: '' }],
      [{ path: 'pkgs.txt', content: 'a 1\n' }],
    )
    expect(names(m)).toEqual(['a@1:2'])
  })

  it('drops what a file declared once a later layer rewrites it with nothing to analyse, or replaces its directory by a file', async () => {
    const m = await merge(
      [
        { path: 'a/pkgs.txt', content: 'a 1\n' },
        { path: 'b/pkgs.txt', content: 'b 1\n' },
      ],
      [
        { path: 'a/pkgs.txt', type: 'symlink', linkname: '/dev/null' },
        { path: 'b', content: 'now a file' },
      ],
    )
    expect(names(m)).toEqual([])
    expect(m.fileIndex.get('b')).toMatchObject({ type: 'file', layerIndex: 1 })
    expect(m.fileIndex.has('b/pkgs.txt')).toBe(false)
  })

  it('keeps a whiteout deleted then re-added path continuous when the same layer does both', async () => {
    const m = await merge([{ path: 'pkgs.txt', content: 'a 1\n' }], [{ path: '.wh.pkgs.txt', content: '' }, { path: 'pkgs.txt', content: 'a 1\nb 2\n' }])
    expect(names(m)).toEqual(['a@1:0', 'b@2:1'])
  })

  it('gives stable component ids from format, name, version and location', async () => {
    const one = await merge([{ path: 'x/pkgs.txt', content: 'a 1\n' }])
    const two = await merge([{ path: 'other', content: '' }], [{ path: 'x/pkgs.txt', content: 'a 1\n' }])
    const moved = await merge([{ path: 'y/pkgs.txt', content: 'a 1\n' }])
    expect(one.components[0]?.componentId).toMatch(/^[0-9a-f]{16}$/)
    expect(two.components[0]?.componentId).toBe(one.components[0]?.componentId)
    expect(moved.components[0]?.componentId).not.toBe(one.components[0]?.componentId)
  })

  it('stamps the layer index on layer notes', async () => {
    const m = await merge([{ path: 'ok', content: '' }], [{ path: '../../etc/passwd', content: 'x' }])
    expect(m.notes).toEqual([expect.objectContaining({ code: 'path-traversal', layerIndex: 1 })])
  })
})

describe('mergeLayers: deletions below a tracked file', () => {
  it('breaks a package\'s continuity when a lower directory is whited out, made opaque or replaced by a file, then rebuilt', async () => {
    const pkg = { path: 'a/pkgs.txt', content: 'p 1\n' }
    const viaWhiteout = await merge([pkg], [{ path: '.wh.a', content: '' }], [pkg])
    const viaOpaque = await merge([pkg], [{ path: 'a/.wh..wh..opq', content: '' }], [pkg])
    const viaFile = await merge([pkg], [{ path: 'a', content: 'a file now' }], [{ path: 'a/', type: 'dir' }, pkg])
    const kept = await merge([pkg], [{ path: 'a/other', content: '' }], [pkg])
    expect([names(viaWhiteout), names(viaOpaque), names(viaFile), names(kept)]).toEqual([['p@1:2'], ['p@1:2'], ['p@1:2'], ['p@1:0']])
  })

  it('stays fast when many layers white out many paths over many analysed files', () => {
    const layer = (over: Partial<LayerResult>): LayerResult => ({ schemaVersion: LAYER_SCHEMA_VERSION, diffId: 'sha256:x', fileCount: 0, uncompressedBytes: 0, files: [], whiteouts: [], opaqueDirs: [], analyses: [], notes: [], ...over })
    const analysed = Array.from({ length: 5000 }, (_, i) => `opt/app${i}/pkgs.txt`)
    const base = layer({
      files: analysed.map((path) => ({ path, type: 'file', size: 4, mode: 0o644 })),
      analyses: analysed.map((path, i) => ({ path, packages: [{ name: `p${i}`, version: '1', format: 'npm', source: 'NODEJS', purl: `pkg:npm/p${i}@1`, licenses: [], location: path }] })),
    })
    const deleting = Array.from({ length: 100 }, (_, l) => layer({ whiteouts: Array.from({ length: 5000 }, (_, i) => `var/tmp${l}/f${i}`) }))
    const started = performance.now()
    const merged = mergeLayers([base, ...deleting].map((result, i) => ({ result, digest: `sha256:${i}` })))
    // Scanning every tracked file per whiteout (2.5e9 checks) took tens of seconds.
    expect(performance.now() - started).toBeLessThan(3000)
    expect(merged.components).toHaveLength(5000)
  })
})

describe('mergeLayers: OS detection', () => {
  it("follows Ubuntu's etc/os-release symlink to usr/lib/os-release in the merged view", async () => {
    const m = await merge(
      [
        { path: 'usr/lib/os-release', content: 'ID=debian\nVERSION_ID="12"\n' },
        { path: 'etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
      ],
      [{ path: 'usr/lib/os-release', content: UBUNTU }],
    )
    expect(m.os).toEqual({ id: 'ubuntu', versionId: '22.04' })
  })

  it('prefers etc/os-release when it is a real file, and follows absolute links clamped to the root', async () => {
    const real = await merge([
      { path: 'usr/lib/os-release', content: 'ID=debian\nVERSION_ID=12\n' },
      { path: 'etc/os-release', content: UBUNTU },
    ])
    expect(real.os?.id).toBe('ubuntu')
    const clamped = await merge([
      { path: 'usr/lib/os-release', content: UBUNTU },
      { path: 'etc/os-release', type: 'symlink', linkname: '/../../../usr/lib/os-release' },
    ])
    expect(clamped.os?.id).toBe('ubuntu')
  })

  it('notes a symlink loop instead of hanging, and finds no OS', async () => {
    const m = await merge([
      { path: 'etc/os-release', type: 'symlink', linkname: 'os-release2' },
      { path: 'etc/os-release2', type: 'symlink', linkname: '/etc/os-release' },
    ])
    expect(m.os).toBeNull()
    expect(m.notes).toEqual([expect.objectContaining({ code: 'symlink-loop', path: 'etc/os-release', layerIndex: 0 })])
  })

  it('forgets the OS when a later layer deletes the release file', async () => {
    const m = await merge([{ path: 'etc/os-release', content: UBUNTU }], [{ path: 'etc/.wh.os-release', content: '' }])
    expect(m.os).toBeNull()
  })
})
