import type { ErrorCode } from '@contract/common'
import type { ConnectionFailureStage } from '@contract/instances'

/** What one passed (or skipped) step found, and the value later steps need. */
export interface StepResult<T> {
  status: 'PASSED' | 'SKIPPED'
  detail: string | null
  value: T
}

/** What to do about a 429, wherever in the test it came. */
export const THROTTLED_HINT =
  'Wait and test again; registries usually allow signed-in clients more requests than anonymous ones.'

/** The error code createInstance answers for each stage, as before diagnostics existed. */
const CODE_OF_STAGE: Record<ConnectionFailureStage, ErrorCode> = {
  dns: 'REGISTRY_UNREACHABLE',
  connect: 'REGISTRY_UNREACHABLE',
  tls: 'REGISTRY_UNREACHABLE',
  registry: 'REGISTRY_ERROR',
  auth: 'REGISTRY_AUTH_FAILED',
  permission: 'REGISTRY_AUTH_FAILED',
  throttled: 'REGISTRY_ERROR',
}

/** The form field each stage most likely points at. */
const FIELD_OF_STAGE: Record<ConnectionFailureStage, string | null> = {
  dns: 'url',
  connect: 'url',
  tls: 'url',
  registry: 'url',
  auth: 'password',
  permission: 'username',
  throttled: null,
}

/**
 * A step of the connection test failed: which kind of failure, in words, and what to
 * change. Messages name hosts and statuses only, never credentials.
 *
 * @example throw new DiagnosisFailure('dns', 'cannot resolve r.example.com: no such host (ENOTFOUND).', { hint: 'Check the host name.' })
 */
export class DiagnosisFailure extends Error {
  readonly hint: string | null
  readonly field: string | null
  readonly code: ErrorCode

  constructor(
    readonly stage: ConnectionFailureStage,
    message: string,
    opts: { hint: string | null; field?: string | null; code?: ErrorCode },
  ) {
    super(message)
    this.name = 'DiagnosisFailure'
    this.hint = opts.hint
    this.field = opts.field === undefined ? FIELD_OF_STAGE[stage] : opts.field
    this.code = opts.code ?? CODE_OF_STAGE[stage]
  }
}
