import type { ErrorHandler, NotFoundHandler } from 'hono'
import { ApiError } from '../errors'
import type { Logger } from '../log'
import type { AppEnv } from './request-context'

/** One place turns every failure into DESIGN.md's `{ code, message, requestId }`. */
export function errorHandler(log: Logger): ErrorHandler<AppEnv> {
  return (err, c) => {
    const requestId = c.get('requestId') ?? 'unknown'
    if (err instanceof ApiError) {
      if (err.status >= 500) log.error('request failed', { requestId, code: err.code, err })
      return c.json(
        { code: err.code, message: err.message, requestId, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}) },
        err.status as 400,
      )
    }
    // Malformed JSON bodies surface from Hono's validator as HTTPException(400).
    if (isHttpException(err) && err.status < 500) {
      return c.json({ code: 'PARAM_INVALID', message: err.message || 'Malformed request', requestId }, err.status as 400)
    }
    log.error('unhandled error', { requestId, err })
    return c.json({ code: 'INTERNAL_ERROR', message: 'Internal error; see the server log with this requestId.', requestId }, 500)
  }
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  c.json(
    { code: 'OPERATION_NOT_FOUND', message: `No API operation at ${c.req.method} ${c.req.path}`, requestId: c.get('requestId') ?? 'unknown' },
    404,
  )

function isHttpException(err: unknown): err is Error & { status: number } {
  return err instanceof Error && typeof (err as { status?: unknown }).status === 'number' && 'getResponse' in err
}
