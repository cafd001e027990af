import type { BaselineFinding } from '@contract/findings'
import type { ImageConfig } from '../acquire/image-source'
import { baselineFinding, type BaselineCheckId, sortBaseline } from './checks'
import { type HistoryStep, historySteps } from './history'
import { findSecrets, findValueSecrets, isPlausibleSecretValue, isSecretName, maskRanges, maskSecret, maskSecretsIn, SECRET_KIND_LABEL, type SecretMatch } from './secrets'

export interface ConfigLayer {
  /** The layer's digest as the manifest names it. */
  digest: string
  /** Its history line, when known (used only when the config has no history). */
  createdBy?: string | undefined
}

/**
 * Baseline checks on the image configuration and its history (scanner.md §5.1):
 * - run_as_root (High): no USER, `root`, `0`, `root:…`, `0:…`
 * - no_healthcheck (Low): no HEALTHCHECK, or `NONE`
 * - ssh_port_exposed (Medium), telnet_port_exposed (High), invalid_port (Medium)
 * - workdir_system_dir (High)
 * - secret_in_env / secret_in_config / secret_in_history (High), ak_leak (High) for
 *   Alibaba AccessKey IDs anywhere in the configuration; every value masked
 * - add_remote_url (Medium), curl_pipe_shell (High), sudo_in_run (High), judged on the
 *   image author's steps only: history up to the base image's last CMD is skipped, as
 *   Trivy does (scanner.md §5.1).
 *
 * Findings from a history step that made a layer carry that layer; ENV, USER, EXPOSE
 * and other empty-layer steps carry none.
 *
 * @example
 * checkImageConfig(image.config, image.layers.map((l) => ({ digest: l.digest })))
 */
export function checkImageConfig(config: ImageConfig, layers: readonly ConfigLayer[]): BaselineFinding[] {
  const c = config.config ?? {}
  const steps = historySteps(config, layers)
  const out: BaselineFinding[] = []
  const atStep = (f: BaselineFinding, step: HistoryStep | undefined): BaselineFinding => {
    if (step?.layerIndex !== undefined) {
      f.layerIndex = step.layerIndex
      const digest = layers[step.layerIndex]?.digest
      if (digest) f.layerDigest = digest
    }
    return f
  }
  const lastStep = (instruction: string) => [...steps].reverse().find((s) => s.instruction === instruction)

  // USER
  const user = (c.User ?? '').trim()
  if (isRootUser(user)) {
    const evidence = user ? `USER ${user}` : 'USER is not set: the container runs as root'
    out.push(atStep(baselineFinding('run_as_root', evidence), user ? lastStep('USER') : undefined))
  }

  // HEALTHCHECK
  const test = c.Healthcheck?.Test ?? []
  if (!test.length || test[0] === 'NONE') out.push(baselineFinding('no_healthcheck', test[0] === 'NONE' ? 'HEALTHCHECK NONE' : 'no HEALTHCHECK in the image configuration'))

  // EXPOSE
  for (const key of Object.keys(c.ExposedPorts ?? {}).sort()) {
    const [portText = '', proto = 'tcp'] = key.split('/')
    const port = /^\d{1,10}$/.test(portText) ? Number(portText) : NaN
    if (!Number.isInteger(port) || port < 1 || port > 65535) out.push(baselineFinding('invalid_port', `EXPOSE ${key}`))
    else if (port === 22 && proto === 'tcp') out.push(baselineFinding('ssh_port_exposed', `EXPOSE ${key}`))
    else if (port === 23 && proto === 'tcp') out.push(baselineFinding('telnet_port_exposed', `EXPOSE ${key}`))
  }

  // WORKDIR
  const workdir = normaliseDir(c.WorkingDir ?? '')
  if (SYSTEM_DIRS.has(workdir)) out.push(atStep(baselineFinding('workdir_system_dir', `WORKDIR /${workdir}`), lastStep('WORKDIR')))

  // Secrets in the configuration itself
  const reported = new Set<string>()
  for (const entry of c.Env ?? []) {
    const eq = entry.indexOf('=')
    const name = eq === -1 ? entry : entry.slice(0, eq)
    const value = eq === -1 ? '' : entry.slice(eq + 1)
    const f = envSecret(name, value, reported)
    if (f) out.push(f)
  }
  for (const [key, value] of Object.entries(c.Labels ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const f = valueSecret('LABEL', `${key}=`, value, isSecretName(key), reported)
    if (f) out.push(f)
  }
  const commandFields: [string, readonly string[] | null | undefined][] = [
    ['ENTRYPOINT', c.Entrypoint],
    ['CMD', c.Cmd],
    ['HEALTHCHECK', c.Healthcheck?.Test],
    ['ONBUILD', c.OnBuild],
  ]
  for (const [field, words] of commandFields) {
    if (!words?.length) continue
    const text = words.join(' ')
    const matches = findSecrets(text).concat(findValueSecrets(text).filter((m) => m.kind === 'private-key'))
    const fresh = matches.filter((m) => !reported.has(text.slice(m.start, m.end)))
    if (!fresh.length) continue
    for (const m of matches) reported.add(text.slice(m.start, m.end))
    out.push(secretFinding(fresh, 'secret_in_config', `${field} ${maskRanges(text, matches)}`))
  }

  // The image author's build steps
  for (const step of steps) {
    if (step.inBaseImage) continue
    const shown = () => maskSecretsIn(step.createdBy)
    if (step.instruction === 'RUN') {
      if (pipesDownloadIntoShell(step.args)) out.push(atStep(baselineFinding('curl_pipe_shell', shown()), step))
      if (hasCommandWord(step.args, 'sudo')) out.push(atStep(baselineFinding('sudo_in_run', shown()), step))
    }
    if (step.instruction === 'ADD' && addsRemoteUrl(step.args)) out.push(atStep(baselineFinding('add_remote_url', shown()), step))
    const matches = findSecrets(step.createdBy).concat(findValueSecrets(step.createdBy).filter((m) => m.kind === 'private-key'))
    const fresh = matches.filter((m) => !reported.has(step.createdBy.slice(m.start, m.end)))
    if (!fresh.length) continue
    for (const m of matches) reported.add(step.createdBy.slice(m.start, m.end))
    out.push(atStep(secretFinding(fresh, 'secret_in_history', maskRanges(step.createdBy, matches)), step))
  }
  return sortBaseline(out)
}

/**
 * run_as_root for a USER that names an account /etc/passwd gives UID 0 (demo/legacy-api's
 * `ops`), which the USER string alone cannot show. Reads the `extra_root_account`
 * findings that collectFileFindings kept for the image's /etc/passwd; the finding carries
 * that file's layer.
 *
 * @example
 * const files = collectFileFindings(layers, index)
 * const baseline = [...checkImageConfig(config, layers), ...checkUserAgainstAccounts(config, files.baseline)]
 */
export function checkUserAgainstAccounts(config: ImageConfig, fileBaseline: readonly BaselineFinding[]): BaselineFinding[] {
  const user = (config.config?.User ?? '').trim()
  const name = user.split(':')[0] ?? ''
  if (isRootUser(user) || /^\d+$/.test(name)) return []
  const account = fileBaseline.find((f) => f.checkId === 'extra_root_account' && f.path === 'etc/passwd' && /^etc\/passwd line \d+: ([^:]+):/.exec(f.evidence)?.[1] === name)
  if (!account) return []
  const f = baselineFinding('run_as_root', `USER ${user}: /etc/passwd gives "${name}" UID 0`)
  if (account.layerIndex !== undefined) f.layerIndex = account.layerIndex
  if (account.layerDigest !== undefined) f.layerDigest = account.layerDigest
  return [f]
}

/** `''`, `root`, `0`, `root:group`, `0:0` (Trivy DS-0002). */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0] ?? ''
  return name === '' || name === 'root' || name === '0'
}

/** WORKDIRs that are system directories (never `/` itself, nor a home or app directory). */
const SYSTEM_DIRS = new Set(['bin', 'sbin', 'usr', 'usr/bin', 'usr/sbin', 'usr/lib', 'usr/lib64', 'usr/libexec', 'usr/include', 'usr/share', 'usr/local/bin', 'usr/local/sbin', 'lib', 'lib32', 'lib64', 'libx32', 'etc', 'boot', 'dev', 'proc', 'sys', 'var/lib', 'var/run', 'run'])

function normaliseDir(dir: string): string {
  return dir
    .split('/')
    .filter((s) => s && s !== '.')
    .join('/')
}

/** One ENV variable: a token-shaped value, or a plausible value under a secret name. */
function envSecret(name: string, value: string, reported: Set<string>): BaselineFinding | undefined {
  return valueSecret('ENV', `${name}=`, value, isSecretName(name), reported)
}

function valueSecret(field: string, prefix: string, value: string, secretName: boolean, reported: Set<string>): BaselineFinding | undefined {
  const matches = findValueSecrets(value)
  if (matches.length) {
    for (const m of matches) reported.add(value.slice(m.start, m.end))
    reported.add(value)
    const checkId = field === 'ENV' ? 'secret_in_env' : 'secret_in_config'
    return secretFinding(matches, checkId, `${field} ${prefix}${maskRanges(value, matches)}`)
  }
  if (!secretName || !isPlausibleSecretValue(value, { allowSpaces: true })) return undefined
  reported.add(value)
  const checkId = field === 'ENV' ? 'secret_in_env' : 'secret_in_config'
  return baselineFinding(checkId, `${field} ${prefix}${maskSecret(value)} (secret-named variable)`)
}

/** ak_leak when an Alibaba AccessKey is among the matches, the given check otherwise. */
function secretFinding(matches: readonly SecretMatch[], checkId: BaselineCheckId, maskedEvidence: string): BaselineFinding {
  const kinds = [...new Set(matches.map((m) => (m.kind === 'named-secret' && m.key ? `${m.key}` : SECRET_KIND_LABEL[m.kind])))]
  const id = matches.some((m) => m.kind === 'alibaba-access-key-id') ? 'ak_leak' : checkId
  return baselineFinding(id, `${maskedEvidence} (${kinds.join(', ')})`)
}

const SHELLS = new Set(['sh', 'bash', 'zsh', 'ash', 'dash', 'ksh', 'mksh', 'busybox'])

/**
 * `curl … | sh`, `wget -O- … | sudo bash`, `sh -c "$(curl …)"`, `bash <(curl …)`.
 *
 * @example pipesDownloadIntoShell('curl -fsSL https://get.example.com | sh') // true
 */
export function pipesDownloadIntoShell(command: string): boolean {
  const cmd = command.length > 64 * 1024 ? command.slice(0, 64 * 1024) : command
  // Process and command substitution feeding a shell: `bash <(curl …)`, `sh -c "$(curl …)"`.
  for (const tool of ['curl', 'wget']) {
    let checked = 0
    for (let at = cmd.indexOf(tool); at !== -1 && checked < 1000; at = cmd.indexOf(tool, at + tool.length)) {
      if (!isWordAt(cmd, at, tool)) continue
      checked++
      const sub = cmd.slice(Math.max(0, at - 24), at).match(/(\S+)\s+(?:-c\s+["']?)?(?:<\(|\$\(|`)\s*$/)
      if (sub && SHELLS.has(basename(sub[1] ?? ''))) return true
    }
  }
  // Pipelines: a stage after a download that is a shell. One pass over the list elements.
  for (const element of cmd.split(/&&|\|\||;|\n/)) {
    let downloaded = false
    for (const stage of element.split('|')) {
      const words = stage.trim().split(/\s+/)
      let i = 0
      while (i < words.length && (words[i] === 'sudo' || words[i] === 'env' || words[i]?.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] ?? ''))) i++
      const first = basename(words[i] ?? '')
      if (downloaded && SHELLS.has(first)) return true
      if (first === 'curl' || first === 'wget') downloaded = true
    }
  }
  return false
}

/** A command word: the first word of a simple command, after any `NAME=value` assignments. */
export function hasCommandWord(command: string, word: string): boolean {
  if (!command.includes(word)) return false
  for (const part of command.slice(0, 256 * 1024).split(/&&|\|\||[;|\n(`]|\$\(/)) {
    const words = part.trim().split(/\s+/)
    let i = 0
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] ?? '')) i++
    if (basename(words[i] ?? '') === word) return true
  }
  return false
}

function isWordAt(text: string, at: number, word: string): boolean {
  const before = at === 0 ? ' ' : (text[at - 1] ?? ' ')
  const after = text[at + word.length] ?? ' '
  return !/[A-Za-z0-9_.-]/.test(before) && !/[A-Za-z0-9_-]/.test(after)
}

const basename = (p: string) => p.replace(/^["']|["']$/g, '').split('/').pop() ?? ''

/** `ADD [--chown=…] http(s)://… dest`, unless pinned with `--checksum=`. */
function addsRemoteUrl(args: string): boolean {
  const words = args.split(/\s+/)
  if (words.some((w) => w.startsWith('--checksum='))) return false
  return words.some((w) => /^https?:\/\//i.test(w))
}
