import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/api-error'
import { ErrorState } from './error-state'
import { ProviderBadge } from './provider-badge'

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

describe('ErrorState for an operation the provider lacks', () => {
  const unsupported = new ApiError({
    status: 501,
    code: 'OPERATION_NOT_SUPPORTED',
    message: 'StackRox Central does not report baseline checks.',
    requestId: 'r-1',
  })

  it('shows it calmly as unavailable with the reason: no error code, no retry', () => {
    const html = renderToStaticMarkup(
      <ErrorState error={unsupported} title="Could not load baseline checks" onRetry={() => undefined} />,
    )
    expect(text(html)).toBe(
      'Not available for this provider StackRox Central does not report baseline checks.',
    )
    expect(html).toContain('role="status"')
    expect(html).not.toContain('role="alert"')
  })

  it('still shows a real failure as an error with its code and a retry', () => {
    const failure = new ApiError({
      status: 502,
      code: 'REGISTRY_ERROR',
      message: 'The registry answered 500.',
      requestId: 'r-2',
    })
    const html = renderToStaticMarkup(
      <ErrorState error={failure} title="Could not load" onRetry={() => undefined} />,
    )
    expect(html).toContain('role="alert"')
    expect(text(html)).toContain('REGISTRY_ERROR')
    expect(text(html)).toContain('Retry')
  })
})

describe('ProviderBadge', () => {
  it('reads as "Provider: <name>" and shows the name', () => {
    expect(text(renderToStaticMarkup(<ProviderBadge provider="acr" />))).toBe('A Provider: Alibaba Cloud ACR')
    expect(renderToStaticMarkup(<ProviderBadge provider="stackrox" />)).toContain(
      '<span class="sr-only">Provider: </span>StackRox Central',
    )
  })
})
