import { useState } from 'react'
import { isApiError } from '@/api/api-error'
import { useScanRulePreview, type PreviewScanRuleParams } from '../api/preview-scan-rule'
import { useDebouncedValue } from '../lib/use-debounced-value'

/** The preview's input without paging: the rule's fields. */
export type PreviewRule = Omit<PreviewScanRuleParams, 'pageNo' | 'pageSize'>

const PAGE_SIZE = 20

/**
 * A rule's live preview: the fields settle for `debounceMs`, then previewScanRule answers
 * what they match now. Its page goes back to 1 whenever the fields change. A refused
 * pattern (PARAM_INVALID on repoTagFilterPattern) is returned apart, for its field.
 */
export function useLivePreview(rule: PreviewRule | null, debounceMs = 300) {
  const settled = useDebouncedValue(rule, debounceMs)
  const ruleKey = JSON.stringify(settled)
  const [paging, setPaging] = useState({ ruleKey, pageNo: 1 })
  // A new rule starts on page 1 (derived state, adjusted during render).
  if (paging.ruleKey !== ruleKey) setPaging({ ruleKey, pageNo: 1 })
  const pageNo = paging.ruleKey === ruleKey ? paging.pageNo : 1
  const query = useScanRulePreview(settled ? { ...settled, pageNo, pageSize: PAGE_SIZE } : null)
  const patternErrors = isApiError(query.error) ? query.error.fieldErrors.repoTagFilterPattern : undefined
  // The last answer, kept while a half-typed pattern is refused, so the selectors stay flagged meanwhile.
  const [lastData, setLastData] = useState(query.data)
  if (query.data && query.data !== lastData) setLastData(query.data)
  return {
    query,
    /** True while typed fields have not been asked about yet. */
    pending: JSON.stringify(rule) !== ruleKey,
    complete: settled !== null,
    patternErrors,
    /** The latest answer received, for what stays true while the current fields are refused. */
    lastData,
    pageNo,
    pageSize: PAGE_SIZE,
    setPageNo: (n: number) => setPaging({ ruleKey, pageNo: n }),
  }
}

export type LivePreview = ReturnType<typeof useLivePreview>
