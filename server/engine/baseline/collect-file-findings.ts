import type { BaselineFinding, MaliciousFile } from '@contract/findings'
import type { FileBaselineFinding, FileMaliciousFinding } from '../inventory/analyzer'
import type { FileAnalysis, LayerResult } from '../layers/layer-result'
import type { FileIndex } from '../layers/squashed-tree'
import { sortBaseline } from './checks'

/**
 * A layer's file analysis carrying the analyzers' baseline and malicious output.
 * (`FileAnalysis` of layer-result.ts does not declare these fields yet; a LayerResult
 * whose analyses have them, or not, is accepted as is.)
 */
export type FileAnalysisWithFindings = FileAnalysis & {
  baseline?: FileBaselineFinding[] | undefined
  malicious?: FileMaliciousFinding[] | undefined
}

export interface CollectLayer {
  result: Omit<LayerResult, 'analyses'> & { analyses: readonly FileAnalysisWithFindings[] }
  /** The layer's digest as the manifest names it. */
  digest: string
}

export interface CollectedFileFindings {
  baseline: BaselineFinding[]
  malicious: MaliciousFile[]
}

const MALICIOUS_RANK = { serious: 3, suspicious: 2, remind: 1 } as const

/**
 * Attaches layers to what the analyzers said about files.
 *
 * - Baseline findings survive only when that exact file is what the squashed image
 *   has: `index.get(path).layerIndex` is the analysed layer. A shadow file rewritten by a
 *   later layer, or a config file deleted by a whiteout or an opaque directory, no longer
 *   configures anything.
 * - Malicious findings are always kept: deleted files still ship in the image's blobs.
 *   `deletedInLayer` is set to the first later layer that whites the file out, hides it
 *   under an opaque directory, or writes something else at its path or at a parent's.
 *
 * @example
 * const { baseline, malicious } = collectFileFindings(results.map((result, i) => ({ result, digest: image.layers[i].digest })), merged.fileIndex)
 */
export function collectFileFindings(layers: readonly CollectLayer[], index: FileIndex): CollectedFileFindings {
  const baseline: BaselineFinding[] = []
  const malicious: MaliciousFile[] = []
  const writtenPaths: (Map<string, string> | undefined)[] = []
  const written = (i: number) => (writtenPaths[i] ??= new Map(layers[i]?.result.files.map((f) => [f.path, f.type])))

  layers.forEach(({ result, digest }, layerIndex) => {
    for (const analysis of result.analyses) {
      const current = index.get(analysis.path)?.layerIndex === layerIndex
      if (current && Array.isArray(analysis.baseline)) {
        for (const f of analysis.baseline) baseline.push({ ...f, path: f.path ?? analysis.path, layerIndex, layerDigest: digest })
      }
      if (!Array.isArray(analysis.malicious) || !analysis.malicious.length) continue
      const deletedInLayer = current ? undefined : deletedAfter(layers, written, analysis.path, layerIndex)
      for (const m of analysis.malicious) {
        const out: MaliciousFile = { ...m, filePath: m.filePath || analysis.path, layerIndex, layerDigest: digest }
        if (deletedInLayer !== undefined) out.deletedInLayer = deletedInLayer
        malicious.push(out)
      }
    }
  })
  malicious.sort((a, b) => MALICIOUS_RANK[b.level] - MALICIOUS_RANK[a.level] || a.filePath.localeCompare(b.filePath) || a.layerIndex - b.layerIndex || a.maliciousName.localeCompare(b.maliciousName))
  return { baseline: sortBaseline(baseline), malicious }
}

/** The first layer above `layerIndex` that removes or replaces `path`, if any. */
function deletedAfter(layers: readonly CollectLayer[], written: (i: number) => Map<string, string>, path: string, layerIndex: number): number | undefined {
  const ancestors: string[] = []
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) ancestors.push(path.slice(0, slash))
  for (let i = layerIndex + 1; i < layers.length; i++) {
    const r = layers[i]?.result
    if (!r) continue
    if (r.whiteouts.some((w) => w === path || ancestors.includes(w))) return i
    if (r.opaqueDirs.some((d) => d === '' || ancestors.includes(d))) return i
    const files = written(i)
    if (files.has(path)) return i
    // A non-directory written over a parent replaces the whole subtree.
    if (ancestors.some((a) => (files.get(a) ?? 'dir') !== 'dir')) return i
  }
  return undefined
}
