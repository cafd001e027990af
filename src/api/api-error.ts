import { apiErrorBody } from '@contract/common'

interface ApiErrorInit {
  code: string
  message: string
  status: number
  requestId?: string | null
  fieldErrors?: Record<string, string[]>
}

/**
 * Every failure of an API call: an error answer from the server (its `{ code, message,
 * requestId, fieldErrors }`), a network failure (`status` 0) or an answer that does not
 * match the contract. Screens show `code`, `message` and `requestId`; forms show `fieldErrors`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly code: string
  readonly status: number
  readonly requestId: string | null
  readonly fieldErrors: Record<string, string[]>

  constructor(init: ApiErrorInit) {
    super(init.message)
    this.code = init.code
    this.status = init.status
    this.requestId = init.requestId ?? null
    this.fieldErrors = init.fieldErrors ?? {}
  }

  /** True for answers the client caused (4xx): retrying the same request will not help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** True for an answer the request itself caused (4xx: a bad or unknown id): asking again cannot help. */
export function isClientApiError(error: unknown): error is ApiError {
  return isApiError(error) && error.isClientError
}

/** True when the server said what was asked for does not exist (404: INSTANCE_NOT_EXIST, REPO_NOT_EXIST, TAG_NOT_EXIST…). */
export function isNotFoundError(error: unknown): error is ApiError {
  return isApiError(error) && error.status === 404
}

/**
 * True when the instance's provider does not offer the operation (OPERATION_NOT_SUPPORTED):
 * not a failure, and asking again cannot change it, so screens show it as unavailable with
 * the server's reason instead of as an error.
 *
 * @example
 * if (isNotSupportedError(error)) return <NotAvailableState reason={error.message} />
 */
export function isNotSupportedError(error: unknown): error is ApiError {
  return isApiError(error) && error.code === 'OPERATION_NOT_SUPPORTED'
}

/**
 * Builds the ApiError for a non-2xx answer. A body in the contract's error shape is taken
 * as is; anything else (a proxy's HTML page, an empty body) still yields a readable error.
 *
 * @example
 * parseErrorResponse(404, '{"code":"REPO_NOT_EXIST","message":"No such repository","requestId":"r-1"}', null)
 * // ApiError { code: 'REPO_NOT_EXIST', status: 404, requestId: 'r-1', … }
 */
export function parseErrorResponse(status: number, bodyText: string, headerRequestId: string | null): ApiError {
  let json: unknown
  try {
    json = JSON.parse(bodyText)
  } catch {
    json = undefined
  }
  const body = apiErrorBody.safeParse(json)
  if (body.success) {
    return new ApiError({
      status,
      code: body.data.code,
      message: body.data.message,
      requestId: body.data.requestId,
      ...(body.data.fieldErrors ? { fieldErrors: body.data.fieldErrors } : {}),
    })
  }
  const snippet = bodyText.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200)
  return new ApiError({
    status,
    code: `HTTP_${status}`,
    message: snippet ? `The server answered ${status}: ${snippet}` : `The server answered ${status} without details.`,
    requestId: headerRequestId,
  })
}

/** The ApiError for a request that never got an answer. */
export function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error && cause.message ? ` (${cause.message})` : ''
  return new ApiError({
    status: 0,
    code: 'NETWORK_ERROR',
    message: `Could not reach the Layerscope server${detail}. Check your connection and try again.`,
  })
}
