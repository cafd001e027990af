import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Alibaba Cloud's RPC signature, version 1.0 (HMAC-SHA1): what `@alicloud/pop-core`'s
 * RPCClient, Terraform and the older SDKs send. The canonical query is every parameter
 * but `Signature`, sorted by name, each name and value percent-encoded as RFC 3986 with
 * `!'()*` escaped too; the string to sign is `METHOD&%2F&` + that query encoded again.
 * The path is always `/` in the string to sign, whatever path the endpoint is mounted on.
 */

/**
 * RFC 3986 percent-encoding as the signers write it (encodeURIComponent leaves `!'()*`).
 *
 * @example percentEncode('2016-02-23T12:46:24Z') // '2016-02-23T12%3A46%3A24Z'
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** The sorted `name=value&…` query that is signed; `Signature` itself is left out. */
export function canonicalQuery(params: ReadonlyMap<string, string>): string {
  // Names are compared by UTF-16 code unit, as the signers' Array.prototype.sort does;
  // for the ASCII names of this protocol that is byte order.
  return [...params.keys()]
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params.get(k) ?? '')}`)
    .join('&')
}

export function stringToSign(method: string, params: ReadonlyMap<string, string>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`
}

/**
 * base64(HMAC-SHA1(secret + '&', stringToSign)).
 *
 * @example
 * sign('GET', new Map([['Action', 'DescribeRegions'], …]), 'testsecret') // 'OLeaidS1JvxuMvnyHOwuJ+uX5qY='
 */
export function sign(method: string, params: ReadonlyMap<string, string>, secret: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign(method, params)).digest('base64')
}

/** Whether `given` is the request's signature under `secret`, compared in constant time. */
export function signatureMatches(method: string, params: ReadonlyMap<string, string>, secret: string, given: string): boolean {
  const expected = Buffer.from(sign(method, params, secret), 'utf8')
  const actual = Buffer.from(given, 'utf8')
  // The length of a base64 SHA-1 MAC is public (28 characters); only the bytes must not leak.
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
