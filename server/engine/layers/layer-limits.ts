/**
 * The walker's limits (scanner.md §8.3). Those that change what a layer's result
 * contains are part of the layer cache key; see `outputLimits`.
 */
export interface LayerWalkLimits {
  /** Tar entries per layer; past it the layer fails (a tar of empty files is a cheap bomb). */
  maxEntries: number
  /** Bytes of a normalised path; longer entries are dropped with a note. */
  maxPathLength: number
  /** Segments of a normalised path; deeper entries are dropped with a note. */
  maxPathDepth: number
  /** Largest file read into memory for analyzers; bigger wanted files get a note. */
  maxFileBytes: number
  /** Largest pax / GNU long-name header the tar reader accepts; bigger ones are ignored. */
  maxMetaEntrySize: number
  /** Uncompressed bytes per layer (decompression bombs); past it the layer fails. */
  maxLayerBytes: number
  /** Uncompressed/compressed ratio, checked past 128 MiB of output (zstd bombs). */
  maxRatio: number
  /** One analyzer call on one file; a slower async analyzer is abandoned with a note. */
  analyzerTimeoutMs: number
  /** Notes of one code per layer before they are summarised (a layer of 1M hostile names). */
  maxNotesPerCode: number
}

const MIB = 1024 * 1024
const GIB = 1024 * MIB

export const DEFAULT_WALK_LIMITS: Readonly<LayerWalkLimits> = {
  maxEntries: 1_000_000,
  maxPathLength: 4096,
  // PATH_MAX allows ~2048 segments; real images stay far below 100.
  maxPathDepth: 256,
  maxFileBytes: 100 * MIB,
  maxMetaEntrySize: 1 * MIB,
  maxLayerBytes: 16 * GIB,
  maxRatio: 10_000,
  analyzerTimeoutMs: 30_000,
  maxNotesPerCode: 20,
}

/**
 * The limits that decide what ends up in a LayerResult (and so belong in its cache key).
 * Failing limits (entries, bytes, ratio) are left out: a layer that hits them is never cached.
 *
 * @example layerCacheKey({ diffId, analyzers, limits: outputLimits(limits) })
 */
export function outputLimits(limits: LayerWalkLimits): Record<string, number> {
  return {
    maxPathLength: limits.maxPathLength,
    maxPathDepth: limits.maxPathDepth,
    maxFileBytes: limits.maxFileBytes,
    maxMetaEntrySize: limits.maxMetaEntrySize,
    maxNotesPerCode: limits.maxNotesPerCode,
  }
}

/**
 * Defaults overlaid with whatever the caller set.
 *
 * @example resolveWalkLimits({ maxFileBytes: 10 * 1024 * 1024 })
 */
export function resolveWalkLimits(partial: Partial<LayerWalkLimits> = {}): LayerWalkLimits {
  const out = { ...DEFAULT_WALK_LIMITS }
  for (const [key, value] of Object.entries(partial) as [keyof LayerWalkLimits, number | undefined][]) {
    if (value !== undefined) out[key] = value
  }
  return out
}
