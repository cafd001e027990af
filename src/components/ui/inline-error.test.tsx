import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/api-error'
import { InlineError } from './inline-error'

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

describe('InlineError', () => {
  it('renders nothing while there is no error', () => {
    expect(renderToStaticMarkup(<InlineError error={null} />)).toBe('')
  })

  it('shows the message, code and request id as an alert', () => {
    const error = new ApiError({ status: 409, code: 'CONFLICT', message: 'The instance is syncing.', requestId: 'r-7' })
    const html = renderToStaticMarkup(<InlineError error={error} />)
    expect(html).toContain('role="alert"')
    expect(text(html)).toBe('The instance is syncing. (CONFLICT, request r-7)')
  })

  it('leaves the request id out when there is none', () => {
    expect(text(renderToStaticMarkup(<InlineError error={new Error('offline')} />))).toBe('offline (CLIENT_ERROR)')
  })
})
