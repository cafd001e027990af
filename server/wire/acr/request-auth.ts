import type { AccessKeys } from './access-keys'
import { AcrWireError, missingParameter } from './acr-errors'
import type { NonceStore } from './nonce-store'
import { signatureMatches } from './signature'

/** How far a request's Timestamp may be from the server's clock, either way. */
export const TIMESTAMP_WINDOW_MS = 15 * 60 * 1000

// `yyyy-MM-ddTHH:mm:ssZ` as every signer writes it; a fraction is tolerated.
const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/

/** Epoch ms of an RPC Timestamp, or undefined when it is not one. */
export function parseTimestamp(value: string): number | undefined {
  const m = TIMESTAMP_RE.exec(value)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number]
  const at = Date.UTC(y, mo - 1, d, h, mi, s)
  // Date.UTC rolls 2024-02-31 over into March; a real timestamp round-trips.
  const back = new Date(at)
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined
  return at
}

export interface SignedRequest {
  method: string
  params: ReadonlyMap<string, string>
}

/**
 * Checks an RPC v1 signed request: the signature fields are present, the timestamp is
 * inside the window, the access key is configured, the HMAC-SHA1 signature matches (in
 * constant time), and the nonce was not used before. The nonce is recorded only after
 * the signature verified, so nobody without a key can fill the store. Answers the
 * access key id; throws AcrWireError with the gateway's code otherwise.
 */
export async function verifySignedRequest(req: SignedRequest, deps: { keys: AccessKeys; nonces: NonceStore; now: number }): Promise<string> {
  const get = (name: string) => {
    const v = req.params.get(name)
    if (v === undefined || v === '') throw missingParameter(name)
    return v
  }
  const accessKeyId = get('AccessKeyId')
  const signature = get('Signature')
  const nonce = get('SignatureNonce')
  const timestamp = get('Timestamp')
  const method = req.params.get('SignatureMethod') ?? ''
  if (method !== 'HMAC-SHA1') {
    throw new AcrWireError(400, 'InvalidParameter', `The specified parameter "SignatureMethod" is not valid: this endpoint verifies HMAC-SHA1 (RPC signature 1.0).`)
  }
  const version = req.params.get('SignatureVersion')
  if (version !== undefined && version !== '1.0') {
    throw new AcrWireError(400, 'InvalidParameter', 'The specified parameter "SignatureVersion" is not valid: only 1.0 is supported.')
  }
  if (req.params.has('SecurityToken')) {
    throw new AcrWireError(400, 'InvalidSecurityToken.Malformed', 'STS security tokens are not accepted here; sign with an access key of ACR_WIRE_ACCESS_KEYS.')
  }
  if (nonce.length > 128) throw new AcrWireError(400, 'InvalidParameter', 'The specified parameter "SignatureNonce" is not valid: at most 128 characters.')
  const at = parseTimestamp(timestamp)
  if (at === undefined) {
    throw new AcrWireError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted: use yyyy-MM-ddTHH:mm:ssZ (UTC).')
  }
  if (Math.abs(deps.now - at) > TIMESTAMP_WINDOW_MS) {
    throw new AcrWireError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired: it must be within 15 minutes of the server time (UTC).')
  }
  const secret = deps.keys.get(accessKeyId)
  if (secret === undefined) throw new AcrWireError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.')
  if (!signatureMatches(req.method, req.params, secret, signature)) {
    // Never echo the expected signature or the string to sign's secret-derived parts.
    throw new AcrWireError(403, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.')
  }
  const verdict = await deps.nonces.remember(accessKeyId, nonce, at + TIMESTAMP_WINDOW_MS, deps.now)
  if (verdict === 'replayed') throw new AcrWireError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.')
  if (verdict === 'full') throw new AcrWireError(429, 'Throttling.User', 'Request was denied due to user flow control: too many requests in the last 30 minutes.')
  return accessKeyId
}
