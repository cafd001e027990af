import type { Component, ImageLayer, OsInfo, ScanNote } from '@contract/findings'
import { AcquireError } from '../acquire/errors'
import type { ImageSource, Platform, ResolvedImage } from '../acquire/image-source'
import { IMAGE_CACHE_VERSION, imageCacheKey, layerCacheKey, type LayerCache } from '../layers/layer-cache'
import { type LayerWalkLimits, outputLimits, resolveWalkLimits } from '../layers/layer-limits'
import type { LayerResult } from '../layers/layer-result'
import { MERGE_SCHEMA_VERSION, type MergedImage, type MergeInput, mergeLayers } from '../layers/merge-layers'
import { readLayer } from '../layers/read-layer'
import { DEFAULT_SYMLINK_DEPTH } from '../layers/resolve-symlink'
import { runLimited } from '../layers/run-limited'
import type { FileIndex } from '../layers/squashed-tree'
import { isCacheable } from '../layers/walk-layer'
import type { Analyzer } from './analyzer'

/** Per-layer progress, enough for a CLI to draw one bar per layer. */
export type InventoryProgress =
  /** Once, after the image is resolved: every layer, bottom to top. */
  | { type: 'layers'; layers: { layerIndex: number; digest: string; size: number }[] }
  /** The layer's analysis came from the cache: its blob is not downloaded. */
  | { type: 'layer-cached'; layerIndex: number; digest: string; fileCount: number }
  | { type: 'layer-started'; layerIndex: number; digest: string; size: number }
  /** Compressed bytes read so far (at most every 256 KiB, and at the end). */
  | { type: 'layer-bytes'; layerIndex: number; digest: string; bytesRead: number; size: number }
  | { type: 'layer-done'; layerIndex: number; digest: string; fileCount: number }

export interface InventoryLimits extends LayerWalkLimits {
  /** Layers per image (scanner.md §8.3). */
  maxLayers: number
  /** Symlinks followed when resolving a path in the merged view. */
  maxSymlinkDepth: number
}

export interface InventoryOptions {
  platform?: Platform | string | undefined
  analyzers: readonly Analyzer[]
  cache?: LayerCache | undefined
  /** Layers read at once (default 2). */
  concurrency?: number | undefined
  signal?: AbortSignal | undefined
  onProgress?: ((event: InventoryProgress) => void) | undefined
  limits?: Partial<InventoryLimits> | undefined
}

export interface ImageInventory {
  image: ResolvedImage
  os: OsInfo | null
  components: Component[]
  layers: ImageLayer[]
  notes: ScanNote[]
  /** The squashed file system, for baseline and malware checks. */
  fileIndex: FileIndex
  /**
   * Each layer's own result with its digest, bottom to top (one result object for a layer
   * the image lists twice), as mergeLayers took them: what later checks derive per layer
   * from, e.g. findings on files a later layer deleted.
   */
  layerResults: MergeInput[]
}

const BYTES_EVENT_STEP = 256 * 1024

/**
 * Everything in one image: resolves it, analyses each layer (from the cache when the
 * same layer was analysed before, in parallel otherwise), and merges the layers into
 * the packages, OS and file index of the running container.
 *
 * Cached layers are looked up by the config's diff_ids before any blob is opened, so a
 * rescan with a warm cache downloads no layer at all; when the same layers were merged
 * before, the merge is taken from the cache too. A layer that cannot be read
 * (LayerError) fails the whole inventory; see layer-error.ts for why.
 *
 * @example
 * const inv = await inventoryImage(source, 'demo/shop-app', '1.0.0', { analyzers: defaultAnalyzers(), cache })
 * inv.components.filter((c) => c.format === 'npm')
 */
export async function inventoryImage(source: ImageSource, repository: string, reference: string, opts: InventoryOptions): Promise<ImageInventory> {
  const { maxLayers, maxSymlinkDepth, ...walk } = { maxLayers: 256, maxSymlinkDepth: DEFAULT_SYMLINK_DEPTH, ...opts.limits }
  const limits = resolveWalkLimits(walk)
  const emit = opts.onProgress ?? (() => undefined)
  const image = await source.resolve(repository, reference, { ...(opts.platform ? { platform: opts.platform } : {}), ...(opts.signal ? { signal: opts.signal } : {}) })
  const what = `${repository}@${image.manifestDigest}`
  const diffIds = image.config.rootfs.diff_ids
  if (image.layers.length > maxLayers) throw new AcquireError('TOO_LARGE', `${what}: ${image.layers.length} layers, over the limit of ${maxLayers}.`)
  if (diffIds.length !== image.layers.length) throw new AcquireError('INVALID_MANIFEST', `${what}: ${image.layers.length} layers but ${diffIds.length} diff_ids.`)
  emit({ type: 'layers', layers: image.layers.map((l, layerIndex) => ({ layerIndex, digest: l.digest, size: l.size })) })

  const notes: ScanNote[] = []
  const results: (LayerResult | undefined)[] = []
  const cached: boolean[] = []
  const keys = diffIds.map((diffId) => layerCacheKey({ diffId, analyzers: opts.analyzers, limits: outputLimits(limits) }))
  const layerDigests = image.layers.map((l) => l.digest)
  const imageKey = imageCacheKey({ layerKeys: keys, layerDigests, mergeVersion: MERGE_SCHEMA_VERSION, options: { maxSymlinkDepth } })

  // The same image merged before, from these very layers: its merge is reused once every
  // layer's own result is back from the layer cache (looked up alongside).
  const imageLookup = opts.cache?.getImage
    ? opts.cache.getImage(imageKey).catch((err: unknown) => {
        notes.push({ level: 'warning', code: 'cache-read-failed', message: `Image cache read failed: ${messageOf(err)}` })
        return undefined
      })
    : Promise.resolve(undefined)

  if (opts.cache) {
    const cache = opts.cache
    await Promise.all(
      keys.map(async (key, i) => {
        const hit = await cache.get(key).catch((err: unknown) => {
          notes.push({ level: 'warning', code: 'cache-read-failed', message: `Layer cache read failed: ${messageOf(err)}`, layerIndex: i })
          return undefined
        })
        if (!hit || hit.diffId !== diffIds[i]) return
        results[i] = hit
        cached[i] = true
        emit({ type: 'layer-cached', layerIndex: i, digest: image.layers[i]?.digest ?? '', fileCount: hit.fileCount })
      }),
    )
  }
  const imageHit = await imageLookup
  const cachedResults = results.filter((r): r is LayerResult => r !== undefined)
  if (imageHit && cachedResults.length === diffIds.length && sameList(imageHit.diffIds, diffIds) && sameList(imageHit.layerDigests, layerDigests)) {
    const merged: MergedImage = { ...imageHit.merged, fileIndex: new Map(imageHit.files.map((f) => [f.path, f])) }
    return assemble(image, merged, notes, cachedResults, () => true)
  }

  // An image may list the same layer twice (empty layers often are): read it once.
  const firstOf = new Map<string, number>()
  diffIds.forEach((d, i) => {
    if (!results[i] && !firstOf.has(d)) firstOf.set(d, i)
  })
  const controller = new AbortController()
  const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal
  await runLimited(
    [...firstOf.values()],
    opts.concurrency ?? 2,
    async (i) => {
      const layer = image.layers[i]
      const diffId = diffIds[i]
      if (!layer || !diffId) return
      emit({ type: 'layer-started', layerIndex: i, digest: layer.digest, size: layer.size })
      let lastEmitted = -BYTES_EVENT_STEP
      const onBytes = (bytesRead: number) => {
        if (bytesRead - lastEmitted < BYTES_EVENT_STEP && bytesRead < layer.size) return
        lastEmitted = bytesRead
        emit({ type: 'layer-bytes', layerIndex: i, digest: layer.digest, bytesRead, size: layer.size })
      }
      const result = await readLayer(source, repository, layer, diffId, i, { analyzers: opts.analyzers, limits, signal, onBytes })
      results[i] = result
      emit({ type: 'layer-done', layerIndex: i, digest: layer.digest, fileCount: result.fileCount })
      if (opts.cache && isCacheable(result)) {
        await opts.cache.put(keys[i] ?? '', result).catch((err: unknown) => {
          notes.push({ level: 'warning', code: 'cache-write-failed', message: `Layer cache write failed: ${messageOf(err)}`, layerIndex: i })
        })
      }
    },
    () => controller.abort(),
  )

  const layerResults = diffIds.map((d, i) => {
    const result = results[i] ?? results[firstOf.get(d) ?? -1]
    if (!result) throw new Error(`layer ${i} was neither cached nor read`)
    return result
  })
  // The image cache keeps the merge's output whole (bump MERGE_SCHEMA_VERSION when it changes).
  const merged = mergeLayers(
    layerResults.map((result, i) => ({ result, digest: image.layers[i]?.digest ?? '' })),
    { maxSymlinkDepth },
  )
  if (opts.cache?.putImage && layerResults.every(isCacheable)) {
    const { fileIndex, ...rest } = merged
    const value = { schemaVersion: IMAGE_CACHE_VERSION, diffIds: [...diffIds], layerDigests, fileCounts: layerResults.map((r) => r.fileCount), merged: rest, files: [...fileIndex.values()] }
    await opts.cache.putImage(imageKey, value).catch((err: unknown) => {
      notes.push({ level: 'warning', code: 'cache-write-failed', message: `Image cache write failed: ${messageOf(err)}` })
    })
  }
  return assemble(image, merged, notes, layerResults, (i) => cached[i] ?? cached[firstOf.get(diffIds[i] ?? '') ?? -1] ?? false)
}

/** The inventory of a merged image, whether merged now or taken from the cache. */
function assemble(image: ResolvedImage, merged: MergedImage, notes: ScanNote[], layerResults: LayerResult[], isCached: (layerIndex: number) => boolean): ImageInventory {
  const diffIds = image.config.rootfs.diff_ids
  notes.push(...merged.notes, ...historyNotes(image))
  if (!merged.os) notes.push({ level: 'info', code: 'os-unavailable', message: 'No OS release file was found (scratch or static image): OS packages cannot be matched.' })
  const createdBy = createdByLayer(image)
  const layers: ImageLayer[] = image.layers.map((l, i) => ({
    index: i,
    digest: l.digest,
    diffId: diffIds[i] ?? '',
    size: l.size,
    mediaType: l.mediaType,
    ...(createdBy[i] ? { createdBy: createdBy[i] } : {}),
    cached: isCached(i),
    fileCount: layerResults[i]?.fileCount ?? 0,
  }))
  return {
    image,
    os: merged.os,
    components: merged.components,
    layers,
    notes,
    fileIndex: merged.fileIndex,
    layerResults: layerResults.map((result, i) => ({ result, digest: image.layers[i]?.digest ?? '' })),
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/**
 * The Dockerfile step behind each layer: history entries marked `empty_layer` made no
 * layer (ENV, CMD, …), so they are skipped. When the counts disagree the mapping is
 * unknowable and nothing is claimed.
 */
function createdByLayer(image: ResolvedImage): (string | undefined)[] {
  const withLayer = (image.config.history ?? []).filter((h) => !h.empty_layer)
  if (withLayer.length !== image.layers.length) return []
  return withLayer.map((h) => h.created_by ?? undefined)
}

function historyNotes(image: ResolvedImage): ScanNote[] {
  const history = image.config.history
  if (!history?.length) return []
  const withLayer = history.filter((h) => !h.empty_layer).length
  if (withLayer === image.layers.length) return []
  return [{ level: 'info', code: 'history-mismatch', message: `The config history names ${withLayer} layers but the image has ${image.layers.length}; layers are shown without their build step.` }]
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 300)
}
