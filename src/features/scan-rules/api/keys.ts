import type { ListLegacyScanRulesParams } from './list-legacy-scan-rules'
import type { ListScanRulesParams } from './list-scan-rules'
import type { PreviewScanRuleParams } from './preview-scan-rule'

/**
 * Query keys for scan rules, general → specific; every fetcher input is in its key. A
 * saved rule changes the lists and its detail; previews depend on the index, not on
 * saved rules, so they are keyed apart and left alone by rule writes.
 */
export const scanRuleKeys = {
  all: ['scan-rules'] as const,
  lists: () => [...scanRuleKeys.all, 'list'] as const,
  list: (params: ListScanRulesParams) => [...scanRuleKeys.lists(), params] as const,
  // Under lists(): moving a legacy rule changes both lists, and a rule write invalidates both.
  legacyList: (params: ListLegacyScanRulesParams) => [...scanRuleKeys.lists(), 'legacy', params] as const,
  details: () => [...scanRuleKeys.all, 'detail'] as const,
  detail: (instanceId: string, scanRuleId: string) => [...scanRuleKeys.details(), instanceId, scanRuleId] as const,
  previews: () => [...scanRuleKeys.all, 'preview'] as const,
  preview: (params: PreviewScanRuleParams) => [...scanRuleKeys.previews(), params] as const,
  suggestions: (instanceId: string, namespace: string | null) => [...scanRuleKeys.all, 'suggestions', instanceId, namespace] as const,
}
