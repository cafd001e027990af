/** What went wrong while talking to an image source; the server maps these onto API codes. */
export type AcquireErrorCode =
  | 'UNREACHABLE'
  | 'TLS'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'DIGEST_MISMATCH'
  | 'SIZE_MISMATCH'
  | 'INVALID_MANIFEST'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_LARGE'
  | 'INVALID_REFERENCE'
  | 'BAD_RESPONSE'

/** Codes worth trying again later without changing anything. */
const RETRYABLE_BY_DEFAULT: ReadonlySet<AcquireErrorCode> = new Set(['UNREACHABLE', 'RATE_LIMITED'])

/**
 * An error from image acquisition. The message names what failed (host, repository,
 * digest) so it can be shown as is; it is built only from those, never from
 * credentials, tokens or URLs with user info.
 *
 * @example
 * throw new AcquireError('NOT_FOUND', 'registry.example.com: repository demo/app has no tag 1.0')
 */
export class AcquireError extends Error {
  readonly retryable: boolean

  constructor(
    readonly code: AcquireErrorCode,
    message: string,
    opts: { retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'AcquireError'
    this.retryable = opts.retryable ?? RETRYABLE_BY_DEFAULT.has(code)
  }
}

/**
 * True when `err` is an AcquireError, optionally with one of the given codes.
 *
 * @example
 * if (isAcquireError(err, 'UNAUTHORIZED', 'FORBIDDEN')) askForCredentials()
 */
export function isAcquireError(err: unknown, ...codes: AcquireErrorCode[]): err is AcquireError {
  return err instanceof AcquireError && (codes.length === 0 || codes.includes(err.code))
}

/**
 * An abort is passed through untouched, so callers can tell cancellation from failure.
 *
 * @example
 * if (isAbortError(err)) return // cancelled, not failed
 */
export function isAbortError(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')
}
