import { describe, expect, it } from 'vitest'
import { ApiError, isApiError, isClientApiError, isNotFoundError, isNotSupportedError, networkError, parseErrorResponse } from './api-error'

describe('parseErrorResponse', () => {
  it('takes the contract error body as is', () => {
    const error = parseErrorResponse(
      404,
      JSON.stringify({ code: 'REPO_NOT_EXIST', message: 'No such repository', requestId: 'req-1' }),
      'req-header',
    )
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'REPO_NOT_EXIST', message: 'No such repository', requestId: 'req-1', status: 404 })
    expect(error.fieldErrors).toEqual({})
    expect(error.isClientError).toBe(true)
  })

  it('keeps field errors for forms', () => {
    const error = parseErrorResponse(
      400,
      JSON.stringify({
        code: 'PARAM_INVALID',
        message: 'Invalid parameters — url: is required',
        requestId: 'req-2',
        fieldErrors: { url: ['is required'], instanceName: ['is required', 'too short'] },
      }),
      null,
    )
    expect(error.fieldErrors).toEqual({ url: ['is required'], instanceName: ['is required', 'too short'] })
  })

  it('makes a readable error from a non-contract body, with the header request id', () => {
    const error = parseErrorResponse(502, '<html><body><h1>Bad Gateway</h1></body></html>', 'req-3')
    expect(error).toMatchObject({ code: 'HTTP_502', status: 502, requestId: 'req-3' })
    expect(error.message).toBe('The server answered 502: Bad Gateway')
    expect(error.isClientError).toBe(false)
  })

  it('copes with an empty body', () => {
    const error = parseErrorResponse(500, '', null)
    expect(error).toMatchObject({ code: 'HTTP_500', requestId: null })
    expect(error.message).toMatch(/without details/)
  })

  it('does not accept JSON of the wrong shape as a contract error', () => {
    const error = parseErrorResponse(400, JSON.stringify({ error: 'nope' }), null)
    expect(error.code).toBe('HTTP_400')
  })
})

describe('networkError', () => {
  it('has status 0 and says what failed', () => {
    const error = networkError(new TypeError('Failed to fetch'))
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0, requestId: null })
    expect(error.message).toContain('Failed to fetch')
    expect(isApiError(error)).toBe(true)
    expect(isApiError(new Error('x'))).toBe(false)
  })
})

describe('isNotFoundError', () => {
  it('is true only for a 404 answer', () => {
    expect(isNotFoundError(parseErrorResponse(404, JSON.stringify({ code: 'TAG_NOT_EXIST', message: 'x', requestId: 'r' }), null))).toBe(true)
    expect(isNotFoundError(parseErrorResponse(400, JSON.stringify({ code: 'PARAM_INVALID', message: 'x', requestId: 'r' }), null))).toBe(false)
    expect(isNotFoundError(networkError(new TypeError('Failed to fetch')))).toBe(false)
    expect(isNotFoundError(new Error('404'))).toBe(false)
  })
})

describe('isClientApiError', () => {
  it('is true for 4xx answers only', () => {
    expect(isClientApiError(parseErrorResponse(400, JSON.stringify({ code: 'PARAM_INVALID', message: 'x', requestId: 'r' }), null))).toBe(true)
    expect(isClientApiError(parseErrorResponse(404, '', null))).toBe(true)
    expect(isClientApiError(parseErrorResponse(503, '', null))).toBe(false)
    expect(isClientApiError(networkError(new TypeError('Failed to fetch')))).toBe(false)
  })
})

describe('isNotSupportedError', () => {
  it('tells an operation the provider lacks from a failure', () => {
    const body = JSON.stringify({ code: 'OPERATION_NOT_SUPPORTED', message: 'StackRox Central does not report baseline checks.', requestId: 'r-2' })
    expect(isNotSupportedError(parseErrorResponse(501, body, null))).toBe(true)
    expect(isNotSupportedError(parseErrorResponse(502, JSON.stringify({ code: 'REGISTRY_ERROR', message: 'x', requestId: 'r-3' }), null))).toBe(false)
    expect(isNotSupportedError(new Error('OPERATION_NOT_SUPPORTED'))).toBe(false)
  })
})
