import { describe, expect, it } from 'vitest'
import { parseApiTokens, tokenAccepted } from './api-tokens'

describe('API tokens', () => {
  it('accepts a configured token only', () => {
    const parsed = parseApiTokens('first-token-0123456789, second-token-0123456789')
    if (!('value' in parsed)) throw new Error('expected tokens')
    expect(tokenAccepted(parsed.value, 'second-token-0123456789')).toBe(true)
    expect(tokenAccepted(parsed.value, 'second-token-012345678')).toBe(false)
    expect(tokenAccepted(parsed.value, '')).toBe(false)
  })

  it('refuses short tokens without quoting them', () => {
    const parsed = parseApiTokens('ok-token-0123456789abc,short')
    expect(parsed).toEqual({ errors: ['token 2 must be at least 16 characters'] })
  })
})
