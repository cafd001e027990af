/** A layer as the stored report gives it: its index and the history line that made it. */
export interface HistoryLayer {
  index: number
  createdBy: string | null
}

export interface BaseImageLayers {
  lastLayerIndex: number
  evidence: 'buildkit' | 'rootfs'
}

const BUILDKIT = /#\s*buildkit\s*$/
// The step that lays down an OS root file system: `ADD file:<hash> in /` (classic builder)
// or `ADD rootfs.tar.gz / # buildkit`.
const ROOTFS = /\bADD\s+\S+\s+(in\s+)?\/\s*(#\s*buildkit\s*)?$/

/**
 * Which layers came from the base image, from the history lines of the layers.
 *
 * The engine's `guessBaseImageIndex` reads the full config history, where the base image's
 * last step is an empty-layer `CMD`; the stored report keeps only the steps that made a
 * layer, so this reads what they still tell:
 * - `buildkit`: the image's own steps were built with BuildKit (`… # buildkit`) and the
 *   layers below the first of them were not: those are the base image's.
 * - `rootfs`: otherwise, a bottom layer that adds a root file system at `/` is the base.
 * Null when neither holds (no history, or an image built FROM scratch in one go).
 *
 * @example
 * baseImageLayers([{ index: 0, createdBy: '/bin/sh -c #(nop) ADD file:ab in / ' }, { index: 1, createdBy: 'RUN /bin/sh -c apk add x # buildkit' }])
 * // { lastLayerIndex: 0, evidence: 'buildkit' }
 */
export function baseImageLayers(layers: readonly HistoryLayer[]): BaseImageLayers | null {
  const ordered = layers.toSorted((a, b) => a.index - b.index)
  const top = ordered.at(-1)
  if (!top?.createdBy || ordered.length < 2) return null
  if (BUILDKIT.test(top.createdBy)) {
    const firstOwn = ordered.findIndex((l) => l.createdBy !== null && BUILDKIT.test(l.createdBy))
    const below = ordered.slice(0, firstOwn)
    if (firstOwn > 0 && below.every((l) => l.createdBy)) return { lastLayerIndex: ordered[firstOwn - 1]?.index ?? 0, evidence: 'buildkit' }
  }
  const bottom = ordered[0]
  if (bottom?.createdBy && ROOTFS.test(bottom.createdBy.trim())) return { lastLayerIndex: bottom.index, evidence: 'rootfs' }
  return null
}
