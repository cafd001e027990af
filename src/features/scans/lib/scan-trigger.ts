import type { ScanTaskTrigger } from '@contract/scans'

/**
 * Who or what started a scan, in words for the report header.
 *
 * @example
 * describeTrigger({ kind: 'USER', actor: 'alice', scanRuleId: null, detail: null }) // 'alice'
 * describeTrigger({ kind: 'PUSH', actor: null, scanRuleId: 'rule-1', detail: null }) // 'Scan rule rule-1, on a push'
 */
export function describeTrigger(trigger: ScanTaskTrigger): string {
  const rule = trigger.scanRuleId ? `Scan rule ${trigger.scanRuleId}` : 'A scan rule'
  switch (trigger.kind) {
    case 'USER':
      return trigger.actor ?? 'A user (not signed in)'
    case 'RULE':
      return trigger.actor ? `${rule}, run by ${trigger.actor}` : `${rule}, run by hand`
    case 'PUSH':
      return `${rule}, on a push`
    case 'POLL':
      return `${rule}, on a new or moved tag`
    case 'ADVISORY_UPDATE':
      return `${rule}, after an advisory update`
    case 'DEMO':
      return 'Demo seeding'
  }
}
