import { z } from 'zod'
import type { ErrorCode } from '@contract/common'
import type { ApiError } from '../../errors'

/**
 * Errors as ACR answers them. Protocol failures (signature, timestamp, parameters, an
 * unknown Action) are the OpenAPI gateway's `{RequestId, HostId, Code, Message,
 * Recommend}` with a 4xx/5xx status. Business failures (an unknown instance, repository,
 * scan task or rule) come back in-band as HTTP 200 with `IsSuccess: false` and ACR's
 * upper-case code, which is how Terraform and the SDKs see them (acr-api.md §1.4);
 * `@alicloud/pop-core` throws either kind as an error whose `code` is `Code`.
 */

export const acrGatewayErrorBody = z.object({
  RequestId: z.string(),
  HostId: z.string(),
  Code: z.string(),
  Message: z.string(),
  Recommend: z.string(),
})
export type AcrGatewayErrorBody = z.infer<typeof acrGatewayErrorBody>

export const acrBusinessErrorBody = z.object({
  RequestId: z.string(),
  Code: z.string(),
  Message: z.string(),
  IsSuccess: z.literal(false),
})
export type AcrBusinessErrorBody = z.infer<typeof acrBusinessErrorBody>

export class AcrWireError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** In-band: HTTP 200 with IsSuccess false, as ACR reports business errors. */
    readonly inBand = false,
  ) {
    super(message)
    this.name = 'AcrWireError'
  }
}

export const missingParameter = (name: string) =>
  new AcrWireError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`)

export const invalidParameter = (name: string, why: string) => new AcrWireError(400, 'InvalidParameter', `The specified parameter "${name}" is not valid: ${why}.`)

/**
 * Our service errors in ACR's terms. The not-found and state codes are already ACR's
 * style (INSTANCE_NOT_EXIST, REPO_NOT_EXIST, SCAN_RULE_NOT_EXIST, …) and travel in-band;
 * failures of the server itself are ACR's documented `500 SystemError`.
 */
const serviceErrors: Partial<Record<ErrorCode, { status: number; code: string; inBand: boolean }>> = {
  INTERNAL_ERROR: { status: 500, code: 'SystemError', inBand: false },
  SERVICE_UNAVAILABLE: { status: 503, code: 'ServiceUnavailable', inBand: false },
  REGISTRY_UNREACHABLE: { status: 502, code: 'REGISTRY_UNREACHABLE', inBand: false },
  REGISTRY_ERROR: { status: 502, code: 'REGISTRY_ERROR', inBand: false },
}

/** Maps an ApiError of the local services; PARAM_INVALID is mapped by the caller, which knows the wire names. */
export function fromApiError(err: ApiError): AcrWireError {
  const known = serviceErrors[err.code]
  if (known) return new AcrWireError(known.status, known.code, known.code === 'SystemError' ? 'Unknown error.' : err.message, known.inBand)
  return new AcrWireError(200, err.code, err.message, true)
}
