import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Token and session secrets: 32 random bytes, base64url. They carry 256 bits of entropy,
 * so a plain SHA-256 is enough to store them (no password-hashing work factor needed).
 */

/** API tokens start with this, so a leaked one is recognisable (and redactable) anywhere. */
export const TOKEN_PREFIX = 'lsk_'

export const newTokenSecret = () => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
export const newSessionSecret = () => randomBytes(32).toString('base64url')

export const sha256Hex = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex')

/** Compares secrets in constant time, so a timing side channel reveals nothing. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}

/** A stable CSRF token for a proxy user: every server that knows the proxy secret derives the same one. */
export const proxyCsrfToken = (proxySecret: string, user: string) => createHmac('sha256', proxySecret).update(`csrf\0${user}`).digest('base64url')

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** `tok-` and 16 lowercase letters or digits, the shape of the other ids. */
export function newTokenId(): string {
  const bytes = randomBytes(16)
  let out = 'tok-'
  for (const b of bytes) out += alphabet[b % alphabet.length]
  return out
}
