/**
 * What an audit event keeps of a request: the ids it was about (its target) and its input
 * with every secret left out. Pure, so the redaction rules are tested on their own.
 */

// Keys whose values are secrets: passwords, tokens, keys, cookies. `…Id` keys (tokenId) are ids, not secrets.
const SECRET_KEY = /pass(word|phrase)?|secret|token|credential|authori[sz]ation|cookie|api[-_]?key|private[-_]?key|^key$/i
const ID_KEY = /Id$/
// Values that look like our own API tokens are dropped wherever they appear.
const TOKEN_VALUE = /lsk_[A-Za-z0-9_-]{16,}/g
const REDACTED = '[redacted]'
const MAX_STRING = 500
const MAX_ITEMS = 50
const MAX_DEPTH = 4

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !ID_KEY.test(key)
}

/** The input without secrets; long strings and lists are cut so one event stays small. */
export function redactDetails(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    const clean = value.replace(TOKEN_VALUE, REDACTED)
    return clean.length > MAX_STRING ? `${clean.slice(0, MAX_STRING)}…` : clean
  }
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH) return '…'
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => redactDetails(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue
    out[k] = isSecretKey(k) ? REDACTED : redactDetails(v, depth + 1)
  }
  return out
}

/** Input fields that name what a write touched, beside the ids. */
const NAME_KEYS = new Set(['tag', 'namespace', 'repoName', 'instanceName', 'ruleName', 'name'])

/**
 * "key=value" pairs of the ids the write was about: id-like and name fields of the input,
 * and ids the answer created (createInstance's instanceId, createApiToken's token.tokenId).
 */
export function auditTarget(input: unknown, output: unknown): string {
  const pairs = new Map<string, string>()
  const take = (obj: unknown, keys: (k: string) => boolean) => {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return
    for (const [k, v] of Object.entries(obj)) {
      if (typeof v === 'string' && v !== '' && keys(k) && !isSecretKey(k) && !pairs.has(k)) pairs.set(k, v.replace(TOKEN_VALUE, REDACTED).slice(0, 200))
    }
  }
  take(input, (k) => ID_KEY.test(k) || NAME_KEYS.has(k))
  take(output, (k) => ID_KEY.test(k))
  if (output && typeof output === 'object' && !Array.isArray(output)) {
    for (const nested of Object.values(output)) take(nested, (k) => ID_KEY.test(k))
  }
  return [...pairs].map(([k, v]) => `${k}=${v}`).join(' ')
}
