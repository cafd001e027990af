import { describe, expect, it } from 'vitest'
import type { FileRecord } from '../layers/layer-result'
import type { FileIndex, MergedFile } from '../layers/squashed-tree'
import { capFindings, checkFileIndex, isKnownSetuid, MAX_FINDINGS_PER_CHECK } from './file-checks'

const DIGESTS = ['sha256:aaa', 'sha256:bbb', 'sha256:ccc']
const f = (path: string, mode = 0o644, extra: Partial<FileRecord> & { layer?: number } = {}): MergedFile => {
  const { layer = 0, ...rest } = extra
  return { path, type: 'file', size: 100, mode, layerIndex: layer, ...rest }
}
const d = (path: string, mode = 0o755, layer = 0): MergedFile => ({ path, type: 'dir', size: 0, mode, layerIndex: layer })
const index = (files: MergedFile[]): FileIndex => new Map(files.map((x) => [x.path, x]))
const check = (files: MergedFile[]) => checkFileIndex(index(files), DIGESTS)
const brief = (files: MergedFile[]) => check(files).map((x) => [x.checkId, x.level, x.path])

describe('setuid and setgid files', () => {
  it('reports distribution programs as Low and anything else as High, with mode, owner and layer', () => {
    const found = check([f('usr/bin/passwd', 0o4755), f('usr/bin/chage', 0o2755, { gid: 42 }), f('usr/lib/openssh/ssh-keysign', 0o4755), f('usr/local/bin/helper', 0o4755, { layer: 2 }), f('app/passwd', 0o4755), f('usr/bin/ls', 0o755)])
    expect(found.map((x) => [x.checkId, x.level, x.path, x.layerIndex, x.layerDigest])).toEqual([
      ['setuid_file', 'High', 'app/passwd', 0, 'sha256:aaa'],
      ['setuid_file', 'High', 'usr/local/bin/helper', 2, 'sha256:ccc'],
      ['setuid_file', 'Low', 'usr/bin/chage', 0, 'sha256:aaa'],
      ['setuid_file', 'Low', 'usr/bin/passwd', 0, 'sha256:aaa'],
      ['setuid_file', 'Low', 'usr/lib/openssh/ssh-keysign', 0, 'sha256:aaa'],
    ])
    expect(found[1]?.evidence).toBe('usr/local/bin/helper: setuid, mode 4755, owner 0:0')
    expect(found[2]?.evidence).toBe('usr/bin/chage: setgid, mode 2755, owner 0:42 (distribution program)')
  })

  it('accepts known names only in system directories, and ignores directories with the setgid bit', () => {
    expect(isKnownSetuid('bin/su')).toBe(true)
    expect(isKnownSetuid('usr/sbin/unix_chkpwd')).toBe(true)
    expect(isKnownSetuid('tmp/su')).toBe(false)
    expect(check([d('var/mail', 0o2775)])).toEqual([])
  })
})

describe('world-writable files and directories', () => {
  it('flags files (High) and directories without the sticky bit (Medium), outside tmp dirs', () => {
    expect(brief([f('etc/nginx/conf.d/shared.conf', 0o666), d('app/uploads', 0o777), d('tmp', 0o1777), d('var/tmp', 0o1777), f('tmp/x', 0o666), d('srv/shared', 0o1777), d('tmp/cache', 0o777)])).toEqual([
      ['world_writable_file', 'High', 'etc/nginx/conf.d/shared.conf'],
      ['world_writable_dir', 'Medium', 'app/uploads'],
    ])
  })

  it('ignores symlinks, and reports devices and FIFOs outside /dev as Low', () => {
    expect(brief([{ path: 'bin', type: 'symlink', size: 0, mode: 0o777, linkTarget: 'usr/bin', layerIndex: 0 }, { path: 'dev/null', type: 'chardev', size: 0, mode: 0o666, layerIndex: 0 }, { path: 'run/app.fifo', type: 'fifo', size: 0, mode: 0o666, layerIndex: 0 }])).toEqual([['world_writable_special', 'Low', 'run/app.fifo']])
  })
})

describe('keys, credentials and caches by path', () => {
  it('flags baked SSH host keys and authorized_keys, not the public halves', () => {
    expect(brief([f('etc/ssh/ssh_host_ed25519_key', 0o600), f('etc/ssh/ssh_host_ed25519_key.pub'), f('etc/ssh/ssh_host_rsa_key', 0o600), f('root/.ssh/authorized_keys', 0o600), f('etc/ssh/moduli')])).toEqual([
      ['ssh_host_key', 'High', 'etc/ssh/ssh_host_ed25519_key'],
      ['ssh_host_key', 'High', 'etc/ssh/ssh_host_rsa_key'],
      ['ssh_authorized_keys', 'Medium', 'root/.ssh/authorized_keys'],
    ])
  })

  it('flags dotenv, credential and key-store files, not in packages, tests or examples', () => {
    expect(
      brief([
        f('app/.env'),
        f('app/.env.production'),
        f('app/.env.example'),
        f('root/.aws/credentials'),
        f('root/.docker/config.json'),
        f('home/dev/.git-credentials'),
        f('root/.netrc'),
        f('root/.pypirc'),
        f('app/.npmrc'),
        f('root/.kube/config'),
        f('app/certs/server.p12'),
        f('app/node_modules/dotenv/.env'),
        f('usr/lib/python3/dist-packages/x/.npmrc'),
        f('app/tests/fixtures/.env'),
      ]).sort(),
    ).toEqual(
      [
        ['env_file', 'Medium', 'app/.env'],
        ['env_file', 'Medium', 'app/.env.production'],
        ['credential_file', 'Medium', 'root/.aws/credentials'],
        ['credential_file', 'Medium', 'root/.docker/config.json'],
        ['credential_file', 'Medium', 'home/dev/.git-credentials'],
        ['credential_file', 'Medium', 'root/.netrc'],
        ['credential_file', 'Medium', 'root/.pypirc'],
        ['credential_file', 'Medium', 'app/.npmrc'],
        ['credential_file', 'Medium', 'root/.kube/config'],
        ['keystore_file', 'Medium', 'app/certs/server.p12'],
      ].sort(),
    )
  })

  it('groups package-manager caches per location, with a count, the size and the first paths', () => {
    const found = check([
      f('var/cache/apt/archives/openssh-client_1%3a8.9p1-3ubuntu0.4_amd64.deb', 0o644, { size: 1024, layer: 1 }),
      f('var/cache/apt/archives/openssh-server_1%3a8.9p1-3ubuntu0.4_amd64.deb', 0o644, { size: 2048, layer: 1 }),
      f('var/cache/apt/archives/lock', 0o640, { size: 0 }),
      f('var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_jammy_InRelease', 0o644, { size: 270_000 }),
      f('var/lib/apt/lists/lock', 0o640, { size: 0 }),
      f('var/cache/apk/APKINDEX.1.tar.gz', 0o644, { size: 600_000 }),
      f('root/.cache/pip/http/a/b/c', 0o600, { size: 10 }),
      f('root/.npm/_cacache/index-v5/aa/bb', 0o644, { size: 10 }),
    ])
    expect(found.map((x) => [x.checkId, x.level, x.path, x.layerIndex, x.evidence])).toEqual([
      ['package_manager_cache', 'Low', 'root/.cache/pip', 0, 'root/.cache/pip/: 1 file, 10 B (http/a/b/c)'],
      ['package_manager_cache', 'Low', 'root/.npm/_cacache', 0, 'root/.npm/_cacache/: 1 file, 10 B (index-v5/aa/bb)'],
      ['package_manager_cache', 'Low', 'var/cache/apk', 0, 'var/cache/apk/: 1 file, 585.9 KiB (APKINDEX.1.tar.gz)'],
      ['package_manager_cache', 'Low', 'var/cache/apt/archives', 1, 'var/cache/apt/archives/: 2 files, 3.0 KiB (openssh-client_1%3a8.9p1-3ubuntu0.4_amd64.deb, openssh-server_1%3a8.9p1-3ubuntu0.4_amd64.deb)'],
      ['package_manager_cache', 'Low', 'var/lib/apt/lists', 0, 'var/lib/apt/lists/: 1 file, 263.7 KiB (archive.ubuntu.com_ubuntu_dists_jammy_InRelease)'],
    ])
    expect(check([d('var/lib/apt/lists'), f('var/lib/apt/lists/lock', 0o640, { size: 0 }), d('var/cache/apt/archives/partial', 0o700)])).toEqual([])
  })
})

describe('bounded output', () => {
  it('caps each check, summing up the rest in one finding', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => f(`app/data/file${String(i).padStart(5, '0')}.json`, 0o666))
    const t = performance.now()
    const found = check(many)
    expect(performance.now() - t).toBeLessThan(5000)
    expect(found).toHaveLength(MAX_FINDINGS_PER_CHECK)
    const last = found[found.length - 1]
    expect(last).toMatchObject({ checkId: 'world_writable_file', level: 'High' })
    expect(last?.path).toBeUndefined()
    expect(last?.evidence).toBe('49976 more: app/data/file00024.json, app/data/file00025.json, app/data/file00026.json, app/data/file00027.json, app/data/file00028.json, …')
  })

  it('keeps the highest level among the summed-up findings', () => {
    const low = (i: number) => ({ checkId: 'setuid_file', category: '', title: '', level: 'Low' as const, description: '', evidence: String(i), remediation: '', path: `p${i}` })
    const list = [...Array.from({ length: 30 }, (_, i) => low(i)), { ...low(99), level: 'High' as const }]
    expect(capFindings(list, 5).map((x) => x.level)).toEqual(['Low', 'Low', 'Low', 'Low', 'High'])
  })
})
