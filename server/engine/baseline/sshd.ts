import type { FileBaselineFinding } from '../inventory/analyzer'
import { type BaselineCheckId, baselineFinding } from './checks'

/** The sshd_config(5) keywords checked, lower-cased, and the value that fails. */
const RULES: { keyword: string; bad: (value: string) => boolean; checkId: BaselineCheckId }[] = [
  { keyword: 'permitrootlogin', bad: (v) => v === 'yes', checkId: 'ssh_root_login' },
  { keyword: 'passwordauthentication', bad: (v) => v === 'yes', checkId: 'ssh_password_auth' },
  { keyword: 'permitemptypasswords', bad: (v) => v === 'yes', checkId: 'ssh_empty_passwords' },
]

/**
 * Reads sshd_config or a drop-in of `sshd_config.d/` the way sshd does: keyword and
 * value separated by spaces or `=`, keywords case-insensitive, the **first** value of a
 * keyword wins, and lines after a `Match` apply only to some connections (not judged
 * here). Each file is judged alone: an `Include` is not followed, since the included
 * drop-ins are analysed as files of their own.
 *
 * @example checkSshdConfig('etc/ssh/sshd_config', 'PermitRootLogin yes\n') // ssh_root_login
 */
export function checkSshdConfig(path: string, text: string): FileBaselineFinding[] {
  const seen = new Set<string>()
  const out: FileBaselineFinding[] = []
  let no = 0
  for (const raw of text.split('\n')) {
    no++
    if (no > 100_000) break
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const m = /^([A-Za-z]+)(?:\s*=\s*|\s+)(\S+)/.exec(line.length > 4096 ? line.slice(0, 4096) : line)
    if (!m) continue
    const keyword = (m[1] ?? '').toLowerCase()
    if (keyword === 'match') break
    if (seen.has(keyword)) continue
    seen.add(keyword)
    const rule = RULES.find((r) => r.keyword === keyword)
    const value = (m[2] ?? '').toLowerCase().replace(/^["']|["']$/g, '')
    if (rule?.bad(value)) out.push(baselineFinding(rule.checkId, `${path} line ${no}: ${m[1]} ${m[2]}`, { path }))
  }
  return out
}
