/**
 * Secret detection shared by the config checks (ENV, labels, history) and the file
 * content analyzer. Everything here is hand-written linear scanning: `indexOf` for a
 * literal anchor, then a bounded character-class run. No regular expression ever runs
 * over image content, so a hostile file (one 10 MB line, binary junk, a million
 * anchors) costs time proportional to its size, and the number of matches is capped.
 *
 * Nothing returned here carries a secret in clear: callers put `maskSecret(value)` or
 * `maskLine(...)` into findings, never `value` itself.
 */

export type SecretKind =
  | 'alibaba-access-key-id'
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'google-api-key'
  | 'stripe-key'
  | 'npm-token'
  | 'jwt'
  | 'private-key'
  | 'url-credentials'
  | 'named-secret'

/** What people call each kind, for evidence text. */
export const SECRET_KIND_LABEL: Record<SecretKind, string> = {
  'alibaba-access-key-id': 'Alibaba Cloud AccessKey ID',
  'aws-access-key-id': 'AWS access key ID',
  'aws-secret-access-key': 'AWS secret access key',
  'github-token': 'GitHub token',
  'gitlab-token': 'GitLab token',
  'slack-token': 'Slack token',
  'slack-webhook': 'Slack webhook URL',
  'google-api-key': 'Google API key',
  'stripe-key': 'Stripe live key',
  'npm-token': 'npm token',
  jwt: 'JSON Web Token',
  'private-key': 'private key',
  'url-credentials': 'password in a URL',
  'named-secret': 'secret-named value',
}

export interface SecretMatch {
  kind: SecretKind
  /** Offsets of the secret value itself in the scanned text (what gets masked). */
  start: number
  end: number
  /** The variable or key it was assigned to, when there is one (`JWT_SECRET`). */
  key?: string
}

/** Default cap on matches per scanned text: a file of a million tokens yields this many. */
export const MAX_SECRET_MATCHES = 50

// ---------------------------------------------------------------------------------------
// Masking

/**
 * Keeps at most 4 characters at each end (fewer for short values: one fifth of the
 * length each side) and never the whole value; the middle becomes `*`, at most 16 of them.
 *
 * @example maskSecret('AKIAIOSFODNN7EXAMPLE') // 'AKIA************MPLE'
 * @example maskSecret('admin123') // 'a******3'
 */
export function maskSecret(value: string): string {
  const chars = [...value]
  const n = chars.length
  if (n === 0) return ''
  const keep = Math.min(4, Math.floor(n / 5))
  const stars = Math.max(1, Math.min(16, n - 2 * keep))
  return chars.slice(0, keep).join('') + '*'.repeat(stars) + (keep ? chars.slice(n - keep).join('') : '')
}

/**
 * The text with every match's value masked (matches may be in any order; overlapping
 * ones are merged first).
 */
export function maskRanges(text: string, matches: readonly { start: number; end: number }[]): string {
  const ranges = mergeRanges(matches)
  let out = ''
  let pos = 0
  for (const r of ranges) {
    out += text.slice(pos, r.start) + maskSecret(text.slice(r.start, r.end))
    pos = r.end
  }
  return out + text.slice(pos)
}

function mergeRanges(matches: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end)
  const out: { start: number; end: number }[] = []
  for (const m of sorted) {
    const last = out[out.length - 1]
    if (last && m.start < last.end) last.end = Math.max(last.end, m.end)
    else out.push({ start: m.start, end: m.end })
  }
  return out
}

/**
 * Masks every secret this module recognises in a short text (a history line, a label):
 * what evidence copied from image metadata goes through before it is shown.
 *
 * @example maskSecretsIn('ENV TOKEN=ghp_…') // 'ENV TOKEN=ghp_************…'
 */
export function maskSecretsIn(text: string): string {
  const matches = [...findTokenSecrets(text), ...findAssignedSecrets(text), ...findPemPrivateKeys(text)]
  return matches.length ? maskRanges(text, matches) : text
}

// ---------------------------------------------------------------------------------------
// Character classes

const isUpperDigit = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)
const isAlnum = (c: number) => isUpperDigit(c) || (c >= 0x61 && c <= 0x7a)
const isB64Url = (c: number) => isAlnum(c) || c === 0x2d || c === 0x5f
const isB64 = (c: number) => isAlnum(c) || c === 0x2b || c === 0x2f || c === 0x3d
const isDashAlnum = (c: number) => isAlnum(c) || c === 0x2d
const isWordUnderscore = (c: number) => isAlnum(c) || c === 0x5f
const isUrlPathChar = (c: number) => isB64Url(c) || c === 0x2f || c === 0x2b

/** Length of the run of `cls` characters starting at `pos`, counting at most `max + 1`. */
function runLength(text: string, pos: number, cls: (c: number) => boolean, max: number): number {
  let i = pos
  const stop = Math.min(text.length, pos + max + 1)
  while (i < stop && cls(text.charCodeAt(i))) i++
  return i - pos
}

// ---------------------------------------------------------------------------------------
// Token-shaped secrets: a literal prefix and a fixed alphabet

interface TokenRule {
  kind: SecretKind
  prefixes: readonly string[]
  /** Characters allowed after the prefix. */
  body: (c: number) => boolean
  min: number
  max: number
  /** The character before the prefix must not be one of these (a word boundary). */
  before?: (c: number) => boolean
  /** Nor the character after the body. */
  after?: (c: number) => boolean
}

const TOKEN_RULES: readonly TokenRule[] = [
  // AWS access key IDs (AKIA long-term, ASIA temporary, ABIA/ACCA other services).
  { kind: 'aws-access-key-id', prefixes: ['AKIA', 'ASIA', 'ABIA', 'ACCA'], body: isUpperDigit, min: 16, max: 16, before: isAlnum, after: isAlnum },
  // Alibaba Cloud AccessKey IDs: LTAI followed by 12 to 30 letters and digits (ACR's `ak_leak`).
  { kind: 'alibaba-access-key-id', prefixes: ['LTAI'], body: isAlnum, min: 12, max: 30, before: isAlnum, after: isAlnum },
  { kind: 'github-token', prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], body: isAlnum, min: 36, max: 255, before: isAlnum, after: isAlnum },
  { kind: 'github-token', prefixes: ['github_pat_'], body: isWordUnderscore, min: 60, max: 255, before: isAlnum, after: isWordUnderscore },
  { kind: 'gitlab-token', prefixes: ['glpat-'], body: isB64Url, min: 20, max: 64, before: isAlnum, after: isB64Url },
  { kind: 'slack-token', prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-'], body: isDashAlnum, min: 10, max: 255, before: isAlnum, after: isDashAlnum },
  { kind: 'slack-webhook', prefixes: ['https://hooks.slack.com/services/'], body: isUrlPathChar, min: 20, max: 255 },
  { kind: 'google-api-key', prefixes: ['AIza'], body: isB64Url, min: 35, max: 35, before: isAlnum, after: isB64Url },
  { kind: 'stripe-key', prefixes: ['sk_live_', 'rk_live_'], body: isAlnum, min: 20, max: 255, before: isAlnum, after: isAlnum },
  { kind: 'npm-token', prefixes: ['npm_'], body: isAlnum, min: 36, max: 36, before: isAlnum, after: isAlnum },
]

/**
 * Secrets recognisable by their shape alone (key IDs and tokens with a fixed prefix),
 * plus JSON Web Tokens. Linear: one `indexOf` pass per prefix, bounded work per hit.
 *
 * @example findTokenSecrets('id = AKIAIOSFODNN7EXAMPLE')[0] // { kind: 'aws-access-key-id', start: 5, end: 25 }
 */
export function findTokenSecrets(text: string, limit = MAX_SECRET_MATCHES): SecretMatch[] {
  const out: SecretMatch[] = []
  for (const rule of TOKEN_RULES) {
    for (const prefix of rule.prefixes) {
      for (let at = text.indexOf(prefix); at !== -1 && out.length < limit; at = text.indexOf(prefix, at + 1)) {
        if (at > 0 && rule.before?.(text.charCodeAt(at - 1))) continue
        const bodyStart = at + prefix.length
        const len = runLength(text, bodyStart, rule.body, rule.max)
        if (len < rule.min || len > rule.max) continue
        const end = bodyStart + len
        if (end < text.length && rule.after?.(text.charCodeAt(end))) continue
        out.push({ kind: rule.kind, start: at, end })
      }
    }
  }
  for (let at = text.indexOf('eyJ'); at !== -1 && out.length < limit; at = text.indexOf('eyJ', at + 1)) {
    const end = jwtEnd(text, at)
    if (end > 0) {
      out.push({ kind: 'jwt', start: at, end })
      at = end
    }
  }
  return out
}

/** A JWT is three base64url segments of at least 10 characters, the first two JSON (`eyJ`). */
function jwtEnd(text: string, at: number): number {
  if (at > 0 && isB64Url(text.charCodeAt(at - 1))) return -1
  let pos = at
  for (let seg = 0; seg < 3; seg++) {
    if (seg === 1 && !text.startsWith('eyJ', pos)) return -1
    const len = runLength(text, pos, isB64Url, 8192)
    if (len < 10 || len > 8192) return -1
    pos += len
    if (seg < 2) {
      if (text.charCodeAt(pos) !== 0x2e) return -1
      pos++
    }
  }
  return pos
}

// ---------------------------------------------------------------------------------------
// Secret-named keys

const SECRET_WORDS = ['PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET']
const SECRET_SUFFIXES = ['TOKEN', 'APIKEY', 'ACCESSKEY', 'PRIVATEKEY', 'SECRETKEY', 'CLIENTSECRET', 'CREDENTIALS', 'SIGNINGKEY', 'ENCRYPTIONKEY', 'MASTERKEY']
/** Short words that count only as a separate word of the name (`DB_PASS`, `dbPwd`), not inside one (`BYPASS`). */
const SECRET_WORD_SUFFIXES = ['pass', 'pwd', 'auth']
/** A name ending in one of these is about a secret, not one: `PASSWORD_FILE`, `SECRET_NAME`, `TOKEN_TTL`. */
const NOT_SECRET_SUFFIXES = ['FILE', 'PATH', 'DIR', 'NAME', 'NAMES', 'REF', 'LENGTH', 'LEN', 'POLICY', 'ENABLED', 'TTL', 'EXPIRY', 'EXPIRES', 'TIMEOUT', 'TYPE', 'URL', 'ENDPOINT', 'HEADER', 'FIELD', 'PARAM', 'COOKIE', 'PROMPT', 'REGEX', 'PATTERN', 'MODE', 'METHOD', 'PROVIDER', 'VERSION', 'LIFETIME', 'SALTROUNDS', 'ROUNDS', 'MINLENGTH', 'MAXLENGTH', 'ID']
const NOT_SECRET_NAMES = new Set(['PWD', 'OLDPWD'])

/** `AWS_SECRET_ACCESS_KEY` → `AWSSECRETACCESSKEY`: case and separators do not matter. */
export function normaliseKeyName(name: string): string {
  return name.slice(0, 256).replace(/[^A-Za-z0-9]+/g, '').toUpperCase()
}

/**
 * Whether a variable or key name says its value is a credential.
 *
 * @example isSecretName('AWS_SECRET_ACCESS_KEY') // true
 * @example isSecretName('POSTGRES_PASSWORD_FILE') // false: it names a file
 */
export function isSecretName(name: string): boolean {
  const n = normaliseKeyName(name)
  if (!n || NOT_SECRET_NAMES.has(n)) return false
  if (n.endsWith('ACCESSKEYID')) return true
  if (NOT_SECRET_SUFFIXES.some((s) => n.endsWith(s) && n.length > s.length)) return false
  if (SECRET_WORDS.some((w) => n.includes(w))) return true
  if (SECRET_SUFFIXES.some((s) => n.endsWith(s))) return true
  return SECRET_WORD_SUFFIXES.some((w) => endsWithWord(name, w))
}

/** `DB_PASS`, `db-pass`, `dbPass`, `_auth`: the word ends the name and starts a word of it. */
function endsWithWord(name: string, word: string): boolean {
  if (name.length <= word.length || !name.toLowerCase().endsWith(word)) return false
  const at = name.length - word.length
  const before = name.charCodeAt(at - 1)
  if (before === 0x5f || before === 0x2d || before === 0x2e) return true
  const first = name.charCodeAt(at)
  return first >= 0x41 && first <= 0x5a && before >= 0x61 && before <= 0x7a
}

const PLACEHOLDERS = new Set(['null', 'none', 'nil', 'true', 'false', 'yes', 'no', 'on', 'off', 'undefined', 'empty', 'redacted', 'password', 'passwd', 'secret', 'token', 'your_password', 'yourpassword', 'your-password', 'todo', 'tbd', 'n/a', 'required', 'optional', 'string', 'str', 'env'])

/**
 * Whether a value assigned to a secret-named key looks like a real secret rather than a
 * placeholder, a reference to another variable, a path or a flag.
 *
 * @example isPlausibleSecretValue('Winter2019!') // true
 * @example isPlausibleSecretValue('${DB_PASSWORD}') // false
 */
export function isPlausibleSecretValue(value: string, opts: { allowSpaces?: boolean } = {}): boolean {
  const v = value.trim()
  if (v.length < 3 || v.length > 4096) return false
  if (PLACEHOLDERS.has(v.toLowerCase())) return false
  const first = v.charCodeAt(0)
  // Structure, not a scalar: `auth: {` or `tokens: [`.
  if (first === 0x7b || first === 0x5b) return false
  // References: ${VAR}, $VAR, %VAR%, {{ tmpl }}, <placeholder>, #{expr}, @@token@@, ENC(…)
  if (first === 0x24 || first === 0x25 || first === 0x3c || v.startsWith('{{') || v.startsWith('#{') || v.startsWith('@@') || v.startsWith('ENC(')) return false
  // Paths and files: the secret is elsewhere.
  if (first === 0x2f || v.startsWith('./') || v.startsWith('~/') || v.startsWith('file:')) return false
  // Masked already or filler: ***, xxxx, ....
  if (/^(.)\1*$/.test(v.length <= 64 ? v : '')) return false
  if (!opts.allowSpaces && (v.includes(' ') || v.includes('\t'))) return false
  // Short numbers are counts, ports and timeouts, not secrets; `8.5.1`, `^4.17.21` are versions.
  if (v.length <= 6 && /^\d+$/.test(v)) return false
  if (v.length <= 64 && /^[~^<>=v]{0,3}\d+(?:\.\d+)+(?:[-+.][0-9A-Za-z.-]+)?$/.test(v)) return false
  // Code, not a literal: os.environ['X'], process.env.X, getenv("X").
  if (v.includes('process.env') || v.includes('environ') || v.includes('getenv') || v.includes('os.Getenv')) return false
  return true
}

const KEYWORD_ANCHORS = ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'auth']
const isKeyChar = (c: number) => isWordUnderscore(c) || c === 0x2d || c === 0x2e
const MAX_KEY = 96
const MAX_VALUE = 512
/** Keyword occurrences examined per text: past it a pathological file is left partly unscanned. */
const MAX_KEYWORD_HITS = 200_000

/**
 * `key = value`, `key: value`, `"key": "value"` and `KEY=value` assignments whose key
 * names a secret (see `isSecretName`), in .env, properties, YAML, JSON, INI and TOML
 * alike, plus `scheme://user:password@host` URLs. Each keyword occurrence costs a
 * bounded amount of work, so the scan is linear in the text.
 *
 * @example findAssignedSecrets('database:\n  password: Winter2019!\n')[0]?.key // 'password'
 */
export function findAssignedSecrets(text: string, limit = MAX_SECRET_MATCHES): SecretMatch[] {
  const out: SecretMatch[] = []
  const lower = asciiLower(text)
  let budget = MAX_KEYWORD_HITS
  for (const anchor of KEYWORD_ANCHORS) {
    let at = lower.indexOf(anchor)
    while (at !== -1 && out.length < limit && budget-- > 0) {
      // Expand to the whole key around the keyword; a run of key characters longer than
      // any key is skipped whole, so each character is walked over a bounded number of times.
      let ke = at + anchor.length
      while (ke < text.length && ke - at <= MAX_KEY && isKeyChar(text.charCodeAt(ke))) ke++
      if (ke - at > MAX_KEY) {
        while (ke < text.length && isKeyChar(text.charCodeAt(ke))) ke++
        at = lower.indexOf(anchor, ke)
        continue
      }
      let ks = at
      while (ks > 0 && at - ks <= MAX_KEY && isKeyChar(text.charCodeAt(ks - 1))) ks--
      const next = lower.indexOf(anchor, ke)
      const value = ke - ks <= MAX_KEY ? assignedValue(text, ke) : undefined
      if (value && !out.some((m) => m.start === value.start)) {
        const key = text.slice(ks, ke)
        // A quoted value may be a passphrase with spaces; an unquoted one ends at the first space.
        if (isSecretName(key) && isPlausibleSecretValue(text.slice(value.start, value.end), { allowSpaces: value.quoted })) out.push({ kind: 'named-secret', start: value.start, end: value.end, key })
      }
      at = next
    }
  }
  findUrlCredentials(text, out, limit)
  return out
}

/** Lower case with offsets kept: `toLowerCase` lengthens a few non-ASCII letters (`İ`). */
function asciiLower(text: string): string {
  const lower = text.toLowerCase()
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (m) => m.toLowerCase())
}

/** The value after a key: optional closing quote, spaces, `=` or `:`, spaces, optional quote. */
function assignedValue(text: string, keyEnd: number): { start: number; end: number; quoted: boolean } | undefined {
  let p = keyEnd
  const c0 = text.charCodeAt(p)
  if (c0 === 0x22 || c0 === 0x27) p++
  while (p < text.length && p - keyEnd < 8 && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09)) p++
  const sep = text.charCodeAt(p)
  if (sep !== 0x3d && sep !== 0x3a) return undefined
  // `key == value` is a comparison, `key := value` Go, `key::` a C++ scope: only `=`, `:`, `:=`.
  p++
  if (sep === 0x3a && text.charCodeAt(p) === 0x3d) p++
  if (text.charCodeAt(p) === 0x3d || (sep === 0x3a && text.charCodeAt(p) === 0x3a)) return undefined
  // YAML needs a space after the colon (`password:` then a nested map on the next line).
  while (p < text.length && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09)) p++
  const q = text.charCodeAt(p)
  if (q === 0x22 || q === 0x27 || q === 0x60) {
    const start = p + 1
    let end = start
    while (end < text.length && end - start <= MAX_VALUE && text.charCodeAt(end) !== q && text.charCodeAt(end) !== 0x0a) {
      end += text.charCodeAt(end) === 0x5c ? 2 : 1
    }
    if (text.charCodeAt(end) !== q || end - start > MAX_VALUE) return undefined
    return { start, end, quoted: true }
  }
  const start = p
  let end = start
  // Unquoted: up to the end of the line, a comment, or a JSON/YAML separator.
  while (end < text.length && end - start <= MAX_VALUE) {
    const c = text.charCodeAt(end)
    if (c === 0x0a || c === 0x0d || c === 0x2c || c === 0x7d || c === 0x5d || c === 0x3b) break
    if (c === 0x23 && end > start && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) break
    if (c === 0x20 || c === 0x09) break
    end++
  }
  if (end - start > MAX_VALUE || end === start) return undefined
  return { start, end, quoted: false }
}

/** `scheme://user:password@host`: the password part. */
export function findUrlCredentials(text: string, out: SecretMatch[] = [], limit = MAX_SECRET_MATCHES): SecretMatch[] {
  for (let at = text.indexOf('://'); at !== -1 && out.length < limit; at = text.indexOf('://', at + 3)) {
    let p = at + 3
    const stop = Math.min(text.length, p + 256)
    let colon = -1
    for (; p < stop; p++) {
      const c = text.charCodeAt(p)
      if (c === 0x40) break
      if (c === 0x3a && colon === -1) colon = p
      if (c === 0x2f || c === 0x20 || c === 0x0a || c === 0x22 || c === 0x27 || c === 0x3f || c === 0x23 || c < 0x20) {
        p = -1
        break
      }
    }
    if (p <= 0 || p >= stop || colon === -1 || colon === at + 3) continue
    const value = text.slice(colon + 1, p)
    if (!isPlausibleSecretValue(value)) continue
    out.push({ kind: 'url-credentials', start: colon + 1, end: p })
  }
  return out
}

// ---------------------------------------------------------------------------------------
// PEM private keys

export interface PemPrivateKey {
  /** `RSA PRIVATE KEY`, `OPENSSH PRIVATE KEY`, `PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, `PGP PRIVATE KEY BLOCK`… */
  label: string
  start: number
  end: number
  /** Passphrase-protected: PKCS#8 `ENCRYPTED`, or a legacy `Proc-Type: 4,ENCRYPTED` header. */
  encrypted: boolean
}

const BEGIN = '-----BEGIN '
const MAX_PEM = 64 * 1024

/**
 * PEM blocks whose label ends in `PRIVATE KEY` (or `PRIVATE KEY BLOCK`), with a body
 * and the matching END line. Public keys and certificates are other labels, so they
 * never match. The body is checked for its alphabet, not decoded: a dummy key still is
 * a key-shaped secret left in the image.
 */
export function findPemPrivateKeys(text: string, limit = MAX_SECRET_MATCHES): PemPrivateKey[] {
  const out: PemPrivateKey[] = []
  for (let at = text.indexOf(BEGIN); at !== -1 && out.length < limit; at = text.indexOf(BEGIN, at + BEGIN.length)) {
    const labelStart = at + BEGIN.length
    const labelEnd = text.indexOf('-----', labelStart)
    if (labelEnd === -1 || labelEnd - labelStart > 64) continue
    const label = text.slice(labelStart, labelEnd)
    if (!label.endsWith('PRIVATE KEY') && !label.endsWith('PRIVATE KEY BLOCK')) continue
    if (![...label].every((ch) => (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === ' ')) continue
    const endMarker = `-----END ${label}-----`
    const bodyStart = labelEnd + 5
    const endAt = text.indexOf(endMarker, bodyStart)
    if (endAt === -1 || endAt - bodyStart > MAX_PEM) continue
    const body = text.slice(bodyStart, endAt)
    const encrypted = label.includes('ENCRYPTED') || body.includes('Proc-Type: 4,ENCRYPTED')
    if (base64Chars(body) < 32) continue
    out.push({ label, start: at, end: endAt + endMarker.length, encrypted })
    at = endAt
  }
  return out
}

/** Counts base64 characters in a PEM body, skipping `Header: value` lines; -1 on anything else. */
function base64Chars(body: string): number {
  let count = 0
  for (const line of body.split('\n')) {
    const l = line.trim()
    if (!l || l.includes(': ')) continue
    for (let i = 0; i < l.length; i++) {
      if (!isB64(l.charCodeAt(i))) return -1
      count++
    }
  }
  return count
}

// ---------------------------------------------------------------------------------------
// Combining

/**
 * Secrets recognisable in a bare value (an ENV value, a label value): token shapes,
 * URL passwords and PEM private keys, without needing a key name.
 */
export function findValueSecrets(value: string, limit = MAX_SECRET_MATCHES): SecretMatch[] {
  const tokens = findTokenSecrets(value, limit)
  const urls = findUrlCredentials(value, [], limit).filter((u) => !tokens.some((t) => t.start < u.end && u.start < t.end))
  const pems = findPemPrivateKeys(value, limit).map((k): SecretMatch => ({ kind: 'private-key', start: k.start, end: k.end }))
  return [...tokens, ...urls, ...pems].sort((a, b) => a.start - b.start).slice(0, limit)
}

/**
 * Every secret in a text: token shapes, secret-named assignments and URL passwords.
 * Overlaps are resolved in favour of the more specific kind (a token shape over a
 * named value), so `AWS_ACCESS_KEY_ID=AKIA…` counts once, as an AWS key ID.
 */
export function findSecrets(text: string, limit = MAX_SECRET_MATCHES): SecretMatch[] {
  const tokens = findTokenSecrets(text, limit)
  const named = findAssignedSecrets(text, limit).filter((n) => !tokens.some((t) => t.start < n.end && n.start < t.end))
  const all = [...tokens, ...named].sort((a, b) => a.start - b.start)
  // A named value that is exactly an AWS secret key's shape, under an AWS-ish key, is one.
  for (const m of all) {
    if (m.kind === 'named-secret' && m.key && normaliseKeyName(m.key).includes('AWSSECRET') && m.end - m.start === 40) m.kind = 'aws-secret-access-key'
  }
  return all.slice(0, limit)
}
