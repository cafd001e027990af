import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/api-error'
import { shouldRetry } from './query-client'

const apiError = (status: number, code = 'X') => new ApiError({ status, code, message: 'm' })

describe('shouldRetry', () => {
  it('retries network and server errors twice', () => {
    expect(shouldRetry(0, apiError(0, 'NETWORK_ERROR'))).toBe(true)
    expect(shouldRetry(1, apiError(502))).toBe(true)
    expect(shouldRetry(2, apiError(502))).toBe(false)
  })
  it('does not retry client errors or contract drift', () => {
    expect(shouldRetry(0, apiError(404, 'INSTANCE_NOT_EXIST'))).toBe(false)
    expect(shouldRetry(0, apiError(200, 'RESPONSE_INVALID'))).toBe(false)
  })
})
