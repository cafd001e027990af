import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AWS_EXAMPLE_ACCESS_KEY_ID, AWS_EXAMPLE_SECRET_ACCESS_KEY, DEMO_ALIBABA_ACCESS_KEY_ID, DEMO_GITHUB_TOKEN } from '../../demo/images/fake-secrets'
import type { FileBaselineFinding } from '../inventory/analyzer'
import { checkGroup, checkPasswd, checkShadow, hashScheme } from './accounts'
import { baselineFilesAnalyzer, baselineFileKind, isAllowListed } from './content-analyzer'
import { checkSshdConfig } from './sshd'

const analyze = (path: string, content: string | Buffer, mode = 0o644): FileBaselineFinding[] => {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content)
  const out = baselineFilesAnalyzer.analyze({ path, bytes, mode })
  if (out instanceof Promise) throw new Error('baseline-files is synchronous')
  return out.baseline ?? []
}
const brief = (fs: FileBaselineFinding[]) => fs.map((f) => [f.checkId, f.level, f.evidence])

/** Debian 12's /etc/passwd and /etc/shadow as the debian:bookworm image ships them (head). */
const DEBIAN_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
`
const DEBIAN_SHADOW = `root:*:19683:0:99999:7:::
daemon:*:19683:0:99999:7:::
bin:*:19683:0:99999:7:::
sys:*:19683:0:99999:7:::
sync:*:19683:0:99999:7:::
www-data:*:19683:0:99999:7:::
nobody:*:19683:0:99999:7:::
_apt:*:19683:0:99999:7:::
`
// Real crypt(3) outputs: yescrypt, SHA-512 and MD5-crypt of throwaway passwords, and DES.
const YESCRYPT = '$y$j9T$mOuuc4XnVuCsRp.8dFa5y/$vm9ckhKUWkxGMmXMakzpfpN6ErlV.oHSsJiUrbGQK01'
const SHA512 = '$6$8cVtNBnD8wNhBB8P$Qhv7xUR1Kql1wrj7oaF3ZtyPm1P3GULrNQ2lA0c5nJ7M8nM2sJk5iq0FwfnFP0y9Ch4OSDbpyh9c5G8pH3c0b.'
const MD5 = '$1$l5demo$dvKmVqre3rwM4Mcgrl9p31'
const DES = 'abJnggxhB/yWI'

describe('accounts', () => {
  it('finds nothing in a stock Debian image', () => {
    expect(checkPasswd('etc/passwd', DEBIAN_PASSWD)).toEqual([])
    expect(checkShadow('etc/shadow', DEBIAN_SHADOW)).toEqual([])
    expect(checkGroup('etc/group', 'root:x:0:\ndaemon:x:1:\nshadow:x:42:\nnogroup:x:65534:\n')).toEqual([])
  })

  it('reports an empty root password (passwd -d root) as non_pwd_user', () => {
    const shadow = DEBIAN_SHADOW.replace('root:*:', 'root::')
    expect(brief(analyze('etc/shadow', shadow))).toEqual([['non_pwd_user', 'High', 'etc/shadow line 1: account "root" has an empty password hash: it logs in without a password']])
    expect(brief(analyze('etc/passwd', DEBIAN_PASSWD.replace('sync:x:', 'sync::')))).toEqual([['non_pwd_user', 'High', 'etc/passwd line 5: account "sync" has an empty password field (no password at all)']])
  })

  it('reports a second UID 0 account, duplicate UIDs and duplicate names', () => {
    const passwd = `${DEBIAN_PASSWD}ops:x:0:0::/home/ops:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/bash\nbob:x:1000:1000::/home/bob:/bin/bash\nalice:x:1001:1001::/home/alice:/bin/bash\n`
    expect(brief(checkPasswd('etc/passwd', passwd))).toEqual([
      ['extra_root_account', 'High', 'etc/passwd line 9: ops:x:0:0::/home/ops:/bin/sh'],
      ['duplicate_uid', 'Medium', 'etc/passwd: UID 1000 is shared by alice, bob'],
      ['duplicate_username', 'Medium', 'etc/passwd: "alice" is defined 2 times'],
    ])
  })

  it('reports MD5-crypt and DES hashes and shared hashes, showing only the scheme', () => {
    const shadow = `${DEBIAN_SHADOW}ops:${MD5}:19681:0:99999:7:::\nold:${DES}:19000:0:99999:7:::\nalice:${SHA512}:19700:0:99999:7:::\nbob:${SHA512}:19700:0:99999:7:::\ncarol:${YESCRYPT}:19700:0:99999:7:::\nlocked:!${MD5}:19700:0:99999:7:::\n`
    const found = checkShadow('etc/shadow', shadow)
    expect(brief(found)).toEqual([
      ['weak_pwd_hash', 'Medium', 'etc/shadow line 9: account "ops" uses MD5-crypt ($1$…)'],
      ['weak_pwd_hash', 'Medium', 'etc/shadow line 10: account "old" uses DES crypt'],
      ['duplicate_pwd_hash', 'Medium', 'etc/shadow: alice, bob share one password hash ($6$…)'],
    ])
    const json = JSON.stringify(found)
    for (const h of [MD5, DES, SHA512, YESCRYPT]) expect(json).not.toContain(h.slice(4))
    expect(hashScheme(YESCRYPT)).toBe('$y$…')
  })

  it('reports duplicate GIDs and NIS compat lines', () => {
    expect(brief(checkGroup('etc/group', 'root:x:0:\nstaff:x:50:\nadmins:x:50:alice\n+::::\n'))).toEqual([
      ['nis_compat_entry', 'Low', 'etc/group line 4: +'],
      ['duplicate_gid', 'Low', 'etc/group: GID 50 is shared by staff, admins'],
    ])
  })

  it('survives garbage: short lines, CRLF, non-numeric IDs, binary', () => {
    expect(checkPasswd('etc/passwd', 'root:x:0:0:root:/root:/bin/bash\r\n:::\nx\nfoo:x:abc:1::/:/bin/sh\n\u0000\u0001\u0002\n')).toEqual([])
    expect(analyze('etc/shadow', Buffer.from([0, 1, 2, 3, 0x3a, 0x3a]))).toEqual([])
  })
})

/** Ubuntu 22.04's /etc/ssh/sshd_config as openssh-server installs it (non-comment part). */
const UBUNTU_SSHD = `# This is the sshd server system-wide configuration file.  See
# sshd_config(5) for more information.

Include /etc/ssh/sshd_config.d/*.conf

#PermitRootLogin prohibit-password
#PasswordAuthentication yes
#PermitEmptyPasswords no

KbdInteractiveAuthentication no
UsePAM yes
X11Forwarding yes
PrintMotd no
AcceptEnv LANG LC_*
Subsystem	sftp	/usr/lib/openssh/sftp-server
`

describe('sshd_config', () => {
  it('finds nothing in the stock file', () => {
    expect(checkSshdConfig('etc/ssh/sshd_config', UBUNTU_SSHD)).toEqual([])
  })

  it('reports root login, password authentication and empty passwords', () => {
    const conf = UBUNTU_SSHD.replace('#PermitRootLogin prohibit-password', 'PermitRootLogin yes').replace('#PasswordAuthentication yes', 'passwordauthentication=yes').replace('#PermitEmptyPasswords no', 'PermitEmptyPasswords  "yes"')
    expect(brief(analyze('etc/ssh/sshd_config', conf))).toEqual([
      ['ssh_root_login', 'Medium', 'etc/ssh/sshd_config line 6: PermitRootLogin yes'],
      ['ssh_password_auth', 'Medium', 'etc/ssh/sshd_config line 7: passwordauthentication yes'],
      ['ssh_empty_passwords', 'High', 'etc/ssh/sshd_config line 8: PermitEmptyPasswords "yes"'],
    ])
  })

  it('takes the first value, ignores Match blocks, and reads drop-ins', () => {
    expect(checkSshdConfig('etc/ssh/sshd_config', 'PermitRootLogin no\nPermitRootLogin yes\n')).toEqual([])
    expect(checkSshdConfig('etc/ssh/sshd_config', 'PermitRootLogin prohibit-password\nMatch Address 10.0.0.0/8\n  PasswordAuthentication yes\n')).toEqual([])
    // cloud-init's drop-in on images that enable password logins.
    expect(brief(analyze('etc/ssh/sshd_config.d/50-cloud-init.conf', 'PasswordAuthentication yes\n'))).toEqual([['ssh_password_auth', 'Medium', 'etc/ssh/sshd_config.d/50-cloud-init.conf line 1: PasswordAuthentication yes']])
  })
})

describe('private keys', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const ed = generateKeyPairSync('ed25519')

  it('reports a real RSA key with its type and size, never its body', () => {
    const pem = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
    const found = analyze('root/.ssh/id_rsa', pem, 0o600)
    expect(found).toEqual([expect.objectContaining({ checkId: 'private_key', level: 'High', path: 'root/.ssh/id_rsa' })])
    expect(found[0]?.evidence).toMatch(/^root\/\.ssh\/id_rsa: line 1: -----BEGIN RSA PRIVATE KEY----- \(\d+ bytes, rsa 2048 bits\)$/)
    for (const line of pem.split('\n').slice(1, -2)) expect(JSON.stringify(found)).not.toContain(line.slice(0, 20))
  })

  it('reports a key inside a YAML config, and a passphrase-protected key as Medium', () => {
    const pkcs8 = ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const yaml = `tls:\n  key: |\n${pkcs8
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n')}\n`
    expect(analyze('app/config/tls.yaml', yaml)[0]?.evidence).toMatch(/^app\/config\/tls\.yaml: line 3: -----BEGIN PRIVATE KEY----- \(\d+ bytes, ed25519\)$/)
    const encrypted = rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pass-phrase' }).toString()
    expect(analyze('etc/ssl/private/server.key', encrypted)).toEqual([expect.objectContaining({ checkId: 'private_key', level: 'Medium' })])
  })

  it('ignores public keys and certificates', () => {
    expect(analyze('app/keys/public.pem', rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toEqual([])
    expect(analyze('app/keys/id_rsa', rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString())).toEqual([])
  })

  it('reports a key-shaped block whose body is not a key (the demo images’ dummy keys)', () => {
    const body = Buffer.from('layerscope demo: not a real key, safe to publish. '.repeat(8)).toString('base64').match(/.{1,64}/g)?.join('\n') ?? ''
    const found = analyze('root/.ssh/id_rsa', `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\n`)
    expect(found[0]?.evidence).toMatch(/body does not parse as a key\)$/)
  })
})

describe('credentials in files', () => {
  const ENV_FILE = ['NODE_ENV=production', 'DATABASE_URL=postgres://shop:Sup3rS3cretPassw0rd@db.internal:5432/shop', 'JWT_SECRET=4f1c2e9b7a6d5c3b8e0f1a2d3c4b5a69', `AWS_ACCESS_KEY_ID=${AWS_EXAMPLE_ACCESS_KEY_ID}`, `AWS_SECRET_ACCESS_KEY=${AWS_EXAMPLE_SECRET_ACCESS_KEY}`, `ALIBABA_CLOUD_ACCESS_KEY_ID=${DEMO_ALIBABA_ACCESS_KEY_ID}`, ''].join('\n')
  const SECRETS = ['Sup3rS3cretPassw0rd', '4f1c2e9b7a6d5c3b8e0f1a2d3c4b5a69', AWS_EXAMPLE_ACCESS_KEY_ID, AWS_EXAMPLE_SECRET_ACCESS_KEY, DEMO_ALIBABA_ACCESS_KEY_ID, DEMO_GITHUB_TOKEN, 'Winter2019!', 'dXNlcjpzM2NyM3QtcGFzcw==', 'n3trc-pa55', 'hunter22']

  it('reads a .env file: ak_leak for the Alibaba key, one secret_in_file listing the rest, all masked', () => {
    const found = analyze('app/.env', ENV_FILE)
    expect(brief(found)).toEqual([
      ['ak_leak', 'High', 'app/.env: line 6: ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI***************ey00 (Alibaba Cloud AccessKey ID)'],
      [
        'secret_in_file',
        'High',
        'app/.env: line 2: DATABASE_URL=postgres://shop:Sup*************0rd@db.internal:5432/shop (password in a URL); line 3: JWT_SECRET=4f1c****************5a69 (JWT_SECRET); line 4: AWS_ACCESS_KEY_ID=AKIA************MPLE (AWS access key ID); line 5: AWS_SECRET_ACCESS_KEY=wJal****************EKEY (AWS secret access key)',
      ],
    ])
  })

  it('reads YAML, properties, npmrc, docker config, AWS credentials and netrc', () => {
    const cases: [string, string, string][] = [
      ['srv/api/config.yml', 'listen: 0.0.0.0:8080\ndatabase:\n  host: db.internal\n  user: legacy\n  password: Winter2019!\n', 'srv/api/config.yml: line 5: password: Wi*******9! (password)'],
      ['app/BOOT-INF/classes/application.properties', 'server.port=8080\nspring.datasource.password=hunter22\n', 'app/BOOT-INF/classes/application.properties: line 2: spring.datasource.password=h******2 (spring.datasource.password)'],
      ['home/node/.npmrc', `//npm.registry.example.com/:_authToken=${DEMO_GITHUB_TOKEN}\n`, 'home/node/.npmrc: line 1: //npm.registry.example.com/:_authToken=ghp_****************89ab (GitHub token)'],
      ['root/.docker/config.json', '{\n\t"auths": {\n\t\t"registry.example.com": {\n\t\t\t"auth": "dXNlcjpzM2NyM3QtcGFzcw=="\n\t\t}\n\t}\n}\n', 'root/.docker/config.json: line 4: "auth": "dXNl****************cw==" (auth)'],
      ['root/.aws/credentials', `[default]\naws_access_key_id = ${AWS_EXAMPLE_ACCESS_KEY_ID}\naws_secret_access_key = ${AWS_EXAMPLE_SECRET_ACCESS_KEY}\n`, 'root/.aws/credentials: line 2: aws_access_key_id = AKIA************MPLE (AWS access key ID); line 3: aws_secret_access_key = wJal****************EKEY (AWS secret access key)'],
      ['root/.netrc', 'machine api.example.com\n  login deploy\n  password n3trc-pa55\n', 'root/.netrc: line 3: password n3******55 (password)'],
    ]
    for (const [path, text, evidence] of cases) expect(brief(analyze(path, text)), path).toEqual([['secret_in_file', 'High', evidence]])
  })

  it('never puts a secret value into a finding', () => {
    const all = [
      ...analyze('app/.env', ENV_FILE),
      ...analyze('srv/api/config.yml', 'password: Winter2019!\n'),
      ...analyze('root/.docker/config.json', '{"auths":{"r":{"auth":"dXNlcjpzM2NyM3QtcGFzcw=="}}}'),
      ...analyze('root/.netrc', 'machine a login b password n3trc-pa55\n'),
      ...analyze('app/application.properties', `a.password=hunter22\ntoken=${DEMO_GITHUB_TOKEN}\n`),
    ]
    expect(all.length).toBeGreaterThan(4)
    const json = JSON.stringify(all)
    for (const s of SECRETS) expect(json, s).not.toContain(s)
  })

  it('leaves ordinary configuration alone', () => {
    expect(analyze('app/config/default.json', JSON.stringify({ port: 3000, logLevel: 'info', auth: { provider: 'oidc' }, passwordPolicy: { minLength: 12 } }, null, 2))).toEqual([])
    expect(analyze('tmp/config.json', JSON.stringify({ 'donate-level': 1, pools: [{ url: 'stratum+tcp://x:3333', user: 'wallet', pass: 'x' }] }, null, 4))).toEqual([])
    expect(analyze('etc/nginx/nginx.conf', 'user www-data;\nworker_processes auto;\n')).toEqual([])
  })
})

describe('which files are read', () => {
  it('wants account, sshd, key, credential and app config files of bounded size', () => {
    const wanted = ['etc/passwd', 'etc/shadow', 'etc/group', 'etc/ssh/sshd_config', 'etc/ssh/sshd_config.d/50-cloud-init.conf', 'root/.ssh/id_ed25519', 'app/certs/server.key', 'app/certs/server.pem', 'app/.env', 'app/.env.production', 'root/.npmrc', 'root/.docker/config.json', 'root/.aws/credentials', 'srv/api/config.yml', 'app/application.properties', 'app/config/production.json', 'usr/src/app/settings.toml', 'root/.kube/config']
    for (const p of wanted) expect(baselineFilesAnalyzer.wants(p, 1000, 0o644), p).toBe(true)
    const skipped = ['etc/ssh/ssh_host_rsa_key', 'usr/share/doc/x/example.yml', 'usr/lib/python3.11/site-packages/x/config.json', 'app/node_modules/x/package.json', 'app/node_modules/.package-lock.json', 'app/tests/fixtures/id_rsa', 'app/examples/.env', 'app/package-lock.json', 'app/.env.example', 'usr/local/lib/python3.12/site-packages/certifi/cacert.pem', 'app/README.md', 'app/server.js', 'var/lib/dpkg/status']
    for (const p of skipped) expect(baselineFilesAnalyzer.wants(p, 1000, 0o644), p).toBe(false)
    expect(baselineFilesAnalyzer.wants('app/config.yml', 2 * 1024 * 1024, 0o644)).toBe(false)
    expect(baselineFilesAnalyzer.wants('etc/passwd', 2 * 1024 * 1024, 0o644)).toBe(true)
    expect(baselineFilesAnalyzer.wants('app/config.yml', 0, 0o644)).toBe(false)
    expect(baselineFileKind('etc/ssh/sshd_config')).toBe('sshd')
    expect(isAllowListed('app/test_config.yml')).toBe(true)
  })
})

describe('hostile content', () => {
  const timed = (f: () => unknown) => {
    const t = performance.now()
    f()
    return performance.now() - t
  }

  it('scans 10 MB of one character, a 10 MB line of keywords and binary junk in bounded time', () => {
    expect(timed(() => expect(analyze('app/config.yml', 'a'.repeat(10_000_000))).toEqual([]))).toBeLessThan(5000)
    expect(timed(() => analyze('app/config.yml', 'password: '.repeat(1_000_000)))).toBeLessThan(5000)
    expect(timed(() => analyze('etc/passwd', 'x:'.repeat(5_000_000)))).toBeLessThan(5000)
    expect(timed(() => analyze('etc/ssh/sshd_config', `PermitRootLogin ${' '.repeat(5_000_000)}yes`))).toBeLessThan(5000)
    const junk = Buffer.from(Array.from({ length: 1_000_000 }, (_, i) => ((i * 2654435761) >>> 24) | 1))
    expect(() => analyze('app/config.json', junk)).not.toThrow()
  })

  it('skips binary files', () => {
    expect(analyze('app/config.json', Buffer.concat([Buffer.from([0]), Buffer.from(`password: hunter22\n`)]))).toEqual([])
  })
})
