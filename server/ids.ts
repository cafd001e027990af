import { createHash, randomBytes } from 'node:crypto'

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'

function encode(bytes: Uint8Array, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[(bytes[i] ?? 0) % alphabet.length]
  return out
}

/** ACR-shaped ids: a prefix and 16 lowercase letters or digits (`cri-…`, `crr-…`). */
export function newId(prefix: 'cri' | 'crr' | 'crscnr'): string {
  return `${prefix}-${encode(randomBytes(16), 16)}`
}

/**
 * A repository's id is derived from its instance and path, so it stays the same across
 * re-syncs and a shared link to a repository keeps working.
 */
export function stableId(prefix: 'cri' | 'crr', ...parts: string[]): string {
  return `${prefix}-${encode(createHash('sha256').update(parts.join('\0')).digest(), 16)}`
}
