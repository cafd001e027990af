import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { PreviewScanRuleQuery } from '@contract/scan-rule-preview'
import { callOperation, type CallOptions } from '@/api/client'
import { scanRuleKeys } from './keys'

export type PreviewScanRuleParams = PreviewScanRuleQuery

export function previewScanRule(params: PreviewScanRuleParams, options?: CallOptions) {
  return callOperation('previewScanRule', params, options)
}

/**
 * What a rule's fields match in the index now. An invalid pattern is an answer, not a
 * failure to retry (PARAM_INVALID is shown at the field), so 4xx answers are not retried.
 */
export function previewScanRuleOptions(params: PreviewScanRuleParams) {
  return queryOptions({
    queryKey: scanRuleKeys.preview(params),
    queryFn: ({ signal }) => previewScanRule(params, { signal }),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 10_000,
  })
}

/** The preview of `params`, or nothing while they are null (the form is not complete yet). */
export function useScanRulePreview(params: PreviewScanRuleParams | null) {
  return useQuery({ ...previewScanRuleOptions(params ?? disabledParams), enabled: params !== null })
}

// A key for the disabled query; it is never fetched.
const disabledParams: PreviewScanRuleParams = { instanceId: '', scanScope: 'INSTANCE', namespaces: [], repoNames: [], repoTagFilterPattern: '', pageNo: 1, pageSize: 20 }
