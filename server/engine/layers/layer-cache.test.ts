import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { canonicalJson, createMemoryLayerCache, layerCacheKey, openFileLayerCache } from './layer-cache'
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
