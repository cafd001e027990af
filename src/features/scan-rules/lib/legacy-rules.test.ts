import { describe, expect, it } from 'vitest'
import { legacyRulesSummary, movingReason } from './legacy-rules'

describe('legacyRulesSummary', () => {
  it('counts one rule and several, with a thousands separator', () => {
    expect(legacyRulesSummary(1)).toBe('1 rule was saved in Layerscope before this instance’s rules moved to ACR.')
    expect(legacyRulesSummary(3)).toBe('3 rules were saved in Layerscope before this instance’s rules moved to ACR.')
    expect(legacyRulesSummary(1200)).toMatch(/^1,200 rules were/)
  })
})

describe('movingReason', () => {
  it('says since when another request is creating the rule upstream, and nothing when none is', () => {
    expect(movingReason({ moveStartedTime: Date.UTC(2026, 0, 2, 3, 4, 5) }, 'UTC')).toBe('Being created in ACR by another request since 2026-01-02 03:04:05 UTC')
    expect(movingReason({ moveStartedTime: null })).toBeNull()
  })
})
