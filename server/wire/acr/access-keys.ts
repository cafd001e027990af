/**
 * The access keys the ACR-compatible endpoint accepts, from `ACR_WIRE_ACCESS_KEYS`:
 * `id:secret` pairs separated by commas (a secret may contain `:`, not `,`). Errors name
 * the entry by position and id, never by its secret.
 *
 * @example
 * parseAccessKeys('LTAIexample1:0123456789abcdef0123') // { value: Map { 'LTAIexample1' => '0123456789abcdef0123' } }
 */
export type AccessKeys = ReadonlyMap<string, string>

/** Short secrets can be guessed offline from one signed request; Alibaba's own are 30 characters. */
export const MIN_SECRET_LENGTH = 16
const ID_RE = /^[A-Za-z0-9._-]{1,128}$/

export function parseAccessKeys(raw: string): { value: AccessKeys } | { errors: string[] } {
  const keys = new Map<string, string>()
  const errors: string[] = []
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':')
    const id = colon < 0 ? entry : entry.slice(0, colon)
    const secret = colon < 0 ? '' : entry.slice(colon + 1)
    const where = `entry ${i + 1}`
    if (colon < 0) errors.push(`${where} must be id:secret`)
    else if (!ID_RE.test(id)) errors.push(`${where}: the access key id may use letters, digits, dots, dashes and underscores (1–128)`)
    else if (secret.length < MIN_SECRET_LENGTH) errors.push(`${where} (${id}): the secret must be at least ${MIN_SECRET_LENGTH} characters`)
    else if (keys.has(id)) errors.push(`${where}: access key id ${id} is given twice`)
    else keys.set(id, secret)
  })
  if (errors.length) return { errors }
  return { value: keys }
}
