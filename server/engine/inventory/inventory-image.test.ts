import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDemoImages } from '../../demo/demo-images'
import { buildImage, buildLayer, type BuiltImage, type BuiltLayer, type HistoryEntry, sha256, writeOciLayout } from '../../demo/image-writer'
import type { TarEntry } from '../../demo/tar-writer'
import { openImageSource } from '../acquire/open-source'
import { createMemoryLayerCache, type LayerCache, openFileLayerCache } from '../layers/layer-cache'
import { LayerError } from '../layers/layer-error'
import { osReleaseTestAnalyzer, pkgsTxtAnalyzer } from '../layers/testing/fake-analyzers'
import { MemoryImageSource } from '../layers/testing/memory-image-source'
import type { Analyzer } from './analyzer'
import { inventoryImage, type InventoryProgress } from './inventory-image'

const analyzers: Analyzer[] = [pkgsTxtAnalyzer(), osReleaseTestAnalyzer()]
const step = (created_by: string, empty = false): HistoryEntry => ({ created: '2024-01-01T00:00:00Z', created_by, ...(empty ? { empty_layer: true } : {}) })

const BASE: TarEntry[] = [
  { path: 'etc/', type: 'dir' },
  { path: 'etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
  { path: 'usr/lib/os-release', content: 'ID=ubuntu\nVERSION_ID="22.04"\n' },
  { path: 'var/lib/pkgs.txt', content: 'libc6 2.35-0ubuntu3.3\nopenssl 3.0.2\n' },
]
const APP: TarEntry[] = [
  { path: 'app/node_modules/express/pkgs.txt', content: 'express 4.17.1\n' },
  { path: 'app/node_modules/minimist/pkgs.txt', content: 'minimist 1.2.5\n' },
]
const CLEANUP: TarEntry[] = [{ path: 'app/node_modules/.wh.minimist', content: '' }]

function image(layers: (TarEntry[] | BuiltLayer)[], steps = ['ADD rootfs /', 'RUN npm ci', 'RUN rm -rf node_modules/minimist']): BuiltImage {
  const history = [step(steps[0] ?? ''), step('CMD ["bash"]', true), ...steps.slice(1).map((s) => step(s))]
  return buildImage({ layers, config: { architecture: 'amd64', os: 'linux', created: '2024-01-01T00:00:00Z', config: {}, history } })
}
const expectLayerError = async (p: Promise<unknown>, code: LayerError['code']) => {
  const err = await p.then(() => undefined, (e: unknown) => e)
  expect(err).toBeInstanceOf(LayerError)
  expect((err as LayerError).code).toBe(code)
  return err as LayerError
}

describe('inventoryImage', () => {
  it('merges the layers: OS through the symlink, packages attributed, whiteouts applied, history mapped', async () => {
    const source = new MemoryImageSource({ 'demo/app:1.0': image([BASE, APP, CLEANUP]) })
    const inv = await inventoryImage(source, 'demo/app', '1.0', { analyzers })
    expect(inv.os).toEqual({ id: 'ubuntu', versionId: '22.04' })
    expect(inv.components.map((c) => [c.name, c.version, c.layerIndex, c.location])).toEqual([
      ['express', '4.17.1', 1, 'app/node_modules/express/pkgs.txt'],
      ['libc6', '2.35-0ubuntu3.3', 0, 'var/lib/pkgs.txt'],
      ['openssl', '3.0.2', 0, 'var/lib/pkgs.txt'],
    ])
    expect(inv.components[0]?.layerDigest).toBe(inv.image.layers[1]?.digest)
    expect(inv.layers.map((l) => [l.index, l.createdBy, l.cached, l.fileCount])).toEqual([
      [0, 'ADD rootfs /', false, 4],
      [1, 'RUN npm ci', false, 2],
      [2, 'RUN rm -rf node_modules/minimist', false, 0],
    ])
    expect(inv.layers[0]?.diffId).toBe(inv.image.config.rootfs.diff_ids[0])
    expect(inv.fileIndex.get('etc/os-release')).toMatchObject({ type: 'symlink', layerIndex: 0 })
    expect(inv.fileIndex.has('app/node_modules/minimist/pkgs.txt')).toBe(false)
    expect(inv.notes).toEqual([])
  })

  it('opens no layer blob when rescanning with a warm cache, and reports the same inventory', async () => {
    const source = new MemoryImageSource({ 'demo/app:1.0': image([BASE, APP, CLEANUP]) })
    const cache = createMemoryLayerCache()
    const first = await inventoryImage(source, 'demo/app', '1.0', { analyzers, cache })
    expect(source.opened).toHaveLength(3)
    const events: InventoryProgress[] = []
    const second = await inventoryImage(source, 'demo/app', '1.0', { analyzers, cache, onProgress: (e) => events.push(e) })
    expect(source.opened).toHaveLength(3)
    expect(second.layers.every((l) => l.cached)).toBe(true)
    expect(second.components).toEqual(first.components)
    expect(second.os).toEqual(first.os)
    expect(events.map((e) => e.type)).toEqual(['layers', 'layer-cached', 'layer-cached', 'layer-cached'])
  })

  it('reads only the layers a file cache does not have, e.g. a new image on a shared base', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-inv-cache-'))
    try {
      const base = buildLayer(BASE)
      const source = new MemoryImageSource({ 'demo/a:1': image([base, APP], ['ADD rootfs /', 'RUN npm ci']), 'demo/b:1': image([base, CLEANUP], ['ADD rootfs /', 'RUN cleanup']) })
      await inventoryImage(source, 'demo/a', '1', { analyzers, cache: await openFileLayerCache(dir) })
      source.opened.length = 0
      const b = await inventoryImage(source, 'demo/b', '1', { analyzers, cache: await openFileLayerCache(dir) })
      expect(source.opened).toEqual([b.image.layers[1]?.digest])
      expect(b.layers.map((l) => l.cached)).toEqual([true, false])
      // A new analyzer version is a new key: everything is read again.
      source.opened.length = 0
      await inventoryImage(source, 'demo/b', '1', { analyzers: [{ ...pkgsTxtAnalyzer(), version: 2 }], cache: await openFileLayerCache(dir) })
      expect(source.opened).toHaveLength(2)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })

  it('reports per-layer progress and reads each distinct layer once', async () => {
    const empty = buildLayer([])
    const source = new MemoryImageSource({ 'demo/app:1.0': image([BASE, empty, empty], ['ADD rootfs /', 'RUN true', 'RUN true']) })
    const events: InventoryProgress[] = []
    const inv = await inventoryImage(source, 'demo/app', '1.0', { analyzers, concurrency: 1, onProgress: (e) => events.push(e) })
    expect(source.opened).toHaveLength(2)
    expect(inv.layers.map((l) => l.fileCount)).toEqual([4, 0, 0])
    const perLayer = events.filter((e) => e.type !== 'layers').map((e) => `${e.type}:${e.layerIndex}`)
    expect(perLayer).toEqual(['layer-started:0', 'layer-bytes:0', 'layer-done:0', 'layer-started:1', 'layer-bytes:1', 'layer-done:1'])
    const bytes = events.find((e) => e.type === 'layer-bytes')
    expect(bytes).toMatchObject({ bytesRead: inv.image.layers[0]?.size, size: inv.image.layers[0]?.size })
  })

  it('reads at most `concurrency` layers at once', async () => {
    const layers = Array.from({ length: 5 }, (_, i) => [{ path: `l${i}/pkgs.txt`, content: `p${i} 1\n` }])
    const source = new MemoryImageSource({ 'demo/app:1.0': image(layers, layers.map((_, i) => `RUN step ${i}`)) })
    let active = 0
    let peak = 0
    const open = source.openBlob.bind(source)
    source.openBlob = async (repo, desc) => {
      active++
      peak = Math.max(peak, active)
      // Held open a little so overlapping reads show.
      await new Promise((r) => setTimeout(r, 20))
      const stream = await open(repo, desc)
      stream.once('close', () => active--)
      return stream
    }
    const inv = await inventoryImage(source, 'demo/app', '1.0', { analyzers, concurrency: 2 })
    expect(peak).toBe(2)
    expect(inv.components.map((c) => `${c.name}:${c.layerIndex}`)).toEqual(['p0:0', 'p1:1', 'p2:2', 'p3:3', 'p4:4'])
  })

  it('stops on abort', async () => {
    const source = new MemoryImageSource({ 'demo/app:1.0': image([BASE, APP, CLEANUP]) })
    await expect(inventoryImage(source, 'demo/app', '1.0', { analyzers, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('inventoryImage: the merged image cache', () => {
  /** A memory cache that counts what is asked of it. */
  const counting = (base: LayerCache = createMemoryLayerCache()) => {
    const calls = { get: 0, put: 0, getImage: 0, putImage: 0 }
    const cache: LayerCache = {
      get: (k) => (calls.get++, base.get(k)),
      put: (k, v) => (calls.put++, base.put(k, v)),
      getImage: (k) => (calls.getImage++, base.getImage?.(k) ?? Promise.resolve(undefined)),
      putImage: (k, v) => (calls.putImage++, base.putImage?.(k, v) ?? Promise.resolve()),
    }
    return { cache, calls }
  }

  it('serves a rescan from the cached merge: no blob opened, nothing merged or stored again, the same inventory', async () => {
    const hostile: TarEntry[] = [{ path: '../escape', content: 'x' }, { path: 'usr/bin/tool', content: 'x', mode: 0o4755, uid: 7 }]
    const source = new MemoryImageSource({ 'demo/app:1.0': image([BASE, APP, hostile], ['ADD rootfs /', 'RUN npm ci', 'COPY tool /']) })
    const { cache, calls } = counting()
    const first = await inventoryImage(source, 'demo/app', '1.0', { analyzers, cache })
    expect(calls).toEqual({ get: 3, put: 3, getImage: 1, putImage: 1 })
    const events: InventoryProgress[] = []
    const second = await inventoryImage(source, 'demo/app', '1.0', { analyzers, cache, onProgress: (e) => events.push(e) })
    // The layers' own results come back from the layer cache (later checks use them).
    expect(calls).toEqual({ get: 6, put: 3, getImage: 2, putImage: 1 })
    expect(source.opened).toHaveLength(3)
    expect(events.map((e) => (e.type === 'layer-cached' ? `${e.type}:${e.fileCount}` : e.type))).toEqual(['layers', 'layer-cached:4', 'layer-cached:2', 'layer-cached:1'])
    expect({ ...second, layers: second.layers.map((l) => ({ ...l, cached: false })) }).toEqual(first)
    expect([...second.fileIndex.entries()]).toEqual([...first.fileIndex.entries()])
    expect(second.layerResults.map((l) => [l.digest, l.result.fileCount])).toEqual(first.image.layers.map((l, i) => [l.digest, [4, 2, 1][i]]))
    expect(second.notes.map((n) => n.code)).toEqual(['path-traversal'])
  })

  it('merges again when a layer result of a cached image is gone, reading only that layer', async () => {
    const source = new MemoryImageSource({ 'demo/app:1.0': image([BASE, APP, CLEANUP]) })
    const base = createMemoryLayerCache()
    const first = await inventoryImage(source, 'demo/app', '1.0', { analyzers, cache: base })
    const lost = first.image.config.rootfs.diff_ids[1]
    const forgetful: LayerCache = { ...base, get: async (k) => ((await base.get(k))?.diffId === lost ? undefined : base.get(k)) }
    source.opened.length = 0
    const again = await inventoryImage(source, 'demo/app', '1.0', { analyzers, cache: forgetful })
    expect(source.opened).toEqual([first.image.layers[1]?.digest])
    expect(again.components).toEqual(first.components)
    expect(again.layers.map((l) => l.cached)).toEqual([true, false, true])
  })

  it('misses when an analyzer or the symlink depth changes, and caches no image built from an uncacheable layer', async () => {
    const source = new MemoryImageSource({ 'demo/app:1.0': image([BASE, APP], ['ADD rootfs /', 'RUN npm ci']) })
    const { cache, calls } = counting()
    await inventoryImage(source, 'demo/app', '1.0', { analyzers, cache })
    await inventoryImage(source, 'demo/app', '1.0', { analyzers, cache, limits: { maxSymlinkDepth: 3 } })
    expect(calls.putImage).toBe(2)
    expect(source.opened).toHaveLength(2) // the second image still took its layers from the layer cache
    const hanging: Analyzer = { name: 'hang', version: 1, wants: (p) => p.endsWith('os-release'), analyze: () => new Promise(() => undefined) }
    await inventoryImage(source, 'demo/app', '1.0', { analyzers: [...analyzers, hanging], cache, limits: { analyzerTimeoutMs: 20 } })
    expect(calls.putImage).toBe(2)
  })

  it('falls back to the layers when the image cache fails, and works with a cache that keeps no images', async () => {
    const source = new MemoryImageSource({ 'demo/app:1.0': image([BASE, APP, CLEANUP]) })
    const base = createMemoryLayerCache()
    const failing: LayerCache = { ...base, getImage: () => Promise.reject(new Error('disk on fire')) }
    const expected = await inventoryImage(source, 'demo/app', '1.0', { analyzers, cache: base })
    const viaLayers = await inventoryImage(source, 'demo/app', '1.0', { analyzers, cache: failing })
    expect(viaLayers.components).toEqual(expected.components)
    expect(viaLayers.layers.every((l) => l.cached)).toBe(true)
    expect(viaLayers.notes.map((n) => n.code)).toEqual(['cache-read-failed'])
    const plain: LayerCache = { get: (k) => base.get(k), put: (k, v) => base.put(k, v) }
    const noImages = await inventoryImage(source, 'demo/app', '1.0', { analyzers, cache: plain })
    expect(noImages.components).toEqual(expected.components)
    expect(source.opened).toHaveLength(3)
  })
})

describe('inventoryImage: hostile and broken images', () => {
  it('fails on a blob whose bytes are not the digest the manifest names, and caches nothing from it', async () => {
    const built = image([BASE, APP, CLEANUP])
    const source = new MemoryImageSource({ 'demo/app:1.0': built })
    const victim = built.layers[1]?.descriptor.digest ?? ''
    const bytes = Buffer.from(source.blobs.get(victim) ?? Buffer.alloc(0))
    bytes[bytes.length - 9] = (bytes[bytes.length - 9] ?? 0) ^ 0xff
    source.blobs.set(victim, bytes)
    const cache = createMemoryLayerCache()
    const err = await expectLayerError(inventoryImage(source, 'demo/app', '1.0', { analyzers, cache, concurrency: 1 }), 'DIGEST_MISMATCH')
    expect(err.message).toContain(`layer 1 (${victim})`)
    // Layer 0 was fine and stays cached; layer 2 was never started.
    source.opened.length = 0
    await expectLayerError(inventoryImage(source, 'demo/app', '1.0', { analyzers, cache, concurrency: 1 }), 'DIGEST_MISMATCH')
    expect(source.opened).toEqual([victim])
  })

  it('fails on a corrupted blob in an OCI layout on disk', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-inv-layout-'))
    try {
      const built = image([BASE, APP, CLEANUP])
      await writeOciLayout(dir, [{ image: built, refName: '1.0', imageName: 'demo/app:1.0' }])
      const blob = path.join(dir, 'blobs', 'sha256', (built.layers[0]?.descriptor.digest ?? '').slice(7))
      const bytes = await fs.readFile(blob)
      await fs.writeFile(blob, Buffer.concat([bytes.subarray(0, 100), Buffer.alloc(1, 0), bytes.subarray(101)]))
      const source = await openImageSource({ kind: 'oci-layout', path: dir })
      await expectLayerError(inventoryImage(source, 'demo/app', '1.0', { analyzers }), 'DIGEST_MISMATCH')
      await source.close()
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })

  it('fails when the manifest lies about a layer size, larger or smaller', async () => {
    for (const delta of [100, -100]) {
      const source = new MemoryImageSource({ 'demo/app:1.0': image([BASE, APP, CLEANUP]) })
      source.tamper = (img) => ({ ...img, layers: img.layers.map((l, i) => (i === 1 ? { ...l, size: l.size + delta } : l)) })
      const err = await expectLayerError(inventoryImage(source, 'demo/app', '1.0', { analyzers }), 'SIZE_MISMATCH')
      expect(err.message).toContain('layer 1')
    }
  })

  it('fails when the tar is not the config diff_id', async () => {
    const real = buildLayer(APP)
    const lying: BuiltLayer = { ...real, diffId: sha256('not this layer') }
    const source = new MemoryImageSource({ 'demo/app:1.0': image([BASE, lying, CLEANUP]) })
    const err = await expectLayerError(inventoryImage(source, 'demo/app', '1.0', { analyzers }), 'DIFF_ID_MISMATCH')
    expect(err.message).toContain(real.diffId)
  })

  it('fails cleanly on a truncated gzip layer', async () => {
    const real = buildLayer(APP)
    const truncated: BuiltLayer = { ...real, blob: real.blob.subarray(0, Math.floor(real.blob.length / 2)) }
    const source = new MemoryImageSource({ 'demo/app:1.0': image([BASE, truncated, CLEANUP]) })
    const err = await expectLayerError(inventoryImage(source, 'demo/app', '1.0', { analyzers }), 'CORRUPT')
    expect(err.message).toMatch(/layer 1 .*gzip/)
  })

  it('stops a gzip bomb at the uncompressed limit without reading it whole', async () => {
    const calls: string[] = []
    const bomb = buildLayer([{ path: 'pkgs.txt', content: Buffer.alloc(48 * 1024 * 1024) }])
    expect(bomb.blob.length).toBeLessThan(100 * 1024)
    const source = new MemoryImageSource({ 'demo/app:1.0': image([bomb], ['ADD bomb /']) })
    const heapBefore = process.memoryUsage().heapUsed
    const err = await expectLayerError(inventoryImage(source, 'demo/app', '1.0', { analyzers: [pkgsTxtAnalyzer(calls)], limits: { maxLayerBytes: 4 * 1024 * 1024 } }), 'TOO_LARGE')
    expect(err.message).toContain('4194304')
    expect(calls).toEqual([])
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 1024 * 1024)
  })

  it('keeps going past hostile names, noting them with their layer', async () => {
    const hostile: TarEntry[] = [
      { path: '../../etc/passwd', content: 'root::0:0::/:/bin/sh\n' },
      { path: '/etc/cron.d/evil', content: '* * * * * root sh\n' },
      { path: 'x', type: 'hardlink', linkname: '../../../etc/shadow' },
      { path: 'etc/os-release', type: 'symlink', linkname: 'loop' },
      { path: 'etc/loop', type: 'symlink', linkname: '/etc/os-release' },
      { path: `${Array(400).fill('d').join('/')}/pkgs.txt`, content: 'deep 1\n' },
    ]
    const source = new MemoryImageSource({ 'demo/app:1.0': image([BASE, hostile], ['ADD rootfs /', 'COPY . /']) })
    const inv = await inventoryImage(source, 'demo/app', '1.0', { analyzers })
    // etc/os-release now loops: noted, and the OS comes from usr/lib/os-release instead.
    expect(inv.os).toEqual({ id: 'ubuntu', versionId: '22.04' })
    expect(inv.notes.map((n) => `${n.code}:${n.layerIndex ?? '-'}`)).toEqual(['path-traversal:1', 'absolute-path:1', 'path-traversal:1', 'path-too-deep:1', 'symlink-loop:1'])
    expect(inv.fileIndex.has('etc/cron.d/evil')).toBe(true)
    expect([...inv.fileIndex.keys()].some((p) => p.includes('..'))).toBe(false)
  })
})

const analyzersIndex = fileURLToPath(new URL('./analyzers/index.ts', import.meta.url))

describe.skipIf(!existsSync(analyzersIndex))('inventoryImage on the demo images with the real analyzers', () => {
  let root: string
  let realAnalyzers: Analyzer[] = []
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-inv-demo-'))
    await buildDemoImages(root)
    const mod = (await import(/* @vite-ignore */ analyzersIndex)) as { defaultAnalyzers?: () => Analyzer[] }
    realAnalyzers = mod.defaultAnalyzers?.() ?? []
  })
  afterAll(() => fs.rm(root, { recursive: true, force: true }))

  it('inventories demo/shop-app: Alpine, npm packages, and not the whited-out minimist', async () => {
    const source = await openImageSource({ kind: 'oci-layout', path: path.join(root, 'shop-app') })
    try {
      const inv = await inventoryImage(source, 'demo/shop-app', '1.0.0', { analyzers: realAnalyzers })
      expect(inv.layers).toHaveLength(9)
      expect(inv.notes.filter((n) => n.level === 'error')).toEqual([])
      expect(inv.components.some((c) => c.name === 'minimist')).toBe(false)
      if (inv.os) expect(inv.os.id).toBe('alpine')
      const express = inv.components.find((c) => c.name === 'express')
      if (express) expect(express).toMatchObject({ version: '4.17.1', layerIndex: 3, layerDigest: inv.image.layers[3]?.digest })
    } finally {
      await source.close()
    }
  })

  it('finds Ubuntu 22.04 in demo/ubuntu-web through its os-release symlink', async () => {
    const source = await openImageSource({ kind: 'oci-layout', path: path.join(root, 'ubuntu-web') })
    try {
      const inv = await inventoryImage(source, 'demo/ubuntu-web', '22.04', { analyzers: realAnalyzers })
      expect(inv.os).toMatchObject({ id: 'ubuntu', versionId: '22.04' })
      expect(inv.components.find((c) => c.name === 'libc6')).toMatchObject({ version: '2.35-0ubuntu3.3' })
    } finally {
      await source.close()
    }
  })
})
