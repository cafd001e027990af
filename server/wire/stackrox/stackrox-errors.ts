import type { ErrorCode } from '@contract/common'
import { ApiError } from '../../errors'
import type { RuntimeError } from '../../providers/stackrox/storage-image-model'

/**
 * gRPC status codes and the HTTP status grpc-gateway gives each, which is what StackRox
 * Central answers on its REST API.
 */
export const grpcCodes = {
  INVALID_ARGUMENT: { code: 3, http: 400 },
  DEADLINE_EXCEEDED: { code: 4, http: 504 },
  NOT_FOUND: { code: 5, http: 404 },
  PERMISSION_DENIED: { code: 7, http: 403 },
  FAILED_PRECONDITION: { code: 9, http: 400 },
  INTERNAL: { code: 13, http: 500 },
  UNAVAILABLE: { code: 14, http: 503 },
  UNAUTHENTICATED: { code: 16, http: 401 },
} as const
export type GrpcCode = keyof typeof grpcCodes

export class StackRoxError extends Error {
  constructor(
    readonly grpc: GrpcCode,
    message: string,
  ) {
    super(message)
    this.name = 'StackRoxError'
  }

  get httpStatus(): number {
    return grpcCodes[this.grpc].http
  }

  /** `error` and `message` carry the same text, as Central sends them. */
  toBody(): RuntimeError {
    return { error: this.message, code: grpcCodes[this.grpc].code, message: this.message, details: [] }
  }
}

const byApiCode: Partial<Record<ErrorCode, GrpcCode>> = {
  PARAM_INVALID: 'INVALID_ARGUMENT',
  INSTANCE_NOT_EXIST: 'NOT_FOUND',
  NAMESPACE_NOT_EXIST: 'NOT_FOUND',
  REPO_NOT_EXIST: 'NOT_FOUND',
  TAG_NOT_EXIST: 'NOT_FOUND',
  SCAN_TASK_NOT_EXIST: 'NOT_FOUND',
  SCAN_NOT_FOUND: 'NOT_FOUND',
  SCAN_NOT_COMPLETE: 'UNAVAILABLE',
  SCAN_FAILED: 'INTERNAL',
  REGISTRY_UNREACHABLE: 'UNAVAILABLE',
  REGISTRY_ERROR: 'UNAVAILABLE',
  SERVICE_UNAVAILABLE: 'UNAVAILABLE',
}

/** A service failure in StackRox's terms; undefined for one that is not ours to describe (a bug). */
export function toStackRoxError(err: unknown): StackRoxError | undefined {
  if (err instanceof StackRoxError) return err
  if (err instanceof ApiError) {
    const grpc = byApiCode[err.code]
    return grpc ? new StackRoxError(grpc, err.message) : undefined
  }
  return undefined
}
