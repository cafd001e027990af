import type { ErrorCode } from '@contract/common'
import type { ConnectionFailureStage, TestInstanceConnectionResult } from '@contract/instances'
import { ApiError } from '../errors'

/**
 * A failure of an upstream (ACR's OpenAPI, StackRox Central): an ApiError like any other
 * for the operation that met it, which also says at what stage it failed and what to
 * change, so a connection test can answer it as a finding instead of an error.
 */
export class UpstreamError extends ApiError {
  constructor(
    code: ErrorCode,
    readonly stage: ConnectionFailureStage,
    readonly detail: string,
    readonly hint: string | null,
    readonly field: string | null,
    /** How long the upstream asked us to wait (its Retry-After), when it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(code, hint ? `${detail} ${hint}` : detail, field ? { [field]: [detail] } : undefined)
  }
}

/** Longest Retry-After honoured: a broken header must not park a scan for days. */
const MAX_RETRY_AFTER_MS = 60 * 60_000

/**
 * A Retry-After header (delay-seconds or an HTTP date) as milliseconds from `now`; null
 * when absent or unreadable.
 *
 * @example
 * parseRetryAfter('2', 0) // 2000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')) // 60000
 */
export function parseRetryAfter(value: string | string[] | null | undefined, now: number = Date.now()): number | null {
  const v = (Array.isArray(value) ? value[0] : value)?.trim()
  if (!v) return null
  const ms = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now
  if (!Number.isFinite(ms)) return null
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms))
}

/** A connection test's answer for a failure: UpstreamErrors become findings, anything else is rethrown. */
export function failedTest(err: unknown): TestInstanceConnectionResult {
  if (!(err instanceof UpstreamError)) throw err
  return { ok: false, code: err.code, stage: err.stage, message: err.detail, hint: err.hint, field: err.field, checks: [] }
}
