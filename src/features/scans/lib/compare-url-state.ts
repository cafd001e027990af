import { z } from 'zod'
import { compareScansQuery } from '@contract/compare'
import { pickShape } from '@/hooks/url-state'

/** The compare view's URL state: which scan is the other one, in the operation's own words. */
export const compareUrlSchema = z.object(pickShape(compareScansQuery.shape, ['baseScanTaskId', 'baseTag', 'baseDigest'] as const))
export type CompareUrlState = z.output<typeof compareUrlSchema>

/**
 * The picker's value for a URL state: `tag:<tag>`, `digest:<digest>` or `task:<id>`;
 * empty when nothing is chosen yet.
 *
 * @example
 * compareChoiceOf({ baseTag: '1.0' }) // 'tag:1.0'
 */
export function compareChoiceOf(state: CompareUrlState): string {
  if (state.baseTag) return `tag:${state.baseTag}`
  if (state.baseDigest) return `digest:${state.baseDigest}`
  if (state.baseScanTaskId) return `task:${state.baseScanTaskId}`
  return ''
}

/**
 * The URL state for a picker value; one key set, the other two cleared.
 *
 * @example
 * compareStateFor('digest:sha256:ab…') // { baseTag: undefined, baseDigest: 'sha256:ab…', baseScanTaskId: undefined }
 */
export function compareStateFor(choice: string): CompareUrlState {
  const colon = choice.indexOf(':')
  const kind = choice.slice(0, colon)
  const value = choice.slice(colon + 1) || undefined
  return {
    baseTag: kind === 'tag' ? value : undefined,
    baseDigest: kind === 'digest' ? value : undefined,
    baseScanTaskId: kind === 'task' ? value : undefined,
  }
}

/** The compare view of a scan, optionally against a given other scan. */
export function compareScanPath(reportPath: string, base?: { baseTag?: string; baseScanTaskId?: string }): string {
  const params = new URLSearchParams()
  if (base?.baseTag) params.set('baseTag', base.baseTag)
  if (base?.baseScanTaskId) params.set('baseScanTaskId', base.baseScanTaskId)
  const query = params.toString()
  return `${reportPath}/compare${query ? `?${query}` : ''}`
}
