import type { SortOrder } from '@contract/common'
import type { LayerFindings } from '@contract/report-overview'
import type { LayerSortBy } from './report-url-state'

const keyOf: Record<LayerSortBy, (l: LayerFindings) => number> = {
  index: (l) => l.index,
  size: (l) => l.size,
  findings: (l) => l.counts.totalSeverity,
  components: (l) => l.componentCount,
}

/**
 * The Layers tab's rows in the URL's order; ties keep the image's order (bottom first).
 *
 * @example
 * sortLayers(layers, 'size', 'desc')[0] // the largest layer
 */
export function sortLayers(layers: readonly LayerFindings[], sortBy: LayerSortBy, order: SortOrder): LayerFindings[] {
  const key = keyOf[sortBy]
  const sign = order === 'desc' ? -1 : 1
  return [...layers].sort((a, b) => sign * (key(a) - key(b)) || a.index - b.index)
}
