import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type CachedImage, canonicalJson, createMemoryLayerCache, IMAGE_CACHE_VERSION, imageCacheKey, type LayerCache, layerCacheKey, openFileLayerCache } from './layer-cache'
import { LAYER_SCHEMA_VERSION, type LayerResult } from './layer-result'

const result = (diffId: string, padding = 0): LayerResult => ({
  schemaVersion: LAYER_SCHEMA_VERSION,
  diffId,
  fileCount: 1,
  uncompressedBytes: 2048,
  files: [{ path: `f${'x'.repeat(padding)}`, type: 'file', size: 1, mode: 0o644 }],
  whiteouts: [],
  opaqueDirs: [],
  analyses: [],
  notes: [],
})
const DIFF = `sha256:${'a'.repeat(64)}`
const key = (n: number) => n.toString(16).padStart(64, '0')

describe('layerCacheKey', () => {
  const analyzers = [
    { name: 'dpkg', version: 1 },
    { name: 'npm', version: 2 },
  ]
  const limits = { maxFileBytes: 100 }

  it('is the same for the same inputs, whatever the analyzer order', () => {
    const k = layerCacheKey({ diffId: DIFF, analyzers, limits })
    expect(k).toMatch(/^[0-9a-f]{64}$/)
    expect(layerCacheKey({ diffId: DIFF, analyzers: [...analyzers].reverse(), limits })).toBe(k)
  })

  it('changes with the diffID, an analyzer version, the analyzer set, limits and extras', () => {
    const k = layerCacheKey({ diffId: DIFF, analyzers, limits })
    const variants = [
      layerCacheKey({ diffId: `sha256:${'b'.repeat(64)}`, analyzers, limits }),
      layerCacheKey({ diffId: DIFF, analyzers: [{ name: 'dpkg', version: 2 }, { name: 'npm', version: 2 }], limits }),
      layerCacheKey({ diffId: DIFF, analyzers: analyzers.slice(0, 1), limits }),
      layerCacheKey({ diffId: DIFF, analyzers, limits: { maxFileBytes: 101 } }),
      layerCacheKey({ diffId: DIFF, analyzers, limits, extra: { secrets: 'rules-v2' } }),
    ]
    for (const v of variants) expect(v).not.toBe(k)
    expect(new Set(variants).size).toBe(variants.length)
  })

  it('hashes canonical JSON', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }], e: null })).toBe('{"a":[{"c":3,"d":2}],"b":1,"e":null}')
  })
})

describe('createMemoryLayerCache', () => {
  it('returns copies, and evicts the least recently used past its byte budget', async () => {
    const one = JSON.stringify(result(DIFF)).length
    const cache = createMemoryLayerCache({ maxBytes: one * 2 + 10 })
    await cache.put(key(1), result(DIFF))
    await cache.put(key(2), result(DIFF))
    const got = await cache.get(key(1)) // now most recently used
    expect(got).toEqual(result(DIFF))
    if (got) got.fileCount = 99
    expect((await cache.get(key(1)))?.fileCount).toBe(1)
    await cache.put(key(3), result(DIFF))
    expect(await cache.get(key(2))).toBeUndefined()
    expect(await cache.get(key(1))).toBeDefined()
    expect(await cache.get(key(3))).toBeDefined()
  })

  it('does not keep an entry bigger than the whole budget', async () => {
    const cache = createMemoryLayerCache({ maxBytes: 100 })
    await cache.put(key(1), result(DIFF, 500))
    expect(await cache.get(key(1))).toBeUndefined()
  })
})

describe('openFileLayerCache', () => {
  let dir: string
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-cache-'))
  })
  afterEach(() => fs.rm(dir, { recursive: true, force: true }))

  it('stores <dir>/ab/<key>.json.gz and reads it back, from another instance too', async () => {
    const k = layerCacheKey({ diffId: DIFF, analyzers: [], limits: {} })
    await (await openFileLayerCache(dir)).put(k, result(DIFF))
    expect(await fs.readdir(path.join(dir, k.slice(0, 2)))).toEqual([`${k}.json.gz`])
    expect(await (await openFileLayerCache(dir)).get(k)).toEqual(result(DIFF))
  })

  it('misses on absent, corrupt or foreign files, and removes the bad ones', async () => {
    const cache = await openFileLayerCache(dir)
    expect(await cache.get(key(1))).toBeUndefined()
    await cache.put(key(2), result(DIFF))
    const file = path.join(dir, '00', `${key(2)}.json.gz`)
    const bytes = await fs.readFile(file)
    await fs.writeFile(file, bytes.subarray(0, bytes.length - 8))
    expect(await cache.get(key(2))).toBeUndefined()
    await expect(fs.access(file)).rejects.toThrow()
    const { gzipSync } = await import('node:zlib')
    await fs.writeFile(file, gzipSync(JSON.stringify({ schemaVersion: 0, diffId: DIFF })))
    expect(await cache.get(key(2))).toBeUndefined()
  })

  it('writes atomically, leaving no temp file behind, and overwrites', async () => {
    const cache = await openFileLayerCache(dir)
    await Promise.all([cache.put(key(3), result(DIFF)), cache.put(key(3), result(DIFF, 3))])
    expect(await fs.readdir(path.join(dir, '00'))).toEqual([`${key(3)}.json.gz`])
    expect((await cache.get(key(3)))?.diffId).toBe(DIFF)
  })

  it('refuses keys that are not sha256 hex (they become file names)', async () => {
    const cache = await openFileLayerCache(dir)
    await expect(cache.put('../../evil', result(DIFF))).rejects.toThrow(TypeError)
    await expect(cache.get('../../evil')).rejects.toThrow(TypeError)
  })
})

const cachedImage = (): CachedImage => ({
  schemaVersion: IMAGE_CACHE_VERSION,
  diffIds: [DIFF],
  layerDigests: [`sha256:${'b'.repeat(64)}`],
  fileCounts: [2],
  merged: { os: { id: 'alpine', versionId: '3.19.1' }, components: [], notes: [{ level: 'info', code: 'x', message: 'y', layerIndex: 0 }] },
  files: [
    { path: 'etc', type: 'dir', size: 0, mode: 0o755, layerIndex: 0 },
    { path: 'etc/os-release', type: 'symlink', size: 0, mode: 0o777, linkTarget: '../usr/lib/os-release', layerIndex: 0 },
  ],
})

describe('imageCacheKey', () => {
  it('changes with any layer key, digest, the merge version or its options, and not otherwise', () => {
    const input = { layerKeys: [key(1), key(2)], layerDigests: ['sha256:a', 'sha256:b'], mergeVersion: 1, options: { maxSymlinkDepth: 8 } }
    const k = imageCacheKey(input)
    expect(imageCacheKey({ ...input, layerKeys: [key(1), key(2)] })).toBe(k)
    const variants = [
      imageCacheKey({ ...input, layerKeys: [key(2), key(1)] }),
      imageCacheKey({ ...input, layerKeys: [key(1)] }),
      imageCacheKey({ ...input, layerDigests: ['sha256:a', 'sha256:c'] }),
      imageCacheKey({ ...input, mergeVersion: 2 }),
      imageCacheKey({ ...input, options: { maxSymlinkDepth: 9 } }),
    ]
    expect(new Set([k, ...variants]).size).toBe(variants.length + 1)
  })
})

describe('merged images in the caches', () => {
  let dir: string
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-image-cache-'))
  })
  afterEach(() => fs.rm(dir, { recursive: true, force: true }))

  const both = async (): Promise<[string, LayerCache][]> => [
    ['memory', createMemoryLayerCache()],
    ['file', await openFileLayerCache(dir)],
  ]

  it('round-trip, as copies, apart from the layers stored under the same directory', async () => {
    for (const [name, cache] of await both()) {
      await cache.putImage?.(key(5), cachedImage())
      const got = await cache.getImage?.(key(5))
      expect(got, name).toEqual(cachedImage())
      if (got) got.fileCounts[0] = 99
      expect((await cache.getImage?.(key(5)))?.fileCounts, name).toEqual([2])
      expect(await cache.get(key(5)), name).toBeUndefined()
      expect(await cache.getImage?.(key(6)), name).toBeUndefined()
    }
    expect((await fs.readdir(path.join(dir, '00'))).sort()).toEqual([`${key(5)}.image.json.gz`])
  })

  it('miss on a corrupt, foreign or older image file, and remove it', async () => {
    const cache = await openFileLayerCache(dir)
    const file = path.join(dir, '00', `${key(7)}.image.json.gz`)
    const { gzipSync } = await import('node:zlib')
    const bad = [gzipSync('not json'), gzipSync(JSON.stringify({ ...cachedImage(), schemaVersion: IMAGE_CACHE_VERSION + 1 })), gzipSync(JSON.stringify({ ...cachedImage(), files: { paths: ['x'] } })), gzipSync(JSON.stringify(result(DIFF)))]
    for (const bytes of bad) {
      await cache.putImage?.(key(7), cachedImage())
      await fs.writeFile(file, bytes)
      expect(await cache.getImage?.(key(7))).toBeUndefined()
      await expect(fs.access(file)).rejects.toThrow()
    }
  })

  it('stores layers with their file index packed, and reads them back whole', async () => {
    const cache = await openFileLayerCache(dir)
    const layer: LayerResult = { ...result(DIFF), files: [{ path: 'a', type: 'file', size: 1, mode: 0o600, uid: 5 }, { path: 'l', type: 'symlink', size: 0, mode: 0o777, linkTarget: 'a' }], fileCount: 2 }
    await cache.put(key(8), layer)
    expect(await cache.get(key(8))).toEqual(layer)
    const { gunzipSync } = await import('node:zlib')
    const stored = JSON.parse(gunzipSync(await fs.readFile(path.join(dir, '00', `${key(8)}.json.gz`))).toString()) as { files: unknown }
    expect(stored.files).toMatchObject({ paths: ['a', 'l'], types: 'fl' })
  })
})
