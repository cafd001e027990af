import { addAbortSignal, type Readable } from 'node:stream'
import type { Descriptor, ImageSource } from '../acquire/image-source'
import { decompressLayer } from '../acquire/layer-stream'
import { toLayerError } from './layer-error'
import { resolveWalkLimits } from './layer-limits'
import type { LayerResult } from './layer-result'
import { walkLayerTar, type WalkOptions } from './walk-layer'

export interface ReadLayerOptions extends Omit<WalkOptions, 'expectedDiffId' | 'what'> {
  /** Compressed bytes read so far, after every chunk. */
  onBytes?: ((bytesRead: number) => void) | undefined
}

/**
 * Streams one layer blob from the source (digest and size verified by `openBlob`),
 * decompresses it within the bomb limits and walks its tar. Every failure comes out as
 * a LayerError naming the layer (aborts pass through as they are).
 *
 * @example
 * const result = await readLayer(source, 'demo/app', image.layers[0], image.config.rootfs.diff_ids[0], 0, { analyzers })
 */
export async function readLayer(source: ImageSource, repository: string, layer: Descriptor, diffId: string, layerIndex: number, opts: ReadLayerOptions): Promise<LayerResult> {
  const what = `layer ${layerIndex} (${layer.digest})`
  const limits = resolveWalkLimits(opts.limits)
  let blob: Readable | undefined
  let tar: Readable | undefined
  try {
    blob = await source.openBlob(repository, layer, opts.signal ? { signal: opts.signal } : {})
    // decompressLayer reads the blob through its async iterator, so a verification error
    // of the blob (digest, size) reaches the walker as the failure of its next read.
    tar = decompressLayer(blob, layer.mediaType, { maxBytes: limits.maxLayerBytes, maxRatio: limits.maxRatio }, { onInput: opts.onBytes })
    // A stalled source must not outlive the scan's deadline.
    if (opts.signal) addAbortSignal(opts.signal, tar)
    return await walkLayerTar(tar, { ...opts, expectedDiffId: diffId, what })
  } catch (err) {
    throw toLayerError(err, what)
  } finally {
    tar?.destroy()
    blob?.destroy()
  }
}
