import { UpstreamError } from '../upstream-error'

/**
 * How failures of Alibaba Cloud's OpenAPI become our errors. Every message names the
 * upstream code (or the network failure) so an operator can look it up, and says what to
 * do; none carries the request URL, which pop-core puts in its own messages and which
 * holds the AccessKey ID and the signature.
 */

/** An upstream answer or failure, reduced to what classification needs. */
export interface AcrFailure {
  /** The OpenAPI `Code` (`Throttling.User`, `REPO_NOT_EXIST`, …) or a Node error code (`ECONNREFUSED`). */
  code: string
  /** The OpenAPI `Message`, when there was one. */
  message: string
  /** HTTP status, when a response arrived. */
  status: number | null
  requestId: string | null
  /** The answer's Retry-After, in ms, when it had one. */
  retryAfterMs?: number | null
}

const AUTH_CODES: Record<string, string> = {
  'InvalidAccessKeyId.NotFound': 'the AccessKey ID does not exist (deleted, mistyped, or of another cloud account)',
  'InvalidAccessKeyId.Inactive': 'the AccessKey is disabled',
  InvalidAccessKeyId: 'the AccessKey ID is not valid',
  SignatureDoesNotMatch: 'the AccessKey secret does not match the AccessKey ID',
  IncompleteSignature: 'the request signature was rejected',
  'InvalidSecurityToken.Expired': 'the STS security token has expired',
  'InvalidSecurityToken.Malformed': 'the STS security token is malformed',
  'InvalidSecurityToken.MismatchWithAccessKey': 'the STS security token does not belong to this AccessKey',
  'InvalidTimeStamp.Expired': "the request's timestamp is outside Alibaba Cloud's 15-minute window: check this server's clock",
}

const PERMISSION_CODES = new Set(['NoPermission', 'NoPrivilege', 'Forbidden', 'Forbidden.RAM', 'Forbidden.AccessDenied', 'Forbidden.Unauthorized'])

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN'])
const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
])
const TIMEOUT_CODES = new Set(['TIMEOUT', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'RequestTimeout', 'ReadTimeout'])

/** Worth another try after a pause: throttling, 5xx, timeouts, dropped connections, non-JSON gateway pages. */
export function isRetryable(f: AcrFailure): boolean {
  if (f.code.startsWith('Throttling') || f.status === 429) return true
  if (f.status !== null && f.status >= 500) return true
  if (f.code === 'InternalError' || f.code === 'ServiceUnavailable' || f.code === 'SystemError') return true
  return TIMEOUT_CODES.has(f.code) || f.code === 'ECONNRESET' || f.code === 'EPIPE' || f.code === 'NOT_JSON'
}

const ref = (f: AcrFailure) => `(upstream code ${f.code}${f.status !== null ? `, HTTP ${f.status}` : ''}${f.requestId ? `, RequestId ${f.requestId}` : ''})`

/**
 * Our error for an upstream failure. `attempts` > 1 says the retry budget was spent;
 * `what` names the call in words ("listing repositories").
 */
export function toAcrApiError(f: AcrFailure, ctx: { what: string; endpoint: string; attempts: number }): UpstreamError {
  const host = hostOf(ctx.endpoint)
  const tried = ctx.attempts > 1 ? ` after ${ctx.attempts} attempts` : ''
  const auth = AUTH_CODES[f.code] ?? (f.code.startsWith('InvalidAccessKeyId') || f.code.startsWith('InvalidSecurityToken') ? 'the AccessKey was refused' : undefined)
  if (auth) {
    return new UpstreamError(
      'REGISTRY_AUTH_FAILED',
      'auth',
      `Authentication failed while ${ctx.what}: ${auth} ${ref(f)}.`,
      'Check the AccessKey of this instance (or the server\'s ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET).',
      f.code === 'InvalidTimeStamp.Expired' ? null : f.code.startsWith('SignatureDoesNotMatch') ? 'accessKeySecret' : 'accessKeyId',
    )
  }
  if (PERMISSION_CODES.has(f.code) || f.code.startsWith('Forbidden') || f.status === 403) {
    const said = f.message ? ` ACR said: ${f.message}` : ''
    return new UpstreamError('UPSTREAM_PERMISSION_DENIED', 'permission', `Permission denied while ${ctx.what} ${ref(f)}.${said}`, "Grant the AccessKey's RAM user the cr: actions Layerscope calls (cr:ListRepository, cr:ListRepositoryTag, cr:PutScan, cr:GetScan, …).", null)
  }
  if (f.code.startsWith('Throttling') || f.status === 429) {
    return new UpstreamError('UPSTREAM_THROTTLED', 'throttled', `Alibaba Cloud throttled the requests while ${ctx.what}${tried} ${ref(f)}.`, 'Try again in a minute.', null, f.retryAfterMs ?? null)
  }
  if (f.code === 'INSTANCE_NOT_EXIST') {
    return new UpstreamError('PARAM_INVALID', 'registry', `The ACR instance does not exist in this region ${ref(f)}.`, 'Check the instance id and the region.', 'acrInstanceId')
  }
  if (f.code === 'NAMESPACE_NOT_EXIST' || f.code === 'REPO_NOT_EXIST') {
    const what = f.code === 'REPO_NOT_EXIST' ? 'repository' : 'namespace'
    return new UpstreamError(f.code, 'registry', `ACR answered ${f.code} while ${ctx.what}: the ${what} is gone upstream ${ref(f)}.`, 'Sync the instance.', null)
  }
  // Scan-rule answers: what ACR says about the rule itself is the user's to fix, not an outage.
  if (f.code === 'SCAN_RULE_NOT_EXIST' || f.code === 'SCAN_RULE_NAME_CONFLICT') {
    return new UpstreamError(f.code, 'registry', `ACR answered ${f.code} while ${ctx.what}${f.message ? `: ${f.message}` : ''} ${ref(f)}.`, null, null)
  }
  if (f.code === 'InvalidParameter' || f.code === 'MissingParameter' || f.code.startsWith('InvalidParameter.')) {
    return new UpstreamError('PARAM_INVALID', 'registry', `ACR refused the parameters while ${ctx.what}${f.message ? `: ${f.message}` : ''} ${ref(f)}.`, null, null)
  }
  if (DNS_CODES.has(f.code)) return new UpstreamError('REGISTRY_UNREACHABLE', 'dns', `DNS: ${host} cannot be resolved ${ref(f)}.`, 'Check the region id or the endpoint.', 'endpoint')
  if (TLS_CODES.has(f.code)) return new UpstreamError('REGISTRY_UNREACHABLE', 'tls', `TLS: the certificate of ${host} was not accepted ${ref(f)}.`, null, 'endpoint')
  if (TIMEOUT_CODES.has(f.code)) return new UpstreamError('REGISTRY_UNREACHABLE', 'connect', `${host} did not answer in time while ${ctx.what}${tried} ${ref(f)}.`, null, 'endpoint')
  if (f.code === 'ECONNREFUSED' || f.code === 'ECONNRESET' || f.code === 'EHOSTUNREACH' || f.code === 'ENETUNREACH') {
    return new UpstreamError('REGISTRY_UNREACHABLE', 'connect', `${host} cannot be reached while ${ctx.what}${tried} ${ref(f)}.`, null, 'endpoint')
  }
  const detail = f.message ? `: ${f.message}` : ''
  return new UpstreamError('REGISTRY_ERROR', 'registry', `ACR failed while ${ctx.what}${tried} ${ref(f)}${detail}`, null, null)
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host
  } catch {
    return endpoint
  }
}
