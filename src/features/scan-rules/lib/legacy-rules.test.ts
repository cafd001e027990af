import { describe, expect, it } from 'vitest'
import { legacyRulesSummary } from './legacy-rules'

describe('legacyRulesSummary', () => {
  it('counts one rule and several, with a thousands separator', () => {
    expect(legacyRulesSummary(1)).toBe('1 rule was saved in Layerscope before this instance’s rules moved to ACR.')
    expect(legacyRulesSummary(3)).toBe('3 rules were saved in Layerscope before this instance’s rules moved to ACR.')
    expect(legacyRulesSummary(1200)).toMatch(/^1,200 rules were/)
  })
})
