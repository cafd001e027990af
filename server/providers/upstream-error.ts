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
  ) {
    super(code, hint ? `${detail} ${hint}` : detail, field ? { [field]: [detail] } : undefined)
  }
}

/** A connection test's answer for a failure: UpstreamErrors become findings, anything else is rethrown. */
export function failedTest(err: unknown): TestInstanceConnectionResult {
  if (!(err instanceof UpstreamError)) throw err
  return { ok: false, code: err.code, stage: err.stage, message: err.detail, hint: err.hint, field: err.field, checks: [] }
}
