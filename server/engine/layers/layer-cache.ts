import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { isLayerResult, LAYER_SCHEMA_VERSION, type LayerResult } from './layer-result'

/**
 * Per-layer analysis results, keyed by what determines them (scanner.md §8.2): a layer
 * analysed once is never downloaded again by any image that shares its diffID, until an
 * analyzer or the walker changes. Matches are never cached here.
 */
export interface LayerCache {
  get(key: string): Promise<LayerResult | undefined>
  put(key: string, value: LayerResult): Promise<void>
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export interface LayerCacheKeyInput {
  /** The uncompressed tar's digest: a re-compressed copy of the layer still hits. */
  diffId: string
  analyzers: readonly { name: string; version: number }[]
  /** The walk limits that change a result (`outputLimits`). */
  limits: Record<string, number>
  /** Anything else that changes results later on (rule-set hashes, skip paths). */
  extra?: JsonValue
}

/**
 * The cache key of one layer: sha256 (hex) of the canonical JSON of everything that
 * decides its result. Analyzer order does not matter; their versions do.
 *
 * @example
 * const key = layerCacheKey({ diffId: image.config.rootfs.diff_ids[0], analyzers, limits: outputLimits(limits) })
 */
export function layerCacheKey(input: LayerCacheKeyInput): string {
  const analyzers = input.analyzers.map((a) => [a.name, a.version] as [string, number]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const doc: JsonValue = { diffId: input.diffId, engineSchemaVersion: LAYER_SCHEMA_VERSION, analyzers, limits: input.limits, extra: input.extra ?? null }
  return createHash('sha256').update(canonicalJson(doc)).digest('hex')
}

/**
 * JSON with object keys sorted at every level, so equal values give equal bytes.
 *
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] ?? null)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * An in-process cache holding results as JSON text (so callers never share mutable
 * objects), evicting the least recently used past `maxBytes` of text.
 *
 * @example const cache = createMemoryLayerCache({ maxBytes: 64 * 1024 * 1024 })
 */
export function createMemoryLayerCache(opts: { maxBytes?: number } = {}): LayerCache {
  const maxBytes = opts.maxBytes ?? 256 * 1024 * 1024
  const entries = new Map<string, string>()
  let bytes = 0
  return {
    get(key) {
      const text = entries.get(key)
      if (text === undefined) return Promise.resolve(undefined)
      entries.delete(key)
      entries.set(key, text)
      return Promise.resolve(JSON.parse(text) as LayerResult)
    },
    put(key, value) {
      const text = JSON.stringify(value)
      const old = entries.get(key)
      if (old !== undefined) bytes -= old.length
      entries.delete(key)
      if (text.length > maxBytes) return Promise.resolve()
      entries.set(key, text)
      bytes += text.length
      for (const [k, v] of entries) {
        if (bytes <= maxBytes) break
        entries.delete(k)
        bytes -= v.length
      }
      return Promise.resolve()
    },
  }
}

const gzip = promisify(zlib.gzip)
const gunzip = promisify(zlib.gunzip)
const KEY = /^[0-9a-f]{64}$/
/** V8 cannot hold a longer string anyway; a bigger file is corrupt or not ours. */
const MAX_JSON_BYTES = 512 * 1024 * 1024

/**
 * A cache directory shared by scans and processes: `<dir>/ab/<key>.json.gz`. Writes go
 * to a temp file renamed into place, so a reader never sees half a file; a file that
 * does not gunzip or parse as a LayerResult is a miss (and is removed).
 *
 * @example
 * const cache = await openFileLayerCache(path.join(dataDir, 'cache', 'layers'))
 */
export async function openFileLayerCache(dir: string): Promise<LayerCache> {
  await fs.mkdir(dir, { recursive: true })
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new TypeError(`Not a layer cache key: "${key.slice(0, 80)}".`)
    return path.join(dir, key.slice(0, 2), `${key}.json.gz`)
  }
  return {
    async get(key) {
      const file = fileOf(key)
      let packed: Buffer
      try {
        packed = await fs.readFile(file)
      } catch {
        return undefined
      }
      try {
        const value: unknown = JSON.parse((await gunzip(packed, { maxOutputLength: MAX_JSON_BYTES })).toString('utf8'))
        if (isLayerResult(value)) return value
      } catch {
        // Fall through: corrupt.
      }
      await fs.rm(file, { force: true }).catch(() => undefined)
      return undefined
    },
    async put(key, value) {
      const file = fileOf(key)
      const packed = await gzip(Buffer.from(JSON.stringify(value)))
      await fs.mkdir(path.dirname(file), { recursive: true })
      const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
      try {
        await fs.writeFile(temp, packed)
        await fs.rename(temp, file)
      } catch (err) {
        await fs.rm(temp, { force: true }).catch(() => undefined)
        throw err
      }
    },
  }
}
