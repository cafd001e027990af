import { retryDelayMs } from './scan-errors'

export interface ThrottleRetryOptions {
  /** The first pause after a throttled attempt; it doubles each time, ±20 %. */
  throttleBaseMs: number
  /** The longest single pause (a Retry-After may ask for more, up to the budget). */
  throttleMaxMs: number
  /** How long after the first throttled attempt began the task may keep waiting before it fails. */
  throttleBudgetMs: number
}

export const DEFAULT_THROTTLE_RETRY: ThrottleRetryOptions = { throttleBaseMs: 10_000, throttleMaxMs: 5 * 60_000, throttleBudgetMs: 30 * 60_000 }

export type ThrottleDecision = { retry: true; delayMs: number; retryAt: number; message: string } | { retry: false; message: string }

/**
 * What to do with a scan whose upstream throttled it (UPSTREAM_THROTTLED): wait and try
 * again, by exponential backoff with jitter or the upstream's Retry-After when that is
 * longer, as long as the next attempt starts within the budget counted from the first
 * throttled attempt; then fail, saying how long it kept trying. Throttling says nothing
 * about the image, so these waits are bounded by time rather than by attempts.
 *
 * @example
 * decideThrottleRetry({ throttledAttempts: 1, since: 0, now: 1_000, retryAfterMs: null, message: 'ACR throttled…' }, opts, () => 0.5)
 * // { retry: true, delayMs: 10_000, retryAt: 11_000, message: 'Waiting: throttled by the upstream, retrying at …' }
 */
export function decideThrottleRetry(
  t: { throttledAttempts: number; since: number; now: number; retryAfterMs: number | null; message: string },
  opts: ThrottleRetryOptions,
  random: () => number = Math.random,
): ThrottleDecision {
  const backoff = retryDelayMs(t.throttledAttempts, { baseMs: opts.throttleBaseMs, maxMs: opts.throttleMaxMs }, random)
  const delayMs = Math.max(backoff, t.retryAfterMs ?? 0)
  const retryAt = t.now + delayMs
  if (retryAt - t.since > opts.throttleBudgetMs) {
    return {
      retry: false,
      message: `Gave up: the upstream kept throttling this scan for ${duration(t.now - t.since)} over ${t.throttledAttempts} ${t.throttledAttempts === 1 ? 'attempt' : 'attempts'} (limit ${duration(opts.throttleBudgetMs)}). Last answer: ${t.message}`,
    }
  }
  return { retry: true, delayMs, retryAt, message: `Waiting: throttled by the upstream, retrying at ${new Date(retryAt).toISOString()}. ${t.message}` }
}

function duration(ms: number): string {
  return ms < 120_000 ? `${Math.max(0, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`
}
