import { describe, expect, it } from 'vitest'
import { describeTrigger } from './scan-trigger'

const none = { actor: null, scanRuleId: null, detail: null }

describe('describeTrigger', () => {
  it('names the person, the rule and why it ran', () => {
    expect(describeTrigger({ ...none, kind: 'USER', actor: 'alice' })).toBe('alice')
    expect(describeTrigger({ ...none, kind: 'USER' })).toBe('A user (not signed in)')
    expect(describeTrigger({ ...none, kind: 'RULE', scanRuleId: 'r1', actor: 'bob' })).toBe('Scan rule r1, run by bob')
    expect(describeTrigger({ ...none, kind: 'PUSH', scanRuleId: 'r1' })).toBe('Scan rule r1, on a push')
    expect(describeTrigger({ ...none, kind: 'POLL' })).toBe('A scan rule, on a new or moved tag')
    expect(describeTrigger({ ...none, kind: 'ADVISORY_UPDATE', scanRuleId: 'r2' })).toBe('Scan rule r2, after an advisory update')
    expect(describeTrigger({ ...none, kind: 'DEMO' })).toBe('Demo seeding')
  })
})
