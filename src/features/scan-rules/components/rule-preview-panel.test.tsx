import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/api-error'
import { RulePreviewPanel } from './rule-preview-panel'
import type { LivePreview } from './use-live-preview'

/** A preview as useLivePreview returns it once its query failed with `error`. */
function failedPreview(error: ApiError): LivePreview {
  return {
    query: { error, data: undefined, isFetching: false },
    pending: false,
    complete: true,
    patternErrors: undefined,
    lastData: undefined,
    pageNo: 1,
    pageSize: 20,
    setPageNo: () => {},
  } as unknown as LivePreview
}

describe('RulePreviewPanel', () => {
  it('shows a provider without previews calmly, with the reason, not as an error', () => {
    const reason = 'Alibaba Cloud ACR keeps its scan rules itself; it cannot preview them.'
    const html = renderToStaticMarkup(
      <RulePreviewPanel preview={failedPreview(new ApiError({ code: 'OPERATION_NOT_SUPPORTED', message: reason, status: 501 }))} />,
    )
    expect(html).toContain('Preview: not available for this provider')
    expect(html).toContain(reason)
    expect(html).not.toContain('Could not preview the rule')
    expect(html).not.toContain('bg-danger-soft')
  })

  it('shows any other failure as an error with its code', () => {
    const html = renderToStaticMarkup(
      <RulePreviewPanel preview={failedPreview(new ApiError({ code: 'INTERNAL_ERROR', message: 'The database is unreachable.', status: 500 }))} />,
    )
    expect(html).toContain('Could not preview the rule.')
    expect(html).toContain('INTERNAL_ERROR')
    expect(html).not.toContain('not available for this provider')
  })
})
