import { errorStatus, type ErrorCode } from '@contract/common'

/**
 * An error the API reports as `{ code, message, requestId }` with the status that the
 * contract ties to the code. Anything else that escapes a handler is an INTERNAL_ERROR
 * whose details stay in the log.
 */
export class ApiError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = errorStatus[code]
  }
}
