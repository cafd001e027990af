import { AcquireError } from '../engine/acquire/errors'
import { LayerError } from '../engine/layers/layer-error'
import { ApiError } from '../errors'

export interface ClassifiedError {
  /** AcquireError / LayerError / API code, or SCAN_ERROR for anything else. */
  code: string
  message: string
  /** Worth another attempt later without changing anything (registry 429/5xx, unreachable, a dropped connection). */
  retryable: boolean
}

/** Node and PostgreSQL errors that say "the other side went away", not "this image is bad". */
const TRANSIENT_SYSTEM_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08003', '08006'])

/**
 * Decides whether a failed scan is retried. The engine marks its own errors: registry
 * rate limits, 5xx and unreachable hosts are retryable AcquireErrors, and a layer whose
 * source failed mid-download is a retryable LayerError. A corrupt layer, a missing tag
 * or refused credentials will not get better by waiting, so they fail at once.
 *
 * @example
 * classifyScanError(new AcquireError('RATE_LIMITED', 'registry: HTTP 429')) // { code: 'RATE_LIMITED', retryable: true, … }
 */
export function classifyScanError(err: unknown): ClassifiedError {
  if (err instanceof AcquireError) return { code: err.code, message: err.message, retryable: err.retryable }
  if (err instanceof LayerError) return { code: err.code, message: err.message, retryable: err.retryable }
  if (err instanceof ApiError) return { code: err.code, message: err.message, retryable: err.status >= 500 && err.status !== 501 }
  const message = err instanceof Error ? err.message : String(err)
  const sysCode = typeof err === 'object' && err !== null && 'code' in err ? String((err).code) : ''
  if (TRANSIENT_SYSTEM_CODES.has(sysCode)) return { code: 'UNREACHABLE', message, retryable: true }
  return { code: 'SCAN_ERROR', message, retryable: false }
}

/**
 * Exponential backoff with ±20% jitter: base, 2×base, 4×base, … capped at max.
 *
 * @example
 * retryDelayMs(3, { baseMs: 5_000, maxMs: 300_000 }, () => 0.5) // 20_000
 */
export function retryDelayMs(attempt: number, opts: { baseMs: number; maxMs: number }, random: () => number = Math.random): number {
  const step = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(step * (0.8 + 0.4 * random()))
}
