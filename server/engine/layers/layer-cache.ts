import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { isLayerResult, LAYER_SCHEMA_VERSION, type LayerResult } from './layer-result'
import type { MergedImage } from './merge-layers'
import { packFiles, unpackFiles } from './packed-files'
import type { MergedFile } from './squashed-tree'

/**
 * Per-layer analysis results, keyed by what determines them (scanner.md §8.2): a layer
 * analysed once is never downloaded again by any image that shares its diffID, until an
 * analyzer or the walker changes. Matches are never cached here.
 *
 * A cache may also keep whole images' merged inventories (`getImage`/`putImage`), keyed by
 * the layer keys they were merged from (`imageCacheKey`): a rescan of an image whose layers
 * are all known then skips merging them. Matching still runs every time.
 */
export interface LayerCache {
  get(key: string): Promise<LayerResult | undefined>
  put(key: string, value: LayerResult): Promise<void>
  getImage?(key: string): Promise<CachedImage | undefined>
  putImage?(key: string, value: CachedImage): Promise<void>
}

/** Bump when the stored form of CachedImage changes. */
export const IMAGE_CACHE_VERSION = 1

/**
 * One image's merged inventory. `merged` is the merge's output whole (but its file index,
 * stored as `files`), so a field added to MergedImage is cached with it. The layers' own
 * results are not in it: they stay in the layer cache, where a hit finds them.
 */
export interface CachedImage {
  schemaVersion: number
  /** Checked against the image on a hit, besides the key. */
  diffIds: string[]
  layerDigests: string[]
  /** Each layer's `fileCount`, for the report's layer list. */
  fileCounts: number[]
  merged: Omit<MergedImage, 'fileIndex'>
  /** The squashed file index, in its iteration order. */
  files: MergedFile[]
}

export interface ImageCacheKeyInput {
  /** The layers' own cache keys, bottom to top (they cover diffIDs, analyzers, limits and the walker version). */
  layerKeys: readonly string[]
  /** The layers' digests: components name the layer they come from by digest. */
  layerDigests: readonly string[]
  /** The merge's own version (`MERGE_SCHEMA_VERSION`). */
  mergeVersion: number
  /** Merge options that change the result (`maxSymlinkDepth`). */
  options: Record<string, number>
}

/**
 * The cache key of a merged image: sha256 (hex) of the canonical JSON of its inputs.
 *
 * @example imageCacheKey({ layerKeys, layerDigests: image.layers.map((l) => l.digest), mergeVersion: MERGE_SCHEMA_VERSION, options: { maxSymlinkDepth } })
 */
export function imageCacheKey(input: ImageCacheKeyInput): string {
  const doc: JsonValue = { kind: 'image', imageCacheVersion: IMAGE_CACHE_VERSION, mergeVersion: input.mergeVersion, layerKeys: [...input.layerKeys], layerDigests: [...input.layerDigests], options: input.options }
  return createHash('sha256').update(canonicalJson(doc)).digest('hex')
}

/** LayerResult as the file cache stores it: the file index column by column. */
function encodeLayer(value: LayerResult): string {
  return JSON.stringify({ ...value, files: packFiles(value.files) })
}

function decodeLayer(text: string): LayerResult | undefined {
  const v = JSON.parse(text) as Record<string, unknown> | null
  if (typeof v !== 'object' || v === null) return undefined
  const value = { ...v, files: unpackFiles(v.files) }
  return isLayerResult(value) ? value : undefined
}

/** CachedImage as stored: the file index column by column. */
function encodeImage(value: CachedImage): string {
  return JSON.stringify({ ...value, files: packFiles(value.files, true) })
}

/** Throws on anything that is not an encoded CachedImage of this version. */
function decodeImage(text: string): CachedImage {
  const v = JSON.parse(text) as Record<string, unknown> | null
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string')
  const merged = (typeof v === 'object' && v !== null ? v.merged : undefined) as Record<string, unknown> | null | undefined
  if (
    typeof v !== 'object' ||
    v === null ||
    v.schemaVersion !== IMAGE_CACHE_VERSION ||
    !strings(v.diffIds) ||
    !strings(v.layerDigests) ||
    !Array.isArray(v.fileCounts) ||
    !v.fileCounts.every((n) => typeof n === 'number') ||
    typeof merged !== 'object' ||
    merged === null ||
    !(merged.os === null || typeof merged.os === 'object') ||
    !Array.isArray(merged.components) ||
    !Array.isArray(merged.notes)
  ) {
    throw new TypeError('not a cached image')
  }
  return { ...(v as unknown as CachedImage), files: unpackFiles(v.files, true) }
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
  const read = (key: string): string | undefined => {
    const text = entries.get(key)
    if (text === undefined) return undefined
    entries.delete(key)
    entries.set(key, text)
    return text
  }
  const write = (key: string, text: string) => {
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
  }
  return {
    get(key) {
      const text = read(key)
      return Promise.resolve(text === undefined ? undefined : (JSON.parse(text) as LayerResult))
    },
    put: (key, value) => write(key, JSON.stringify(value)),
    getImage(key) {
      const text = read(`image:${key}`)
      // A promise either way, as for the file cache.
      return Promise.resolve(text).then((t) => (t === undefined ? undefined : decodeImage(t)))
    },
    putImage: (key, value) => Promise.resolve(value).then((v) => write(`image:${key}`, encodeImage(v))),
  }
}

const gzip = promisify(zlib.gzip)
const gunzip = promisify(zlib.gunzip)
const KEY = /^[0-9a-f]{64}$/
/** V8 cannot hold a longer string anyway; a bigger file is corrupt or not ours. */
const MAX_JSON_BYTES = 512 * 1024 * 1024

/**
 * A cache directory shared by scans and processes: `<dir>/ab/<key>.json.gz` for layers,
 * `<dir>/ab/<key>.image.json.gz` for merged images. Writes go to a temp file renamed into
 * place, so a reader never sees half a file; a file that does not gunzip or parse as what
 * it should hold is a miss (and is removed).
 *
 * @example
 * const cache = await openFileLayerCache(path.join(dataDir, 'cache', 'layers'))
 */
export async function openFileLayerCache(dir: string): Promise<LayerCache> {
  await fs.mkdir(dir, { recursive: true })
  const fileOf = (key: string, suffix: string) => {
    if (!KEY.test(key)) throw new TypeError(`Not a layer cache key: "${key.slice(0, 80)}".`)
    return path.join(dir, key.slice(0, 2), `${key}${suffix}`)
  }
  /** The decoded value, or undefined for a missing file; a file that does not decode is removed. */
  const read = async <T>(key: string, suffix: string, decode: (text: string) => T | undefined): Promise<T | undefined> => {
    const file = fileOf(key, suffix)
    let packed: Buffer
    try {
      packed = await fs.readFile(file)
    } catch {
      return undefined
    }
    try {
      const value = decode((await gunzip(packed, { maxOutputLength: MAX_JSON_BYTES })).toString('utf8'))
      if (value !== undefined) return value
    } catch {
      // Fall through: corrupt.
    }
    await fs.rm(file, { force: true }).catch(() => undefined)
    return undefined
  }
  const write = async (key: string, suffix: string, encode: () => string) => {
    const file = fileOf(key, suffix)
    // Level 1: these files are local and read far more often than written; it deflates
    // about twice as fast as the default for a tenth more bytes.
    const packed = await gzip(Buffer.from(encode()), { level: 1 })
    await fs.mkdir(path.dirname(file), { recursive: true })
    const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await fs.writeFile(temp, packed)
      await fs.rename(temp, file)
    } catch (err) {
      await fs.rm(temp, { force: true }).catch(() => undefined)
      throw err
    }
  }
  return {
    get: (key) => read(key, '.json.gz', decodeLayer),
    put: (key, value) => write(key, '.json.gz', () => encodeLayer(value)),
    getImage: (key) => read(key, '.image.json.gz', decodeImage),
    putImage: (key, value) => write(key, '.image.json.gz', () => encodeImage(value)),
  }
}
