import type { FileBaselineFinding } from '../inventory/analyzer'
import { baselineFinding } from './checks'

/**
 * Account database checks (scanner.md §5.2, ACR's `non_pwd_user`, `duplicate_uid`,
 * `duplicate_pwd_hash`): /etc/passwd, /etc/shadow and /etc/group as passwd(5),
 * shadow(5) and group(5) define them. One finding per account or per shared value.
 * Password hashes never appear in evidence: only their scheme (`$1$…`).
 */

/** Lines read per account file; a bigger one is not an account database. */
const MAX_LINES = 100_000
const MAX_LINE = 4096

interface Line {
  no: number
  fields: string[]
  raw: string
}

function lines(text: string): Line[] {
  const out: Line[] = []
  let no = 0
  for (const raw of text.split('\n')) {
    no++
    if (no > MAX_LINES) break
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    // Account lines are short; a huge one is junk, not an account.
    if (line.length > MAX_LINE || !line.trim() || line.trimStart().startsWith('#')) continue
    out.push({ no, fields: line.split(':'), raw: line })
  }
  return out
}

const isNis = (l: Line) => l.raw.startsWith('+') || l.raw.startsWith('-')
const list = (names: string[]) => (names.length > 6 ? `${names.slice(0, 6).join(', ')}, …` : names.join(', '))

/** Groups values that occur more than once: value → names, in first-seen order. */
function duplicates(entries: [value: string, name: string][]): [string, string[]][] {
  const by = new Map<string, string[]>()
  for (const [value, name] of entries) {
    const names = by.get(value) ?? []
    names.push(name)
    by.set(value, names)
  }
  return [...by].filter(([, names]) => names.length > 1)
}

/**
 * @example checkPasswd('etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nops:x:0:0::/home/ops:/bin/sh\n') // extra_root_account for ops
 */
export function checkPasswd(path: string, text: string): FileBaselineFinding[] {
  const out: FileBaselineFinding[] = []
  const accounts: { name: string; uid: string; line: Line }[] = []
  for (const line of lines(text)) {
    if (isNis(line)) {
      out.push(baselineFinding('nis_compat_entry', `${path} line ${line.no}: ${line.fields[0] ?? ''}`, { path }))
      continue
    }
    const [name = '', password = 'x', uid = ''] = line.fields
    if (line.fields.length < 4 || !name || !/^\d+$/.test(uid)) continue
    accounts.push({ name, uid, line })
    if (password === '') out.push(baselineFinding('non_pwd_user', `${path} line ${line.no}: account "${name}" has an empty password field (no password at all)`, { path }))
    if (Number(uid) === 0 && name !== 'root') out.push(baselineFinding('extra_root_account', `${path} line ${line.no}: ${name}:${password === 'x' || password === '*' || password === '' ? password : '…'}:${line.fields.slice(2).join(':')}`, { path }))
  }
  for (const [uid, names] of duplicates(accounts.map((a) => [String(Number(a.uid)), a.name]))) {
    if (uid === '0') continue // reported as extra_root_account
    const unique = [...new Set(names)]
    if (unique.length > 1) out.push(baselineFinding('duplicate_uid', `${path}: UID ${uid} is shared by ${list(unique)}`, { path }))
  }
  for (const [name, names] of duplicates(accounts.map((a) => [a.name, a.name]))) {
    out.push(baselineFinding('duplicate_username', `${path}: "${name}" is defined ${names.length} times`, { path }))
  }
  return out
}

/** The hash scheme for evidence: `$6$` (SHA-512 crypt), `$1$` (MD5), `DES`. Never the hash. */
export function hashScheme(hash: string): string {
  if (hash.startsWith('$')) {
    const end = hash.indexOf('$', 1)
    return end > 0 && end < 8 ? `${hash.slice(0, end + 1)}…` : '$…'
  }
  if (hash.startsWith('_') && hash.length === 20) return 'BSDi extended DES'
  if (isDesHash(hash)) return 'DES crypt'
  return 'unknown scheme'
}

const isDesHash = (hash: string) => hash.length === 13 && /^[./0-9A-Za-z]{13}$/.test(hash)

/** A password field that lets someone log in with a password (not locked, not disabled). */
const isUsableHash = (hash: string) => hash.length > 1 && !hash.startsWith('!') && !hash.startsWith('*')

/**
 * @example checkShadow('etc/shadow', 'root::19000:0:99999:7:::\n') // non_pwd_user for root
 */
export function checkShadow(path: string, text: string): FileBaselineFinding[] {
  const out: FileBaselineFinding[] = []
  const usable: [hash: string, name: string][] = []
  for (const line of lines(text)) {
    if (isNis(line)) continue
    const [name = '', hash] = line.fields
    if (!name || hash === undefined) continue
    if (hash === '') {
      out.push(baselineFinding('non_pwd_user', `${path} line ${line.no}: account "${name}" has an empty password hash: it logs in without a password`, { path }))
      continue
    }
    if (!isUsableHash(hash)) continue
    usable.push([hash, name])
    if (hash.startsWith('$1$')) out.push(baselineFinding('weak_pwd_hash', `${path} line ${line.no}: account "${name}" uses MD5-crypt (${hashScheme(hash)})`, { path }))
    else if (isDesHash(hash) || (hash.startsWith('_') && hash.length === 20)) out.push(baselineFinding('weak_pwd_hash', `${path} line ${line.no}: account "${name}" uses ${hashScheme(hash)}`, { path }))
  }
  for (const [hash, names] of duplicates(usable)) {
    out.push(baselineFinding('duplicate_pwd_hash', `${path}: ${list(names)} share one password hash (${hashScheme(hash)})`, { path }))
  }
  return out
}

/** @example checkGroup('etc/group', 'a:x:10:\nb:x:10:\n') // duplicate_gid */
export function checkGroup(path: string, text: string): FileBaselineFinding[] {
  const out: FileBaselineFinding[] = []
  const groups: [gid: string, name: string][] = []
  for (const line of lines(text)) {
    if (isNis(line)) {
      out.push(baselineFinding('nis_compat_entry', `${path} line ${line.no}: ${line.fields[0] ?? ''}`, { path }))
      continue
    }
    const [name = '', , gid = ''] = line.fields
    if (name && /^\d+$/.test(gid)) groups.push([String(Number(gid)), name])
  }
  for (const [gid, names] of duplicates(groups)) out.push(baselineFinding('duplicate_gid', `${path}: GID ${gid} is shared by ${list(names)}`, { path }))
  return out
}
