import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from '../providers/upstream-error'
import { decideThrottleRetry } from './throttle-retry'

const opts = { throttleBaseMs: 1_000, throttleMaxMs: 8_000, throttleBudgetMs: 60_000 }
const mid = () => 0.5

describe('decideThrottleRetry', () => {
  it('backs off exponentially, capped, and says until when it waits', () => {
    const delays = [1, 2, 3, 4, 5].map((n) => {
      const d = decideThrottleRetry({ throttledAttempts: n, since: 0, now: 1_000, retryAfterMs: null, message: 'x' }, opts, mid)
      return d.retry ? d.delayMs : -1
    })
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000])
    const d = decideThrottleRetry({ throttledAttempts: 1, since: 0, now: 0, retryAfterMs: null, message: 'ACR said Throttling.User' }, opts, mid)
    expect(d).toEqual({ retry: true, delayMs: 1_000, retryAt: 1_000, message: 'Waiting: throttled by the upstream, retrying at 1970-01-01T00:00:01.000Z. ACR said Throttling.User' })
  })

  it('jitters each pause by ±20 %', () => {
    const low = decideThrottleRetry({ throttledAttempts: 2, since: 0, now: 0, retryAfterMs: null, message: '' }, opts, () => 0)
    const high = decideThrottleRetry({ throttledAttempts: 2, since: 0, now: 0, retryAfterMs: null, message: '' }, opts, () => 1)
    expect([low.retry && low.delayMs, high.retry && high.delayMs]).toEqual([1_600, 2_400])
  })

  it('waits at least the Retry-After, even beyond the backoff cap', () => {
    const d = decideThrottleRetry({ throttledAttempts: 1, since: 0, now: 0, retryAfterMs: 20_000, message: '' }, opts, mid)
    expect(d.retry && d.delayMs).toBe(20_000)
  })

  it('fails once the next attempt would start past the budget, saying how long it tried', () => {
    const d = decideThrottleRetry({ throttledAttempts: 9, since: 0, now: 55_000, retryAfterMs: null, message: 'Last 429.' }, opts, mid)
    expect(d).toEqual({ retry: false, message: 'Gave up: the upstream kept throttling this scan for 55 s over 9 attempts (limit 60 s). Last answer: Last 429.' })
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
    expect(parseRetryAfter('3', 0)).toBe(3_000)
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000)
    expect(parseRetryAfter(['2'], 0)).toBe(2_000)
    expect(parseRetryAfter('soon', 0)).toBeNull()
    expect(parseRetryAfter(undefined, 0)).toBeNull()
    expect(parseRetryAfter('999999999', 0)).toBe(3_600_000)
  })
})
