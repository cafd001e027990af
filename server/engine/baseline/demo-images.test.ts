import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BaselineFinding, MaliciousFile } from '@contract/findings'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDemoImages } from '../../demo/demo-images'
import { AWS_EXAMPLE_ACCESS_KEY_ID, AWS_EXAMPLE_SECRET_ACCESS_KEY, DEMO_ALIBABA_ACCESS_KEY_ID, DEMO_GITHUB_TOKEN } from '../../demo/images/fake-secrets'
import { createMalwareAnalyzer } from '../malware/malware-analyzer'
import { loadSignatureDir } from '../malware/signature-db'
import { sortBaseline } from './checks'
import { collectFileFindings } from './collect-file-findings'
import { checkImageConfig, checkUserAgainstAccounts } from './config-checks'
import { baselineFilesAnalyzer } from './content-analyzer'
import { checkFileIndex } from './file-checks'
import { type DemoImageOnDisk, readDockerArchive, readOciImage, scanLayerTars } from './testing/scan-layers'

/**
 * The demo images as buildDemoImages writes them (OCI layouts and a docker-save archive),
 * through the real walker and squash, the baseline-files and malware analyzers (with the
 * repository's signatures/), and every baseline check: the exact findings each image
 * must produce (server/demo/images/*.ts list what was planted).
 */

const REPO_SIGNATURES = fileURLToPath(new URL('../../../signatures', import.meta.url))
let root: string
const results: Record<string, { baseline: BaselineFinding[]; malicious: MaliciousFile[]; image: DemoImageOnDisk }> = {}

async function scan(image: DemoImageOnDisk) {
  const analyzers = [baselineFilesAnalyzer, createMalwareAnalyzer(await loadSignatureDir(REPO_SIGNATURES))]
  const scanned = await scanLayerTars(image.layers, analyzers)
  const files = collectFileFindings(scanned.layers, scanned.index)
  const baseline = sortBaseline([
    ...checkImageConfig(image.config, image.layers),
    ...checkFileIndex(
      scanned.index,
      image.layers.map((l) => l.digest),
    ),
    ...files.baseline,
    ...checkUserAgainstAccounts(image.config, files.baseline),
  ])
  return { baseline, malicious: files.malicious, image }
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'baseline-demo-'))
  await buildDemoImages(root)
  results.ubuntuWeb = await scan(await readOciImage(path.join(root, 'ubuntu-web'), '22.04'))
  results.ubuntuWebArm = await scan(await readOciImage(path.join(root, 'ubuntu-web'), '22.04', 1))
  results.legacyApi = await scan(await readOciImage(path.join(root, 'legacy-api'), '2.3.1'))
  results.alpineBase = await scan(await readDockerArchive(path.join(root, 'alpine-base.tar')))
  results.shopApp = await scan(await readOciImage(path.join(root, 'shop-app'), '1.0.0'))
}, 120_000)
afterAll(() => fs.rm(root, { recursive: true, force: true }))

const of = (name: string) => {
  const r = results[name]
  if (!r) throw new Error(`no scan of ${name}`)
  return r
}
const brief = (fs: BaselineFinding[]) => fs.map((f) => [f.checkId, f.level, f.path ?? null, f.layerIndex ?? null, f.evidence])
const briefMalicious = (ms: MaliciousFile[]) => ms.map((m) => [m.filePath, m.type, m.maliciousName, m.engine, m.level, m.layerIndex, m.deletedInLayer ?? null])

describe('demo/ubuntu-web', () => {
  it('has every planted baseline mistake, each once, with its layer', () => {
    expect(brief(of('ubuntuWeb').baseline)).toEqual([
      ['curl_pipe_shell', 'High', null, 4, 'RUN /bin/sh -c curl -fsSL https://get.example.com/install.sh | sh # buildkit'],
      ['non_pwd_user', 'High', 'etc/shadow', 2, 'etc/shadow line 1: account "root" has an empty password hash: it logs in without a password'],
      ['private_key', 'High', 'root/.ssh/id_rsa', 3, 'root/.ssh/id_rsa: line 1: -----BEGIN RSA PRIVATE KEY----- (451 bytes, body does not parse as a key)'],
      ['run_as_root', 'High', null, null, 'USER is not set: the container runs as root'],
      ['secret_in_env', 'High', null, null, 'ENV AWS_ACCESS_KEY_ID=AKIA************MPLE (AWS access key ID)'],
      ['secret_in_env', 'High', null, null, 'ENV AWS_SECRET_ACCESS_KEY=wJal****************EKEY (secret-named variable)'],
      ['setuid_file', 'High', 'usr/local/bin/helper', 4, 'usr/local/bin/helper: setuid, mode 4755, owner 0:0'],
      ['ssh_empty_passwords', 'High', 'etc/ssh/sshd_config', 2, 'etc/ssh/sshd_config line 6: PermitEmptyPasswords yes'],
      ['ssh_host_key', 'High', 'etc/ssh/ssh_host_ed25519_key', 2, 'etc/ssh/ssh_host_ed25519_key (330 bytes, mode 0600)'],
      ['world_writable_file', 'High', 'etc/nginx/conf.d/shared.conf', 4, 'etc/nginx/conf.d/shared.conf: mode 0666, owner 0:0'],
      ['ssh_password_auth', 'Medium', 'etc/ssh/sshd_config', 2, 'etc/ssh/sshd_config line 5: PasswordAuthentication yes'],
      ['ssh_port_exposed', 'Medium', null, null, 'EXPOSE 22/tcp'],
      ['ssh_root_login', 'Medium', 'etc/ssh/sshd_config', 2, 'etc/ssh/sshd_config line 4: PermitRootLogin yes'],
      ['no_healthcheck', 'Low', null, null, 'no HEALTHCHECK in the image configuration'],
      ['package_manager_cache', 'Low', 'var/cache/apt/archives', 2, 'var/cache/apt/archives/: 3 files, 216 B (openssh-client_1%3a8.9p1-3ubuntu0.4_amd64.deb, openssh-server_1%3a8.9p1-3ubuntu0.4_amd64.deb, openssh-sftp-server_1%3a8.9p1-3ubuntu0.4_amd64.deb)'],
      ['setuid_file', 'Low', 'usr/bin/chsh', 0, 'usr/bin/chsh: setuid, mode 4755, owner 0:0 (distribution program)'],
      ['setuid_file', 'Low', 'usr/bin/mount', 0, 'usr/bin/mount: setuid, mode 4755, owner 0:0 (distribution program)'],
      ['setuid_file', 'Low', 'usr/bin/newgrp', 0, 'usr/bin/newgrp: setuid, mode 4755, owner 0:0 (distribution program)'],
      ['setuid_file', 'Low', 'usr/bin/passwd', 0, 'usr/bin/passwd: setuid, mode 4755, owner 0:0 (distribution program)'],
      ['setuid_file', 'Low', 'usr/bin/su', 0, 'usr/bin/su: setuid, mode 4755, owner 0:0 (distribution program)'],
      ['setuid_file', 'Low', 'usr/bin/umount', 0, 'usr/bin/umount: setuid, mode 4755, owner 0:0 (distribution program)'],
    ])
    const { baseline, image } = of('ubuntuWeb')
    expect(baseline.find((f) => f.checkId === 'curl_pipe_shell')?.layerDigest).toBe(image.layers[4]?.digest)
    expect(baseline.find((f) => f.checkId === 'ssh_host_key')?.layerDigest).toBe(image.layers[2]?.digest)
    expect(of('ubuntuWeb').malicious).toEqual([])
  })

  it('finds the same on arm64, with that platform’s layers', () => {
    const arm = of('ubuntuWebArm')
    expect(brief(arm.baseline).map((f) => String(f[4]).replaceAll('arm64', 'amd64'))).toEqual(brief(of('ubuntuWeb').baseline).map((f) => f[4]))
    expect(arm.baseline.find((f) => f.checkId === 'curl_pipe_shell')?.layerDigest).toBe(arm.image.layers[4]?.digest)
  })
})

describe('demo/legacy-api', () => {
  it('sees through USER ops to UID 0, and finds the MD5-crypt hash and the config password', () => {
    expect(brief(of('legacyApi').baseline)).toEqual([
      ['extra_root_account', 'High', 'etc/passwd', 2, 'etc/passwd line 20: ops:x:0:0::/home/ops:/bin/sh'],
      ['run_as_root', 'High', null, 2, 'USER ops: /etc/passwd gives "ops" UID 0'],
      ['secret_in_file', 'High', 'srv/api/config.yml', 3, 'srv/api/config.yml: line 5: password: Wi*******9! (password)'],
      ['weak_pwd_hash', 'Medium', 'etc/shadow', 2, 'etc/shadow line 20: account "ops" uses MD5-crypt ($1$…)'],
      ['setuid_file', 'Low', 'usr/bin/mount', 0, 'usr/bin/mount: setuid, mode 4755, owner 0:0 (distribution program)'],
      ['setuid_file', 'Low', 'usr/bin/passwd', 0, 'usr/bin/passwd: setuid, mode 4755, owner 0:0 (distribution program)'],
      ['setuid_file', 'Low', 'usr/bin/su', 0, 'usr/bin/su: setuid, mode 4755, owner 0:0 (distribution program)'],
    ])
    expect(of('legacyApi').malicious).toEqual([])
  })
})

describe('demo/alpine-base', () => {
  it('is clean: non-root USER, a HEALTHCHECK, no secrets, no risky files', () => {
    expect(of('alpineBase').baseline).toEqual([])
    expect(of('alpineBase').malicious).toEqual([])
  })
})

describe('demo/shop-app', () => {
  it('has the planted configuration and file risks; the config hidden by the opaque directory is not reported', () => {
    expect(brief(of('shopApp').baseline)).toEqual([
      ['ak_leak', 'High', 'app/.env', 6, 'app/.env: line 6: ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI***************ey00 (Alibaba Cloud AccessKey ID)'],
      ['run_as_root', 'High', null, null, 'USER is not set: the container runs as root'],
      ['secret_in_env', 'High', null, null, 'ENV GITHUB_TOKEN=ghp_****************89ab (GitHub token)'],
      [
        'secret_in_file',
        'High',
        'app/.env',
        6,
        'app/.env: line 2: DATABASE_URL=postgres://shop:Sup*************0rd@db.internal:5432/shop (password in a URL); line 3: JWT_SECRET=4f1c****************5a69 (JWT_SECRET); line 4: AWS_ACCESS_KEY_ID=AKIA************MPLE (AWS access key ID); line 5: AWS_SECRET_ACCESS_KEY=wJal****************EKEY (AWS secret access key)',
      ],
      ['add_remote_url', 'Medium', null, 7, 'ADD https://files.example.net/mon/config.json /tmp/ # buildkit'],
      ['env_file', 'Medium', 'app/.env', 6, 'app/.env (289 bytes)'],
      ['world_writable_dir', 'Medium', 'app/uploads', 6, 'app/uploads/: mode 0777 (no sticky bit), owner 0:0'],
      ['no_healthcheck', 'Low', null, null, 'no HEALTHCHECK in the image configuration'],
    ])
    expect(of('shopApp').baseline.some((f) => f.path === 'app/config/development.json')).toBe(false)
  })

  it('has the EICAR file, the PHP web shell and the miner configuration, with both digests', () => {
    const { malicious, image } = of('shopApp')
    expect(briefMalicious(malicious)).toEqual([
      ['app/public/shell.php', 'webshell', 'Layerscope.Php.Webshell.SystemGet-1', 'ndb', 'serious', 6, null],
      ['tmp/config.json', 'miner', 'Layerscope.Multios.Coinminer.StratumPoolUrl-1', 'ndb', 'serious', 7, null],
      ['app/uploads/eicar.com', 'test-file', 'Eicar-Test-Signature', 'hash', 'remind', 6, null],
    ])
    expect(malicious[2]).toMatchObject({ md5: '44d88612fea8a8f36de82e1278abb02f', sha256: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f', size: 68, layerDigest: image.layers[6]?.digest })
    expect(malicious[1]?.evidence).toContain('also ndb Layerscope.Multios.Coinminer.XmrigConfig-1, heuristic heuristic:miner')
    for (const m of malicious) expect(m.md5).toMatch(/^[0-9a-f]{32}$/)
  })
})

it('never shows a planted secret in any finding of any demo image', () => {
  const secrets = [AWS_EXAMPLE_ACCESS_KEY_ID, AWS_EXAMPLE_SECRET_ACCESS_KEY, DEMO_GITHUB_TOKEN, DEMO_ALIBABA_ACCESS_KEY_ID, 'Sup3rS3cretPassw0rd', '4f1c2e9b7a6d5c3b8e0f1a2d3c4b5a69', 'Winter2019!', 'admin123', '$1$l5demo$dvKmVqre3rwM4Mcgrl9p31']
  const findings = JSON.stringify(Object.values(results).map((r) => [r.baseline, r.malicious]))
  for (const s of secrets) expect(findings, s).not.toContain(s)
})
