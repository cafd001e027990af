import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * An instance's webhook secret: 32 random bytes, base64url, shown once. Only its SHA-256
 * is stored: the secret is random and long, so a plain hash cannot be reversed, and no
 * slow password hash is needed on every delivery.
 */
export function newWebhookSecret(): string {
  return `lswh_${randomBytes(32).toString('base64url')}`
}

export function hashWebhookSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/**
 * Whether `given` is the secret whose hash is stored. Both sides are hashed to the same
 * length first, so the comparison takes the same time whatever was sent.
 *
 * @example
 * webhookSecretMatches(hashWebhookSecret(s), s) // true
 */
export function webhookSecretMatches(storedHash: string | null, given: string | undefined): boolean {
  if (!storedHash || !given) return false
  const expected = Buffer.from(storedHash, 'hex')
  const actual = createHash('sha256').update(given, 'utf8').digest()
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
