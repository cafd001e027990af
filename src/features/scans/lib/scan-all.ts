import { plural } from '@/lib/format'

/** What one tag's createRepoTagScanTask answered. */
export type ScanAllOutcome = { tag: string; scanTaskId: string; existing: boolean } | { tag: string; error: string }

export interface ScanAllSummary {
  queued: number
  running: number
  failed: number
  title: string
  description: string
}

/**
 * Counts "Scan all tags" outcomes and says them in words.
 *
 * @example
 * summarizeScanAll([{ tag: 'a', scanTaskId: '1', existing: false }, { tag: 'b', scanTaskId: '1', existing: true }])
 * // { queued: 1, running: 1, failed: 0, title: '1 scan queued', description: '2 tags: 1 new scan, 1 already running.' }
 */
export function summarizeScanAll(outcomes: readonly ScanAllOutcome[]): ScanAllSummary {
  let queued = 0
  let running = 0
  const failedTags: string[] = []
  for (const o of outcomes) {
    if ('error' in o) failedTags.push(o.tag)
    else if (o.existing) running += 1
    else queued += 1
  }
  const failed = failedTags.length
  const parts = [`${queued} new ${plural(queued, 'scan', 'scans')}`, `${running} already running`]
  if (failed) parts.push(`${failed} failed (${failedTags.slice(0, 3).join(', ')}${failed > 3 ? ', …' : ''})`)
  const total = outcomes.length
  return {
    queued,
    running,
    failed,
    title: total === 0 ? 'No tags to scan' : `${queued} ${plural(queued, 'scan', 'scans')} queued`,
    description: total === 0 ? 'The repository has no tags in the index.' : `${total} ${plural(total, 'tag', 'tags')}: ${parts.join(', ')}.`,
  }
}
