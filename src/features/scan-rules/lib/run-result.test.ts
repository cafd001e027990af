import { describe, expect, it } from 'vitest'
import { describeRun } from './run-result'

describe('describeRun', () => {
  it('says what a run queued, and what already had a scan running', () => {
    expect(describeRun({ queued: 0, existing: 0 })).toBe('No tag matches the rule now: nothing was queued.')
    expect(describeRun({ queued: 1, existing: 0 })).toBe('Queued 1 scan.')
    expect(describeRun({ queued: 2, existing: 1 })).toBe('Queued 2 scans; 1 matching tag already had one running.')
    expect(describeRun({ queued: 0, existing: 3 })).toBe('Queued 0 scans; 3 matching tags already had one running.')
  })
})
