import { formatAbsoluteTime } from '@/lib/format'

/**
 * The one provider that keeps an instance's scan rules upstream; legacy rules exist only
 * for its instances (listLegacyScanRule is empty for every other kind).
 */
export const RULES_UPSTREAM = 'ACR'

/**
 * The legacy-rules notice's opening sentence, counted.
 *
 * @example
 * legacyRulesSummary(1) // '1 rule was saved in Layerscope before this instance’s rules moved to ACR.'
 */
export function legacyRulesSummary(count: number): string {
  const rules = count === 1 ? '1 rule was' : `${count.toLocaleString('en')} rules were`
  return `${rules} saved in Layerscope before this instance’s rules moved to ${RULES_UPSTREAM}.`
}

/**
 * Why a legacy rule can be neither created upstream nor deleted right now: another request
 * (another tab, another server) is creating it upstream. Null when no move is under way.
 *
 * @example
 * movingReason({ moveStartedTime: Date.UTC(2026, 0, 2, 3, 4, 5) }, 'UTC') // 'Being created in ACR by another request since 2026-01-02 03:04:05 UTC'
 */
export function movingReason(rule: { moveStartedTime: number | null }, timeZone?: string): string | null {
  if (rule.moveStartedTime === null) return null
  return `Being created in ${RULES_UPSTREAM} by another request since ${formatAbsoluteTime(rule.moveStartedTime, timeZone)}`
}

/** How often the legacy list is read again while one of its rules is being moved, to see the move end. */
export const MOVING_POLL_MS = 5_000
