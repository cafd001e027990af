import { formatCount, plural } from '@/lib/format'

/**
 * The result of a run in words.
 *
 * @example
 * describeRun({ queued: 2, existing: 1 }) // 'Queued 2 scans; 1 matching tag already had one running.'
 */
export function describeRun({ queued, existing }: { queued: number; existing: number }): string {
  if (queued === 0 && existing === 0) return 'No tag matches the rule now: nothing was queued.'
  const first = `Queued ${formatCount(queued)} ${plural(queued, 'scan', 'scans')}`
  if (existing === 0) return `${first}.`
  return `${first}; ${formatCount(existing)} matching ${plural(existing, 'tag', 'tags')} already had one running.`
}
