import { ApiError } from '../../errors'
import type { AcrHandler, AcrServices, WireParams } from './actions/acr-action'
import { AcrWireError, fromApiError, type AcrBusinessErrorBody, type AcrGatewayErrorBody } from './acr-errors'

/** The API version every Action belongs to. */
export const ACR_API_VERSION = '2018-12-01'

export interface AcrReply {
  status: number
  body: Record<string, unknown>
}

const pascal = (camel: string) => camel.charAt(0).toUpperCase() + camel.slice(1)
/** Our messages name fields in camelCase; the wire names them in PascalCase. */
const pascalWords = (text: string) => text.replace(/\b([a-z]+[A-Z][A-Za-z]*)\b/g, (w) => pascal(w))

/**
 * PARAM_INVALID (from the contract's schema or from a service) as the gateway's
 * MissingParameter or InvalidParameter, naming the first offending wire parameter.
 *
 * @example
 * fromParamInvalid(new ApiError('PARAM_INVALID', '…', { pageSize: ['must be at most 100'] })).message
 * // 'The specified parameter "PageSize" is not valid: must be at most 100.'
 */
export function fromParamInvalid(err: ApiError): AcrWireError {
  const [field, messages] = Object.entries(err.fieldErrors ?? {})[0] ?? ['_', [err.message]]
  const name = field === '_' ? 'Parameters' : pascal(field.split('.')[0] ?? field)
  const why = pascalWords(messages.join('; '))
  if (messages.every((m) => m === 'is required')) {
    return new AcrWireError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`)
  }
  return new AcrWireError(400, 'InvalidParameter', `The specified parameter "${name}" is not valid: ${why}.`)
}

/** Any failure as ACR's error; undefined for one that is not ours to describe (a bug: log it, answer SystemError). */
export function toWireError(err: unknown): AcrWireError | undefined {
  if (err instanceof AcrWireError) return err
  if (err instanceof ApiError) return err.code === 'PARAM_INVALID' ? fromParamInvalid(err) : fromApiError(err)
  return undefined
}

export function errorReply(err: AcrWireError, requestId: string, hostId: string): AcrReply {
  if (err.inBand) {
    const body: AcrBusinessErrorBody = { RequestId: requestId, Code: err.code, Message: err.message, IsSuccess: false }
    return { status: 200, body }
  }
  const body: AcrGatewayErrorBody = {
    RequestId: requestId,
    HostId: hostId,
    Code: err.code,
    Message: err.message,
    Recommend: 'See the Layerscope README, "ACR-compatible endpoint".',
  }
  return { status: err.status, body }
}

/**
 * Runs one Action and wraps its fields in ACR's envelope: RequestId first, then Code
 * (`"success"`, or `200` where the SDKs type Code as a number; pop-core accepts both),
 * IsSuccess where ACR has it, then the Action's own fields.
 */
export async function runAction(handler: AcrHandler, services: AcrServices, wire: WireParams, requestId: string): Promise<AcrReply> {
  const fields = await handler.execute(services, wire)
  return {
    status: 200,
    body: { RequestId: requestId, Code: handler.code === 'number' ? 200 : 'success', ...(handler.isSuccess ? { IsSuccess: true } : {}), ...fields },
  }
}

/** Which handler a request names: the Action must be known and the Version ACR's. */
export function pickAction(actions: ReadonlyMap<string, AcrHandler>, params: WireParams): AcrHandler {
  const action = params.get('Action')
  if (!action) throw new AcrWireError(400, 'MissingParameter', 'The input parameter "Action" that is mandatory for processing this request is not supplied.')
  const version = params.get('Version')
  if (!version) throw new AcrWireError(400, 'MissingParameter', 'The input parameter "Version" that is mandatory for processing this request is not supplied.')
  if (version !== ACR_API_VERSION) throw new AcrWireError(400, 'InvalidVersion', `Specified parameter Version is not valid: this endpoint serves ${ACR_API_VERSION}.`)
  const format = params.get('Format')
  if (format && format.toUpperCase() !== 'JSON') throw new AcrWireError(400, 'InvalidParameter', 'The specified parameter "Format" is not valid: this endpoint answers JSON only.')
  const handler = actions.get(action)
  if (!handler) throw new AcrWireError(404, 'InvalidAction.NotFound', `Specified api is not found, please check your url and method: no Action ${action.slice(0, 64)} in version ${ACR_API_VERSION}.`)
  return handler
}
