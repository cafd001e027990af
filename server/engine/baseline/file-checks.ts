import type { BaselineFinding, BaselineLevel } from '@contract/findings'
import type { FileIndex, MergedFile } from '../layers/squashed-tree'
import { baselineFinding, type BaselineCheckId, levelRank, sortBaseline } from './checks'

/**
 * Baseline checks that need only the squashed file index (paths, types, modes, owners),
 * never file contents (scanner.md §5.2):
 * - setuid_file: setuid/setgid regular files; distribution programs in system
 *   directories are Low, anything else High
 * - world_writable_file (High), world_writable_dir without sticky bit (Medium),
 *   world_writable_special (Low, devices/FIFOs): outside tmp dirs and /dev; symlinks ignored
 * - ssh_host_key (High): baked `etc/ssh/ssh_host_*_key`
 * - ssh_authorized_keys (Medium)
 * - package_manager_cache (Low): one finding per cache location with a file count
 * - env_file (Medium), credential_file (Medium), keystore_file (Medium)
 *
 * Private keys in `id_rsa`, `*.pem`, `*.key` are judged by content (content-analyzer's
 * `private_key`), so a public key misnamed `.key` is not reported.
 *
 * Grouping: one finding per file, since each names something to fix, except package
 * caches (one per cache directory, with the count and the first paths). Every check is
 * capped at MAX_FINDINGS_PER_CHECK findings; the rest are summed up in one last finding
 * of that check (no path, the count and the first few paths in its evidence), so a
 * `chmod -R 777 /app` over 50,000 files stays readable.
 *
 * @example
 * checkFileIndex(merged.fileIndex, image.layers.map((l) => l.digest))
 */
export function checkFileIndex(index: FileIndex, layerDigests: readonly string[]): BaselineFinding[] {
  const byCheck = new Map<BaselineCheckId, BaselineFinding[]>()
  const add = (f: BaselineFinding, file?: MergedFile) => {
    if (file) {
      f.layerIndex = file.layerIndex
      const digest = layerDigests[file.layerIndex]
      if (digest) f.layerDigest = digest
    }
    const list = byCheck.get(f.checkId as BaselineCheckId) ?? []
    list.push(f)
    byCheck.set(f.checkId as BaselineCheckId, list)
  }
  const caches = new Map<string, { files: MergedFile[]; bytes: number }>()

  for (const file of index.values()) {
    const path = file.path
    if (isUnder(path, 'proc') || isUnder(path, 'sys')) continue
    const regular = file.type === 'file' || file.type === 'hardlink'

    if (regular && file.mode & 0o6000) {
      const bits = [file.mode & 0o4000 ? 'setuid' : '', file.mode & 0o2000 ? 'setgid' : ''].filter(Boolean).join('+')
      const known = isKnownSetuid(path)
      add(baselineFinding('setuid_file', `${path}: ${bits}, mode ${octal(file.mode)}, owner ${file.uid ?? 0}:${file.gid ?? 0}${known ? ' (distribution program)' : ''}`, { path, level: known ? 'Low' : 'High' }), file)
    }

    if (file.mode & 0o002 && file.type !== 'symlink' && !isTmpPath(path) && !isUnder(path, 'dev')) {
      if (regular) add(baselineFinding('world_writable_file', `${path}: mode ${octal(file.mode)}, owner ${file.uid ?? 0}:${file.gid ?? 0}`, { path }), file)
      else if (file.type === 'dir' && !(file.mode & 0o1000)) add(baselineFinding('world_writable_dir', `${path}/: mode ${octal(file.mode)} (no sticky bit), owner ${file.uid ?? 0}:${file.gid ?? 0}`, { path }), file)
      else if (file.type === 'chardev' || file.type === 'blockdev' || file.type === 'fifo') add(baselineFinding('world_writable_special', `${path}: ${file.type}, mode ${octal(file.mode)}`, { path }), file)
    }

    if (!regular) continue
    const name = path.slice(path.lastIndexOf('/') + 1)

    if (isHostKey(path)) add(baselineFinding('ssh_host_key', `${path} (${file.size} bytes, mode ${octal(file.mode)})`, { path }), file)
    else if (name === 'authorized_keys' || name === 'authorized_keys2') {
      if (path.slice(0, -name.length).endsWith('.ssh/')) add(baselineFinding('ssh_authorized_keys', `${path} (${file.size} bytes)`, { path }), file)
    }

    const cache = packageCacheOf(path, name, file)
    if (cache) {
      const entry = caches.get(cache) ?? { files: [], bytes: 0 }
      entry.files.push(file)
      entry.bytes += file.size
      caches.set(cache, entry)
    }

    if (inSystemTree(path)) continue
    if (isEnvFile(name)) add(baselineFinding('env_file', `${path} (${file.size} bytes)`, { path }), file)
    const credential = credentialFileKind(path, name)
    if (credential) add(baselineFinding('credential_file', `${path}: ${credential} (${file.size} bytes)`, { path }), file)
    const keystore = keystoreKind(name)
    if (keystore && file.size > 0) add(baselineFinding('keystore_file', `${path}: ${keystore} (${file.size} bytes)`, { path }), file)
  }

  for (const [dir, { files, bytes }] of [...caches].sort(([a], [b]) => a.localeCompare(b))) {
    const top = files.reduce((a, b) => (b.layerIndex > a.layerIndex ? b : a))
    const shown = files.slice(0, SHOWN_PATHS).map((f) => f.path.slice(dir.length + 1))
    const more = files.length > SHOWN_PATHS ? `, … ${files.length - SHOWN_PATHS} more` : ''
    add(baselineFinding('package_manager_cache', `${dir}/: ${files.length} file${files.length === 1 ? '' : 's'}, ${formatBytes(bytes)} (${shown.join(', ')}${more})`, { path: dir }), top)
  }

  // Per check: sorted, capped (the summary last); checks ordered by their highest level.
  const groups = [...byCheck.values()].map((list) => capFindings(sortBaseline(list)))
  const top = (g: BaselineFinding[]) => Math.max(...g.map((f) => levelRank(f.level)))
  groups.sort((a, b) => top(b) - top(a) || (a[0]?.checkId ?? '').localeCompare(b[0]?.checkId ?? ''))
  return groups.flat()
}

/** Findings per check before the rest are summed up in one. */
export const MAX_FINDINGS_PER_CHECK = 25
const SHOWN_PATHS = 5

/** The first MAX_FINDINGS_PER_CHECK - 1 findings, then one that counts the rest (highest level of them). */
export function capFindings(list: BaselineFinding[], max = MAX_FINDINGS_PER_CHECK): BaselineFinding[] {
  if (list.length <= max) return list
  const kept = list.slice(0, max - 1)
  const rest = list.slice(max - 1)
  const first = rest[0]
  if (!first) return kept
  const level = rest.reduce<BaselineLevel>((l, f) => (levelRank(f.level) > levelRank(l) ? f.level : l), 'Low')
  const paths = rest.slice(0, SHOWN_PATHS).map((f) => f.path ?? f.evidence)
  const summary = baselineFinding(first.checkId as BaselineCheckId, `${rest.length} more: ${paths.join(', ')}${rest.length > SHOWN_PATHS ? ', …' : ''}`, { level })
  return [...kept, summary]
}

const isUnder = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`)
const octal = (mode: number) => (mode & 0o7777).toString(8).padStart(4, '0')

const TMP_DIRS = ['tmp', 'var/tmp', 'dev/shm', 'run/lock', 'var/lock', 'run/shm']
const isTmpPath = (path: string) => TMP_DIRS.some((d) => isUnder(path, d))

/** System trees where dotenv and credential file names belong to packages, tests and docs. */
function inSystemTree(path: string): boolean {
  return /^usr\/(?:share|include|lib|lib64|libexec|src\/linux)\//.test(path) || /(?:^|\/)(?:node_modules|site-packages|dist-packages|vendor|\.git)\//.test(path) || /(?:^|\/)(?:tests?|testdata|examples?|fixtures?|__tests__)\//.test(path) || /^usr\/local\/(?:go|lib\/python[\d.]+)\//.test(path)
}

/**
 * setuid/setgid programs Debian, Ubuntu, Alpine and RHEL ship, by basename, accepted
 * only in system directories (a `passwd` in /app is not the distribution's).
 */
const KNOWN_SETUID = new Set([
  'passwd', 'su', 'sudo', 'sudoedit', 'mount', 'umount', 'chsh', 'chfn', 'newgrp', 'gpasswd', 'expiry', 'chage', 'ping', 'ping6', 'traceroute6.iputils',
  'unix_chkpwd', 'pam_extrausers_chkpwd', 'pam_timestamp_check', 'pkexec', 'polkit-agent-helper-1', 'fusermount', 'fusermount3', 'ssh-keysign', 'ssh-agent',
  'dbus-daemon-launch-helper', 'Xorg.wrap', 'at', 'crontab', 'newuidmap', 'newgidmap', 'bbsuid', 'doas', 'mount.nfs', 'mount.cifs', 'wall', 'write', 'bsd-write',
  'dotlockfile', 'chrome-sandbox', 'snap-confine', 'userhelper', 'ksu', 'staprun', 'utempter', 'mlocate', 'locate', 'plocate', 'screen', 'procmail', 'lockfile',
  'postdrop', 'postqueue', 'exim4', 'sendmail', 'Xorg', 'vmware-user-suid-wrapper', 'cockpit-session', 'suexec', 'mail-lock', 'mail-unlock', 'mail-touchlock',
])
const SYSTEM_BIN_DIRS = /^(?:usr\/)?(?:bin|sbin|lib|lib64|libexec)\/|^usr\/lib(?:exec|64)?\//

export function isKnownSetuid(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return KNOWN_SETUID.has(name) && SYSTEM_BIN_DIRS.test(path)
}

/** `etc/ssh/ssh_host_rsa_key`, `…_ecdsa_key`, `…_ed25519_key` (the private halves only). */
function isHostKey(path: string): boolean {
  return /^etc\/ssh\/ssh_host_[a-z0-9]+_key$/.test(path) || /^etc\/ssh\/ssh_host_key$/.test(path)
}

/** The cache directory a path belongs to, or undefined. */
function packageCacheOf(path: string, name: string, file: MergedFile): string | undefined {
  if (file.size === 0 && !path.endsWith('.deb')) return undefined
  if (path.startsWith('var/cache/apt/archives/') && name.endsWith('.deb')) return 'var/cache/apt/archives'
  if (path.startsWith('var/cache/apt/') && name.endsWith('.bin')) return 'var/cache/apt'
  if (path.startsWith('var/lib/apt/lists/') && name !== 'lock' && !path.startsWith('var/lib/apt/lists/partial/')) return 'var/lib/apt/lists'
  if (path.startsWith('var/cache/apk/')) return 'var/cache/apk'
  if (path.startsWith('etc/apk/cache/') && name.endsWith('.apk')) return 'etc/apk/cache'
  const pip = /^(root|home\/[^/]+)\/\.cache\/pip\//.exec(path)
  if (pip) return `${pip[1]}/.cache/pip`
  const npm = /^(root|home\/[^/]+)\/\.npm\/_cacache\//.exec(path)
  if (npm) return `${npm[1]}/.npm/_cacache`
  const yarn = /^(usr\/local\/share\/\.cache\/yarn|(?:root|home\/[^/]+)\/\.cache\/yarn)\//.exec(path)
  if (yarn) return yarn[1]
  if (path.startsWith('var/cache/yum/')) return 'var/cache/yum'
  if (path.startsWith('var/cache/dnf/') && (name.endsWith('.rpm') || name.endsWith('.solv') || name.endsWith('.xml.gz') || name.endsWith('.xml.zst'))) return 'var/cache/dnf'
  return undefined
}

/** `.env`, `.env.production`, `prod.env`; not `.env.example` / `.env.sample` / `.env.template`. */
function isEnvFile(name: string): boolean {
  if (!(name === '.env' || name.startsWith('.env.') || (name.endsWith('.env') && name.length > 4))) return false
  return !/(?:example|sample|template|dist|defaults?|schema)$/i.test(name)
}

function credentialFileKind(path: string, name: string): string | undefined {
  if (path.endsWith('.aws/credentials')) return 'AWS CLI credentials'
  if (path.endsWith('.docker/config.json')) return 'Docker registry logins'
  if (path.endsWith('.kube/config') || name === 'kubeconfig' || name.endsWith('.kubeconfig')) return 'kubeconfig'
  if (path.endsWith('.config/gcloud/credentials.db') || path.endsWith('.config/gcloud/application_default_credentials.json')) return 'Google Cloud credentials'
  if (path.endsWith('.azure/accessTokens.json') || path.endsWith('.azure/msal_token_cache.json')) return 'Azure CLI tokens'
  if (path.endsWith('.aliyun/config.json')) return 'Alibaba Cloud CLI credentials'
  switch (name) {
    case '.git-credentials':
      return 'git credentials'
    case '.netrc':
    case '_netrc':
      return 'netrc logins'
    case '.pypirc':
      return 'PyPI upload credentials'
    case '.npmrc':
      return 'npm configuration (may hold tokens)'
    case '.pgpass':
      return 'PostgreSQL passwords'
    case '.my.cnf':
      return 'MySQL client configuration'
    case '.s3cfg':
      return 's3cmd credentials'
    case '.vault-token':
      return 'Vault token'
    default:
      return undefined
  }
}

function keystoreKind(name: string): string | undefined {
  const lower = name.toLowerCase()
  if (lower.endsWith('.p12') || lower.endsWith('.pfx')) return 'PKCS#12 key store'
  if (lower.endsWith('.jks') || lower.endsWith('.keystore')) return 'Java key store'
  if (lower.endsWith('.ppk')) return 'PuTTY private key'
  return undefined
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`
  return `${(n / 1024 / 1024).toFixed(1)} MiB`
}
