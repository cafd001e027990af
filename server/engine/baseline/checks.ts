import type { BaselineFinding, BaselineLevel } from '@contract/findings'

/**
 * Every baseline check the engine runs, keyed by a stable snake_case id (ACR's
 * `BaselineNameKey`; its own keys `ak_leak`, `duplicate_uid`, `duplicate_pwd_hash` and
 * `non_pwd_user` are reused). The id, category, title, description and remediation of a
 * check never vary; the level is the check's default, which a few checks lower or raise
 * per item (an allowlisted setuid binary is Low, an encrypted private key Medium).
 */
export interface BaselineCheck {
  category: string
  title: string
  level: BaselineLevel
  description: string
  remediation: string
}

const CONFIG = 'Image configuration'
const HISTORY = 'Build history'
const SECRETS = 'Secrets and keys'
const ACCOUNTS = 'Accounts and passwords'
const SSH = 'SSH service'
const PERMISSIONS = 'File permissions'
const HYGIENE = 'Image hygiene'

export const BASELINE_CHECKS = {
  run_as_root: {
    category: CONFIG,
    title: 'Container runs as root',
    level: 'High',
    description: 'The image sets no USER, or sets root / UID 0, so its process runs as root inside the container (CIS Docker 4.1, Trivy DS-0002). A container escape or a writable host mount then acts with root privileges.',
    remediation: 'Create an unprivileged user in the Dockerfile (`RUN useradd -r -u 10001 app`) and end with `USER 10001`.',
  },
  no_healthcheck: {
    category: CONFIG,
    title: 'No HEALTHCHECK instruction',
    level: 'Low',
    description: 'The image defines no HEALTHCHECK (or disables it with NONE), so the runtime cannot tell a hung service from a healthy one (CIS Docker 4.6, Trivy DS-0026).',
    remediation: 'Add a HEALTHCHECK that probes the service, e.g. `HEALTHCHECK CMD wget -q --spider http://127.0.0.1:8080/healthz || exit 1`.',
  },
  ssh_port_exposed: {
    category: CONFIG,
    title: 'SSH port 22 exposed',
    level: 'Medium',
    description: 'The image exposes port 22: it runs or expects an SSH server, which containers should not need (Trivy DS-0004).',
    remediation: 'Remove the SSH server and `EXPOSE 22`; use `docker exec` / `kubectl exec` for access.',
  },
  telnet_port_exposed: {
    category: CONFIG,
    title: 'Telnet port 23 exposed',
    level: 'High',
    description: 'The image exposes port 23: telnet sends credentials in clear text.',
    remediation: 'Remove the telnet service and `EXPOSE 23`.',
  },
  invalid_port: {
    category: CONFIG,
    title: 'Exposed port out of range',
    level: 'Medium',
    description: 'The image exposes a port number outside 1–65535 (Trivy DS-0008): the configuration is broken or was tampered with.',
    remediation: 'Fix the EXPOSE instruction to name a valid port.',
  },
  workdir_system_dir: {
    category: CONFIG,
    title: 'WORKDIR is a system directory',
    level: 'High',
    description: 'The working directory is a system directory (/bin, /etc, /usr/…): files the application writes land among system files and may replace them.',
    remediation: 'Use a dedicated application directory such as `WORKDIR /app`.',
  },
  secret_in_env: {
    category: SECRETS,
    title: 'Secret in an environment variable',
    level: 'High',
    description: 'An ENV variable of the image holds a credential (by its name or by the shape of its value). ENV values are stored in the image configuration and shown by `docker inspect` to anyone who can pull the image (CIS Docker 4.10, Trivy DS-0031).',
    remediation: 'Remove the ENV instruction, rotate the credential, and pass it at run time (orchestrator secrets, a mounted file, or `--env-file`).',
  },
  secret_in_config: {
    category: SECRETS,
    title: 'Secret in the image configuration',
    level: 'High',
    description: 'A label, the command, the entrypoint or another configuration field holds a credential; the configuration is readable by anyone who can pull the image.',
    remediation: 'Remove the credential from the configuration, rotate it, and pass it at run time.',
  },
  secret_in_history: {
    category: SECRETS,
    title: 'Secret in the build history',
    level: 'High',
    description: 'A build step recorded in the image history (a RUN with build arguments, an ARG or ENV default) holds a credential. History is part of the image configuration and survives later deletion.',
    remediation: 'Use BuildKit secret mounts (`RUN --mount=type=secret,…`) instead of ARG/ENV, rotate the credential, and rebuild.',
  },
  ak_leak: {
    category: SECRETS,
    title: 'Alibaba Cloud AccessKey leaked',
    level: 'High',
    description: 'An Alibaba Cloud AccessKey ID (`LTAI…`) is stored in the image, in its configuration or in a file. With its secret it grants API access to the cloud account.',
    remediation: 'Disable and rotate the AccessKey in the RAM console, remove it from the image, and use RAM roles or run-time secrets instead.',
  },
  add_remote_url: {
    category: HISTORY,
    title: 'ADD from a remote URL',
    level: 'Medium',
    description: 'A build step downloaded content with `ADD http(s)://…`: it is neither verified against a checksum nor reproducible (CIS Docker 4.9).',
    remediation: 'Download with `curl` and verify a checksum in a RUN step, or use `ADD --checksum=sha256:…`.',
  },
  curl_pipe_shell: {
    category: HISTORY,
    title: 'Remote script piped into a shell',
    level: 'High',
    description: 'A build step pipes a downloaded script straight into a shell (`curl … | sh`): whatever the server returned at build time ran as root, unverified.',
    remediation: 'Download the script, verify its checksum or signature, then run it; better, install from a signed package.',
  },
  sudo_in_run: {
    category: HISTORY,
    title: 'sudo used in a RUN instruction',
    level: 'High',
    description: 'A RUN step uses sudo (Trivy DS-0010): build steps already run as the current USER, and sudo in an image means a sudo configuration ships with it.',
    remediation: 'Switch users with `USER` around the steps that need root instead of calling sudo.',
  },
  setuid_file: {
    category: PERMISSIONS,
    title: 'setuid/setgid executable',
    level: 'High',
    description: 'A regular file has the setuid or setgid bit (CIS Docker 4.8): run by anyone, it executes with its owner’s or group’s privileges. Well-known distribution programs (passwd, su, mount…) are reported as Low; anything else as High.',
    remediation: 'Remove the bit where it is not needed: `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +`.',
  },
  world_writable_file: {
    category: PERMISSIONS,
    title: 'World-writable file',
    level: 'High',
    description: 'A file outside the temporary directories is writable by every user, so any process in the container can change it.',
    remediation: 'Remove write permission for others (`chmod o-w`).',
  },
  world_writable_dir: {
    category: PERMISSIONS,
    title: 'World-writable directory without the sticky bit',
    level: 'Medium',
    description: 'A directory is writable by every user and has no sticky bit, so any user can delete or replace the files of another.',
    remediation: 'Remove write permission for others, or set the sticky bit (`chmod 1777`) for a shared scratch directory.',
  },
  world_writable_special: {
    category: PERMISSIONS,
    title: 'World-writable device or FIFO',
    level: 'Low',
    description: 'A device node or named pipe outside /dev is writable by every user.',
    remediation: 'Remove the node, or its write permission for others.',
  },
  ssh_host_key: {
    category: SSH,
    title: 'SSH host key baked into the image',
    level: 'High',
    description: 'The image ships an SSH host private key: every container started from it presents the same key, so anyone holding the image can impersonate the server.',
    remediation: 'Delete /etc/ssh/ssh_host_*_key* in the image and generate keys at container start (`ssh-keygen -A`).',
  },
  ssh_authorized_keys: {
    category: SSH,
    title: 'authorized_keys in the image',
    level: 'Medium',
    description: 'An authorized_keys file grants whoever holds the matching private keys an SSH login to every container of the image.',
    remediation: 'Remove the file and provision access at run time, if SSH is needed at all.',
  },
  package_manager_cache: {
    category: HYGIENE,
    title: 'Package manager cache left in the image',
    level: 'Low',
    description: 'Downloaded packages or package indexes are left in a layer: they enlarge the image and record what was fetched, without being used at run time (CIS Docker 4.3).',
    remediation: 'Clean up in the same RUN step: `apt-get clean && rm -rf /var/lib/apt/lists/*`, `apk add --no-cache`, `pip install --no-cache-dir`, `npm cache clean --force`, `yum clean all`.',
  },
  env_file: {
    category: SECRETS,
    title: 'dotenv file in the image',
    level: 'Medium',
    description: 'A .env file was copied into the image; such files hold the application’s credentials and are usually meant to stay on a developer machine.',
    remediation: 'Add .env to .dockerignore, remove it from the image and pass settings at run time.',
  },
  credential_file: {
    category: SECRETS,
    title: 'Credential file in the image',
    level: 'Medium',
    description: 'A file that conventionally stores credentials (cloud CLI credentials, registry logins, git or package-index tokens, kubeconfig) is present in the image.',
    remediation: 'Remove the file (and its layer: use a multi-stage build or a secret mount), and rotate what it held.',
  },
  keystore_file: {
    category: SECRETS,
    title: 'Key store in the image',
    level: 'Medium',
    description: 'A PKCS#12 / Java key store or PuTTY key file is present; it usually holds private keys, possibly under a default password.',
    remediation: 'Mount key stores at run time instead of building them into the image.',
  },
  private_key: {
    category: SECRETS,
    title: 'Private key in the image',
    level: 'High',
    description: 'A file holds a PEM/OpenSSH private key. Anyone who can pull the image has the key. Passphrase-protected keys are reported as Medium.',
    remediation: 'Remove the key from every layer (rebuild without it), revoke it, and mount keys at run time.',
  },
  secret_in_file: {
    category: SECRETS,
    title: 'Credential in a file',
    level: 'High',
    description: 'A configuration file holds a credential: a password, token or cloud access key, found by its key name or by the shape of the value.',
    remediation: 'Remove the credential from the file, rotate it, and read it from the environment or a mounted secret at run time.',
  },
  non_pwd_user: {
    category: ACCOUNTS,
    title: 'Account with an empty password',
    level: 'High',
    description: 'An account has an empty password field in /etc/shadow (or /etc/passwd), so it can log in without any password wherever password logins are allowed.',
    remediation: 'Lock the account (`passwd -l NAME`, or `*` / `!` in the password field).',
  },
  extra_root_account: {
    category: ACCOUNTS,
    title: 'Account other than root with UID 0',
    level: 'High',
    description: 'An account other than root has UID 0: it is root under another name, which hides root logins and defeats checks on the user name.',
    remediation: 'Give the account its own UID, or remove it.',
  },
  duplicate_uid: {
    category: ACCOUNTS,
    title: 'Duplicate UID',
    level: 'Medium',
    description: 'Several accounts share one UID, so they share file ownership and are indistinguishable in audit logs. (UID 0 shared with root is reported as extra_root_account.)',
    remediation: 'Give every account a unique UID.',
  },
  duplicate_username: {
    category: ACCOUNTS,
    title: 'Duplicate user name',
    level: 'Medium',
    description: 'A user name appears on several lines of /etc/passwd; which entry wins depends on the program reading it.',
    remediation: 'Remove the duplicate entries.',
  },
  duplicate_gid: {
    category: ACCOUNTS,
    title: 'Duplicate GID',
    level: 'Low',
    description: 'Several groups in /etc/group share one GID.',
    remediation: 'Give every group a unique GID.',
  },
  duplicate_pwd_hash: {
    category: ACCOUNTS,
    title: 'Accounts share a password hash',
    level: 'Medium',
    description: 'Several accounts in /etc/shadow have the same password hash: the same password, with the same salt, copied between accounts.',
    remediation: 'Set a distinct password per account, or lock the accounts that need none.',
  },
  weak_pwd_hash: {
    category: ACCOUNTS,
    title: 'Weak password hash',
    level: 'Medium',
    description: 'A password is hashed with MD5-crypt ($1$) or traditional DES crypt, which are cheap to brute-force offline from a pulled image.',
    remediation: 'Lock the account, or set its password with yescrypt / SHA-512 crypt (`chpasswd -c SHA512`).',
  },
  nis_compat_entry: {
    category: ACCOUNTS,
    title: 'NIS compat entry in an account file',
    level: 'Low',
    description: 'A `+` or `-` line in /etc/passwd or /etc/group imports accounts from NIS, a legacy mechanism that can add accounts from outside the image.',
    remediation: 'Remove the `+`/`-` lines.',
  },
  ssh_root_login: {
    category: SSH,
    title: 'SSH allows root login with a password',
    level: 'Medium',
    description: 'sshd_config sets `PermitRootLogin yes`, allowing root to log in over SSH with a password.',
    remediation: 'Set `PermitRootLogin no` (or `prohibit-password`).',
  },
  ssh_password_auth: {
    category: SSH,
    title: 'SSH password authentication enabled',
    level: 'Medium',
    description: 'sshd_config sets `PasswordAuthentication yes`, exposing the accounts to password guessing.',
    remediation: 'Set `PasswordAuthentication no` and use keys.',
  },
  ssh_empty_passwords: {
    category: SSH,
    title: 'SSH permits empty passwords',
    level: 'High',
    description: 'sshd_config sets `PermitEmptyPasswords yes`: an account without a password can log in over SSH with nothing.',
    remediation: 'Set `PermitEmptyPasswords no`.',
  },
} as const satisfies Record<string, BaselineCheck>

export type BaselineCheckId = keyof typeof BASELINE_CHECKS

/** Longest evidence text a finding carries. */
export const MAX_EVIDENCE = 600

/**
 * A finding of a catalogued check. Evidence must already be masked; it is made printable
 * and capped here.
 *
 * @example baselineFinding('run_as_root', 'USER is not set') // { checkId: 'run_as_root', level: 'High', … }
 */
export function baselineFinding(checkId: BaselineCheckId, evidence: string, extra: { level?: BaselineLevel; path?: string } = {}): BaselineFinding {
  const check: BaselineCheck = BASELINE_CHECKS[checkId]
  const out: BaselineFinding = {
    checkId,
    category: check.category,
    title: check.title,
    level: extra.level ?? check.level,
    description: check.description,
    evidence: printableEvidence(evidence),
    remediation: check.remediation,
  }
  if (extra.path !== undefined) out.path = extra.path
  return out
}

/** Control characters escaped (newlines as `; `), capped at MAX_EVIDENCE. */
export function printableEvidence(text: string): string {
  if (text.length <= MAX_EVIDENCE && isPlain(text)) return text
  let out = ''
  for (const ch of text) {
    if (out.length >= MAX_EVIDENCE) return `${out}…`
    const c = ch.codePointAt(0) ?? 0
    if (c === 0x0a) out += '; '
    else if (c === 0x09 || c === 0x0d) out += ' '
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0)) out += `\\x${c.toString(16).padStart(2, '0')}`
    else if (c === 0xfffd) out += '?'
    else out += ch
  }
  return out
}

/** No control characters, DEL, C1 controls or replacement characters: nothing to escape. */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0xfffd) return false
  }
  return true
}

const LEVEL_RANK: Record<BaselineLevel, number> = { High: 3, Medium: 2, Low: 1 }

/** Sorts findings the way reports list them: level, check, path, evidence. */
export function sortBaseline<T extends BaselineFinding>(findings: T[]): T[] {
  return findings.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || cmp(a.checkId, b.checkId) || cmp(a.path ?? '', b.path ?? '') || cmp(a.evidence, b.evidence))
}

/** Code-unit order: deterministic and far cheaper than localeCompare on 50,000 paths. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export const levelRank = (level: BaselineLevel): number => LEVEL_RANK[level]
