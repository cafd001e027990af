import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * The API tokens the StackRox-compatible endpoint accepts, from `STACKROX_WIRE_TOKENS`
 * (comma-separated). Only their SHA-256 digests are kept, and a presented token is
 * compared with every one of them in constant time, so neither the comparison nor the
 * position of the match leaks through timing.
 */
export type ApiTokens = readonly Buffer[]

/** A token short enough to guess is refused at start. */
export const MIN_TOKEN_LENGTH = 16

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest()

export function parseApiTokens(raw: string): { value: ApiTokens } | { errors: string[] } {
  const tokens = raw
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')
  const errors = tokens.flatMap((t, i) => (t.length < MIN_TOKEN_LENGTH ? [`token ${i + 1} must be at least ${MIN_TOKEN_LENGTH} characters`] : []))
  if (errors.length) return { errors }
  return { value: tokens.map(digest) }
}

/** Whether `presented` is one of the configured tokens. */
export function tokenAccepted(tokens: ApiTokens, presented: string): boolean {
  const given = digest(presented)
  let found = false
  for (const t of tokens) found = timingSafeEqual(t, given) || found
  return found
}

/**
 * How the audit log names a caller: the configured tokens have no names, so the first
 * hex digits of the token's SHA-256, which identify it among a handful without revealing it.
 *
 * @example
 * tokenLabel('a-token-of-16-chars+') // 'stackrox:3f9c2a1b'
 */
export function tokenLabel(presented: string): string {
  return `stackrox:${digest(presented).toString('hex').slice(0, 8)}`
}
