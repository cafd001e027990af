import { createPrivateKey } from 'node:crypto'
import type { Analyzer, AnalysisOutput, AnalyzerFile, FileBaselineFinding } from '../inventory/analyzer'
import { checkGroup, checkPasswd, checkShadow } from './accounts'
import { baselineFinding } from './checks'
import { findPemPrivateKeys, findSecrets, maskRanges, type PemPrivateKey, SECRET_KIND_LABEL, type SecretMatch } from './secrets'
import { checkSshdConfig } from './sshd'

/**
 * The `baseline-files` analyzer: baseline checks that need a file's content (scanner.md
 * §5.2). It reads small files only:
 * - accounts: etc/passwd, etc/shadow, etc/group (non_pwd_user, extra_root_account,
 *   duplicate_uid, duplicate_username, duplicate_gid, duplicate_pwd_hash, weak_pwd_hash,
 *   nis_compat_entry)
 * - sshd: etc/ssh/sshd_config and sshd_config.d/*.conf (ssh_root_login,
 *   ssh_password_auth, ssh_empty_passwords)
 * - keys: `*.pem`, `*.key`, `id_rsa`/`id_dsa`/`id_ecdsa`/`id_ed25519` (private_key)
 * - credentials: dotenv files, .npmrc, .pypirc, .netrc, .git-credentials, .pgpass,
 *   .docker/config.json, .aws/credentials, kubeconfig, and application configuration
 *   (`.properties`, `.yml`/`.yaml`, `.json`, `.toml`, `.ini`, `.cfg`, `.conf`, `.xml`)
 *   outside system trees, packages, tests and examples (Trivy's allow rules), up to
 *   1 MiB (secret_in_file, ak_leak, private_key)
 *
 * Binary files (a NUL in the first 8 KiB) are skipped. Findings per file: one per check,
 * listing up to five masked items; secrets are never in clear.
 */
export const BASELINE_FILES_ANALYZER_VERSION = 1

const MAX_ACCOUNT_FILE = 4 * 1024 * 1024
const MAX_CONFIG_FILE = 1024 * 1024
const SHOWN_ITEMS = 5

type FileKind = 'passwd' | 'shadow' | 'group' | 'sshd' | 'key' | 'docker-config' | 'netrc' | 'credentials' | 'config'

/** What a path is to this analyzer, or undefined when it is not wanted. */
export function baselineFileKind(path: string): FileKind | undefined {
  switch (path) {
    case 'etc/passwd':
      return 'passwd'
    case 'etc/shadow':
      return 'shadow'
    case 'etc/group':
      return 'group'
    case 'etc/ssh/sshd_config':
      return 'sshd'
  }
  if (path.startsWith('etc/ssh/sshd_config.d/') && path.endsWith('.conf')) return 'sshd'
  // Host keys are reported from the file index (ssh_host_key); their content adds nothing.
  if (path.startsWith('etc/ssh/ssh_host_')) return undefined
  if (isAllowListed(path)) return undefined
  const name = path.slice(path.lastIndexOf('/') + 1)
  const lower = name.toLowerCase()
  if (/^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/.test(name) || lower.endsWith('.pem') || lower.endsWith('.key')) return 'key'
  if (path.endsWith('.docker/config.json')) return 'docker-config'
  if (name === '.netrc' || name === '_netrc') return 'netrc'
  if (path.endsWith('.aws/credentials') || path.endsWith('.kube/config') || ['.npmrc', '.pypirc', '.git-credentials', '.pgpass', '.my.cnf', '.s3cfg'].includes(name)) return 'credentials'
  if (name === '.env' || name.startsWith('.env.') || lower.endsWith('.env')) return /(?:example|sample|template)$/i.test(name) ? undefined : 'credentials'
  if (CONFIG_EXTENSIONS.some((e) => lower.endsWith(e)) && !SKIPPED_NAMES.has(lower)) return 'config'
  return undefined
}

const CONFIG_EXTENSIONS = ['.properties', '.yml', '.yaml', '.json', '.toml', '.ini', '.cfg', '.conf', '.xml']
/** Generated or descriptive files that match the extensions but hold no configuration. */
const SKIPPED_NAMES = new Set(['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'composer.lock', 'composer.json', 'tsconfig.json', 'jsconfig.json', 'pom.xml', 'pnpm-lock.yaml', '.eslintrc.json', '.prettierrc.json', 'manifest.json', 'installed.json', 'direct_url.json'])

/**
 * Trivy's builtin allow rules (`pkg/fanal/secret/builtin-allow-rules.go`) plus package
 * trees: system directories, vendored and installed packages, tests, examples, locales
 * and docs, where secrets are fixtures or documentation.
 */
export function isAllowListed(path: string): boolean {
  if (/^usr\/(?:share|include|lib|lib64|libexec)\//.test(path)) return true
  if (/^(?:lib|lib64|bin|sbin|usr\/bin|usr\/sbin|proc|sys|dev|boot|var\/lib|var\/cache|var\/log)\//.test(path)) return true
  if (/^(?:usr\/local\/go|usr\/local\/lib\/python[\d.]+|usr\/lib\/gems|usr\/src\/wordpress|opt\/yarn-v[\d.]+|var\/log\/anaconda)\//.test(path)) return true
  if (/(?:^|\/)(?:node_modules|site-packages|dist-packages|vendor|bower_components|\.git|\.cargo\/registry|go\/pkg\/mod|\.m2\/repository|locales?|__pycache__)\//.test(path)) return true
  if (/\.(?:dist|egg)-info\//.test(path)) return true
  if (/(?:^|\/)(?:tests?|testing|testdata|__tests__|spec|fixtures?|examples?|samples?|docs?)\//i.test(path)) return true
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (/(?:^test|[._-]test\b|example|sample)/i.test(name) || name.endsWith('.md')) return true
  return false
}

/**
 * @example
 * const analyzer = baselineFilesAnalyzer
 * analyzer.wants('etc/shadow', 900, 0o640) // true
 */
export const baselineFilesAnalyzer: Analyzer = {
  name: 'baseline-files',
  version: BASELINE_FILES_ANALYZER_VERSION,
  wants(path, size) {
    const kind = baselineFileKind(path)
    if (!kind || size === 0) return false
    return size <= (kind === 'passwd' || kind === 'shadow' || kind === 'group' ? MAX_ACCOUNT_FILE : MAX_CONFIG_FILE)
  },
  analyze(file: AnalyzerFile): AnalysisOutput {
    const kind = baselineFileKind(file.path)
    if (!kind) return {}
    if (looksBinary(file.bytes)) return {}
    const text = file.bytes.toString('utf8')
    const baseline = analyzeText(file.path, kind, text)
    return baseline.length ? { baseline } : {}
  },
}

function analyzeText(path: string, kind: FileKind, text: string): FileBaselineFinding[] {
  switch (kind) {
    case 'passwd':
      return checkPasswd(path, text)
    case 'shadow':
      return checkShadow(path, text)
    case 'group':
      return checkGroup(path, text)
    case 'sshd':
      return checkSshdConfig(path, text)
    default:
      return [...privateKeys(path, text), ...secrets(path, kind, text)]
  }
}

function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0)
}

function privateKeys(path: string, text: string): FileBaselineFinding[] {
  const keys = findPemPrivateKeys(text)
  if (!keys.length) return []
  const items = keys.slice(0, SHOWN_ITEMS).map((k) => `line ${lineOf(text, k.start)}: ${describeKey(text, k)}`)
  if (keys.length > SHOWN_ITEMS) items.push(`… ${keys.length - SHOWN_ITEMS} more`)
  const level = keys.every((k) => k.encrypted) ? 'Medium' : 'High'
  return [baselineFinding('private_key', `${path}: ${items.join('; ')}`, { path, level })]
}

/** `-----BEGIN RSA PRIVATE KEY----- (1,679 bytes, rsa 2048 bits)`; never the body. */
function describeKey(text: string, key: PemPrivateKey): string {
  const details = [`${key.end - key.start} bytes`]
  if (key.encrypted) details.push('passphrase-protected')
  else if (key.label !== 'OPENSSH PRIVATE KEY' && !key.label.startsWith('PGP')) {
    try {
      // Indented blocks (a key in YAML) parse once each line is trimmed.
      const pem = text
        .slice(key.start, key.end)
        .split('\n')
        .map((l) => l.trim())
        .join('\n')
      const k = createPrivateKey({ key: pem, format: 'pem' })
      const d = k.asymmetricKeyDetails
      details.push(`${k.asymmetricKeyType ?? 'key'}${d?.modulusLength ? ` ${d.modulusLength} bits` : d?.namedCurve ? ` ${d.namedCurve}` : ''}`)
    } catch {
      details.push('body does not parse as a key')
    }
  }
  return `-----BEGIN ${key.label}----- (${details.join(', ')})`
}

function secrets(path: string, kind: FileKind, text: string): FileBaselineFinding[] {
  const keys = findPemPrivateKeys(text)
  const insideKey = (m: SecretMatch) => keys.some((k) => m.start < k.end && k.start < m.end)
  const matches = [...findSecrets(text).filter((m) => !insideKey(m)), ...(kind === 'docker-config' ? dockerAuths(text) : []), ...(kind === 'netrc' ? netrcPasswords(text) : [])]
  if (!matches.length) return []
  matches.sort((a, b) => a.start - b.start)
  const out: FileBaselineFinding[] = []
  const alibaba = matches.filter((m) => m.kind === 'alibaba-access-key-id')
  const others = matches.filter((m) => m.kind !== 'alibaba-access-key-id')
  if (alibaba.length) out.push(baselineFinding('ak_leak', `${path}: ${items(text, alibaba, matches)}`, { path }))
  if (others.length) out.push(baselineFinding('secret_in_file', `${path}: ${items(text, others, matches)}`, { path }))
  return out
}

/** `line 3: JWT_SECRET=4f1c****5a69 (JWT_SECRET)`, for up to five matches. */
function items(text: string, shown: readonly SecretMatch[], all: readonly SecretMatch[]): string {
  const parts = shown.slice(0, SHOWN_ITEMS).map((m) => `line ${lineOf(text, m.start)}: ${excerpt(text, m, all)} (${m.kind === 'named-secret' && m.key ? m.key : SECRET_KIND_LABEL[m.kind]})`)
  if (shown.length > SHOWN_ITEMS) parts.push(`… ${shown.length - SHOWN_ITEMS} more`)
  return parts.join('; ')
}

/** The match's line, at most ~120 characters around it, with every secret on it masked. */
function excerpt(text: string, m: SecretMatch, all: readonly SecretMatch[]): string {
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1
  let lineEnd = text.indexOf('\n', m.end)
  if (lineEnd === -1) lineEnd = text.length
  let from = Math.max(lineStart, m.start - 60)
  let to = Math.min(lineEnd, m.end + 40)
  // Never cut through another secret: widen the window to whole matches.
  for (const o of all) {
    if (o.start < from && o.end > from) from = o.start
    if (o.start < to && o.end > to) to = o.end
  }
  const inside = all.filter((o) => o.start >= from && o.end <= to).map((o) => ({ start: o.start - from, end: o.end - from }))
  const body = maskRanges(text.slice(from, to), inside).trim()
  return `${from > lineStart ? '…' : ''}${body}${to < lineEnd ? '…' : ''}`
}

function lineOf(text: string, offset: number): number {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** `.docker/config.json`: `auths.<registry>.auth` (base64 user:password) and identity tokens. */
function dockerAuths(text: string): SecretMatch[] {
  const out: SecretMatch[] = []
  for (const key of ['"auth"', '"identitytoken"', '"registrytoken"']) {
    for (let at = text.indexOf(key); at !== -1 && out.length < 50; at = text.indexOf(key, at + key.length)) {
      let p = at + key.length
      while (text[p] === ' ' || text[p] === '\t' || text[p] === '\n' || text[p] === '\r') p++
      if (text[p] !== ':') continue
      p++
      while (text[p] === ' ' || text[p] === '\t' || text[p] === '\n' || text[p] === '\r') p++
      if (text[p] !== '"') continue
      const end = text.indexOf('"', p + 1)
      if (end === -1 || end - p > 8192 || end === p + 1) continue
      out.push({ kind: 'named-secret', start: p + 1, end, key: key.slice(1, -1) })
    }
  }
  return out
}

/** `.netrc`: the token after each `password` keyword. */
function netrcPasswords(text: string): SecretMatch[] {
  const out: SecretMatch[] = []
  const re = /(?:^|\s)password\s+(\S{1,512})/g
  for (let m = re.exec(text); m && out.length < 50; m = re.exec(text)) {
    const value = m[1] ?? ''
    const start = m.index + m[0].length - value.length
    out.push({ kind: 'named-secret', start, end: start + value.length, key: 'password' })
  }
  return out
}
