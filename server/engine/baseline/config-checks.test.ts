import { describe, expect, it } from 'vitest'
import type { ImageConfig } from '../acquire/image-source'
import { AWS_EXAMPLE_ACCESS_KEY_ID, AWS_EXAMPLE_SECRET_ACCESS_KEY, DEMO_ALIBABA_ACCESS_KEY_ID, DEMO_GITHUB_TOKEN } from '../../demo/images/fake-secrets'
import { checkImageConfig, checkUserAgainstAccounts, hasCommandWord, isRootUser, pipesDownloadIntoShell } from './config-checks'
import { checkPasswd } from './accounts'
import { guessBaseImageIndex, historySteps, parseCreatedBy } from './history'

type History = NonNullable<ImageConfig['history']>
const DIGESTS = ['sha256:' + '0'.repeat(64), 'sha256:' + '1'.repeat(64), 'sha256:' + '2'.repeat(64), 'sha256:' + '3'.repeat(64)]

/** A config as `docker buildx` writes it for `FROM debian:12` plus the given steps. */
function config(c: NonNullable<ImageConfig['config']>, steps: History = [], layerCount?: number): { config: ImageConfig; layers: { digest: string }[] } {
  const history: History = [
    { created: '2024-06-12T00:00:00Z', created_by: '/bin/sh -c #(nop) ADD file:5d6b639e8b6bcc01 in / ' },
    { created: '2024-06-12T00:00:00Z', created_by: '/bin/sh -c #(nop)  CMD ["bash"]', empty_layer: true },
    ...steps,
  ]
  const n = layerCount ?? history.filter((h) => !h.empty_layer).length
  return {
    config: { architecture: 'amd64', os: 'linux', config: c, rootfs: { type: 'layers', diff_ids: DIGESTS.slice(0, n) }, history },
    layers: DIGESTS.slice(0, n).map((digest) => ({ digest })),
  }
}
const bk = (createdBy: string, empty = false) => ({ created: '2024-07-01T00:00:00Z', created_by: createdBy, comment: 'buildkit.dockerfile.v0', ...(empty ? { empty_layer: true } : {}) })
const run = (c: ReturnType<typeof config>) => checkImageConfig(c.config, c.layers)
const ids = (fs: { checkId: string }[]) => fs.map((f) => f.checkId)
const HEALTHY = { Healthcheck: { Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] }, User: 'app' }

describe('history', () => {
  it('reads legacy and BuildKit created_by lines as instructions', () => {
    expect(parseCreatedBy('/bin/sh -c #(nop)  CMD ["/bin/sh"]')).toEqual({ instruction: 'CMD', args: '["/bin/sh"]' })
    expect(parseCreatedBy('/bin/sh -c #(nop) ADD file:abc in / ')).toEqual({ instruction: 'ADD', args: 'file:abc in /' })
    expect(parseCreatedBy('/bin/sh -c apt-get update')).toEqual({ instruction: 'RUN', args: 'apt-get update' })
    expect(parseCreatedBy('RUN /bin/sh -c apk add --no-cache curl # buildkit')).toEqual({ instruction: 'RUN', args: 'apk add --no-cache curl' })
    expect(parseCreatedBy('|2 NPM_TOKEN=abc VERSION=1 /bin/sh -c npm ci')).toEqual({ instruction: 'RUN', args: '|2 NPM_TOKEN=abc VERSION=1 /bin/sh -c npm ci' })
    expect(parseCreatedBy('ADD https://example.org/x.tgz /tmp/ # buildkit')).toEqual({ instruction: 'ADD', args: 'https://example.org/x.tgz /tmp/' })
    expect(parseCreatedBy('WORKDIR /app')).toEqual({ instruction: 'WORKDIR', args: '/app' })
    expect(parseCreatedBy('something odd')).toEqual({ instruction: '', args: 'something odd' })
  })

  it('finds where the base image ends (Trivy GuessBaseImageIndex)', () => {
    const c = config({}, [bk('RUN /bin/sh -c make # buildkit'), bk('CMD ["/app"]', true)])
    expect(guessBaseImageIndex(c.config.history ?? [])).toBe(1)
    expect(guessBaseImageIndex([{ created_by: '/bin/sh -c #(nop) ADD file:x in /' }])).toBe(-1)
  })

  it('maps non-empty entries to layers bottom up, and gives empty ones none', () => {
    const c = config({}, [bk('ENV A=1', true), bk('RUN /bin/sh -c make # buildkit'), bk('COPY . /app # buildkit')])
    expect(historySteps(c.config, c.layers).map((s) => [s.instruction, s.layerIndex, s.inBaseImage])).toEqual([
      ['ADD', 0, true],
      ['CMD', undefined, true],
      ['ENV', undefined, false],
      ['RUN', 1, false],
      ['COPY', 2, false],
    ])
    // A history naming more layers than there are: the extra entries get none.
    const short = config({}, [bk('RUN /bin/sh -c a # buildkit'), bk('RUN /bin/sh -c b # buildkit')], 2)
    expect(historySteps(short.config, short.layers).map((s) => s.layerIndex)).toEqual([0, undefined, 1, undefined])
  })

  it('falls back to the layers’ createdBy when the config has no history', () => {
    const steps = historySteps({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }, [{ createdBy: 'RUN /bin/sh -c curl -s https://x.example | sh # buildkit' }])
    expect(steps).toMatchObject([{ instruction: 'RUN', layerIndex: 0, inBaseImage: false }])
  })
})

describe('USER, HEALTHCHECK, EXPOSE, WORKDIR', () => {
  it('flags no USER, root, 0 and root:group, but not other users', () => {
    expect(['', 'root', '0', 'root:root', '0:0'].map(isRootUser)).toEqual([true, true, true, true, true])
    expect(['app', '1000', '1000:1000', 'nobody', 'rooter'].map(isRootUser)).toEqual([false, false, false, false, false])
    const c = config({ User: 'root', Healthcheck: HEALTHY.Healthcheck }, [bk('USER root', true)])
    expect(run(c)).toEqual([expect.objectContaining({ checkId: 'run_as_root', level: 'High', evidence: 'USER root', category: 'Image configuration' })])
    expect(run(c)[0]).not.toHaveProperty('layerIndex')
    expect(run(config({ Healthcheck: HEALTHY.Healthcheck }))[0]?.evidence).toBe('USER is not set: the container runs as root')
  })

  it('flags a USER that /etc/passwd makes UID 0', () => {
    const passwd = checkPasswd('etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nops:x:0:0::/home/ops:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n').map((f) => ({ ...f, layerIndex: 2, layerDigest: DIGESTS[2] }))
    const c = config({ ...HEALTHY, User: 'ops' })
    expect(checkUserAgainstAccounts(c.config, passwd)).toEqual([expect.objectContaining({ checkId: 'run_as_root', level: 'High', evidence: 'USER ops: /etc/passwd gives "ops" UID 0', layerIndex: 2, layerDigest: DIGESTS[2] })])
    expect(checkUserAgainstAccounts(config({ User: 'app' }).config, passwd)).toEqual([])
    expect(checkUserAgainstAccounts(config({ User: 'root' }).config, passwd)).toEqual([])
    expect(checkUserAgainstAccounts(config({ User: '1000' }).config, passwd)).toEqual([])
  })

  it('flags a missing or disabled HEALTHCHECK', () => {
    expect(ids(run(config({ User: 'app' })))).toEqual(['no_healthcheck'])
    expect(run(config({ User: 'app', Healthcheck: { Test: ['NONE'] } }))[0]).toMatchObject({ checkId: 'no_healthcheck', level: 'Low', evidence: 'HEALTHCHECK NONE' })
    expect(run(config(HEALTHY))).toEqual([])
  })

  it('flags ports 22 and 23 and impossible ports, not others', () => {
    const found = run(config({ ...HEALTHY, ExposedPorts: { '22/tcp': {}, '23/tcp': {}, '80/tcp': {}, '70000/tcp': {}, '22/udp': {} } }))
    expect(found.map((f) => [f.checkId, f.level, f.evidence])).toEqual([
      ['telnet_port_exposed', 'High', 'EXPOSE 23/tcp'],
      ['invalid_port', 'Medium', 'EXPOSE 70000/tcp'],
      ['ssh_port_exposed', 'Medium', 'EXPOSE 22/tcp'],
    ])
  })

  it('flags a WORKDIR among system directories, not / or an app directory', () => {
    expect(run(config({ ...HEALTHY, WorkingDir: '/usr/bin/' }, [bk('WORKDIR /usr/bin', true)]))).toEqual([expect.objectContaining({ checkId: 'workdir_system_dir', evidence: 'WORKDIR /usr/bin' })])
    for (const dir of ['/', '/app', '/srv/api', '/root', '/home/app', '']) expect(run(config({ ...HEALTHY, WorkingDir: dir })), dir).toEqual([])
  })
})

describe('secrets in the configuration', () => {
  const env = [
    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    `AWS_ACCESS_KEY_ID=${AWS_EXAMPLE_ACCESS_KEY_ID}`,
    `AWS_SECRET_ACCESS_KEY=${AWS_EXAMPLE_SECRET_ACCESS_KEY}`,
    `GITHUB_TOKEN=${DEMO_GITHUB_TOKEN}`,
    `ALIBABA_CLOUD_ACCESS_KEY_ID=${DEMO_ALIBABA_ACCESS_KEY_ID}`,
    'POSTGRES_PASSWORD=Winter2019!',
    'POSTGRES_PASSWORD_FILE=/run/secrets/pg',
    'DATABASE_URL=postgres://app:hunter2hunter2@db:5432/app',
    'API_TOKEN=',
    'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
    'PYTHON_SHA256=3e8d2ea1e6e2c7a4',
  ]
  const secrets = [AWS_EXAMPLE_ACCESS_KEY_ID, AWS_EXAMPLE_SECRET_ACCESS_KEY, DEMO_GITHUB_TOKEN, DEMO_ALIBABA_ACCESS_KEY_ID, 'Winter2019!', 'hunter2hunter2']

  it('reports each secret ENV once, Alibaba keys as ak_leak, every value masked', () => {
    const found = run(config({ ...HEALTHY, Env: env }, [bk(`ENV AWS_ACCESS_KEY_ID=${AWS_EXAMPLE_ACCESS_KEY_ID} AWS_SECRET_ACCESS_KEY=${AWS_EXAMPLE_SECRET_ACCESS_KEY} GITHUB_TOKEN=${DEMO_GITHUB_TOKEN}`, true)]))
    expect(found.map((f) => [f.checkId, f.evidence])).toEqual([
      ['ak_leak', 'ENV ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI***************ey00 (Alibaba Cloud AccessKey ID)'],
      ['secret_in_env', 'ENV AWS_ACCESS_KEY_ID=AKIA************MPLE (AWS access key ID)'],
      ['secret_in_env', 'ENV AWS_SECRET_ACCESS_KEY=wJal****************EKEY (secret-named variable)'],
      ['secret_in_env', 'ENV DATABASE_URL=postgres://app:hu**********r2@db:5432/app (password in a URL)'],
      ['secret_in_env', 'ENV GITHUB_TOKEN=ghp_****************89ab (GitHub token)'],
      ['secret_in_env', 'ENV POSTGRES_PASSWORD=Wi*******9! (secret-named variable)'],
    ])
    const json = JSON.stringify(found)
    for (const s of secrets) expect(json).not.toContain(s)
  })

  it('reports secrets in labels, the command and in build arguments of the history, masked', () => {
    const c = config({ ...HEALTHY, Labels: { 'com.example.deploy-token': 'dpl_0123456789abcdef', maintainer: 'ops@example.com' }, Cmd: ['sh', '-c', `exec app --token ${DEMO_GITHUB_TOKEN}`] }, [bk(`RUN |1 NPM_TOKEN=npm_${'Z'.repeat(36)} /bin/sh -c npm ci # buildkit`)])
    const found = run(c)
    expect(found.map((f) => [f.checkId, f.layerIndex])).toEqual([
      ['secret_in_config', undefined],
      ['secret_in_config', undefined],
      ['secret_in_history', 1],
    ])
    expect(found[2]?.layerDigest).toBe(DIGESTS[1])
    const json = JSON.stringify(found)
    for (const s of ['dpl_0123456789abcdef', DEMO_GITHUB_TOKEN, `npm_${'Z'.repeat(36)}`]) expect(json).not.toContain(s)
  })

  it('ignores secrets in the base image’s history', () => {
    const c = config(HEALTHY, [bk('COPY . /app # buildkit')])
    c.config.history?.splice(1, 0, { created_by: `/bin/sh -c #(nop)  ENV TOKEN=${DEMO_GITHUB_TOKEN}`, empty_layer: true })
    expect(run(c)).toEqual([])
  })
})

describe('build steps', () => {
  it('flags curl | sh with the layer it made, evidence masked', () => {
    const c = config(HEALTHY, [bk('COPY . /app # buildkit'), bk(`RUN /bin/sh -c curl -fsSL -H "Authorization: token ${DEMO_GITHUB_TOKEN}" https://get.example.com/install.sh | sh # buildkit`)])
    const [f] = run(c)
    expect(f).toMatchObject({ checkId: 'curl_pipe_shell', level: 'High', layerIndex: 2, layerDigest: DIGESTS[2] })
    expect(f?.evidence).toContain('| sh')
    expect(JSON.stringify(run(c))).not.toContain(DEMO_GITHUB_TOKEN)
  })

  it('knows the shapes of download-and-run', () => {
    for (const cmd of ['curl -fsSL https://x.example/i.sh | sh', 'wget -qO- https://x.example/i | bash -s -- --yes', 'curl https://x.example | sudo -E bash', 'sh -c "$(curl -fsSL https://x.example/install.sh)"', 'bash <(curl -s https://x.example/i.sh)', 'apt-get update && curl -s https://x | /bin/bash'])
      expect(pipesDownloadIntoShell(cmd), cmd).toBe(true)
    for (const cmd of ['curl -fsSL https://x.example/key.gpg | gpg --dearmor -o /usr/share/keyrings/x.gpg', 'curl -o app.tgz https://x && tar xzf app.tgz', 'wget https://x.example/a.sh && sha256sum -c a.sh.sha256 && sh a.sh', 'curl -s https://x || sh fallback.sh', 'echo curling | sh', 'libcurl-dev'])
      expect(pipesDownloadIntoShell(cmd), cmd).toBe(false)
  })

  it('flags sudo as a command, not as part of a word', () => {
    expect(hasCommandWord('apt-get update && sudo apt-get install -y x', 'sudo')).toBe(true)
    expect(hasCommandWord('apt-get install -y sudo', 'sudo')).toBe(false)
    expect(hasCommandWord('echo pseudo', 'sudo')).toBe(false)
    const found = run(config(HEALTHY, [bk('RUN /bin/sh -c sudo make install # buildkit')]))
    expect(found).toEqual([expect.objectContaining({ checkId: 'sudo_in_run', layerIndex: 1 })])
  })

  it('flags ADD from a URL unless a checksum pins it', () => {
    const found = run(config(HEALTHY, [bk('ADD https://files.example.net/mon/config.json /tmp/ # buildkit'), bk('ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.org/x.tgz / # buildkit'), bk('ADD app.tgz /app # buildkit')]))
    expect(found).toEqual([expect.objectContaining({ checkId: 'add_remote_url', level: 'Medium', evidence: 'ADD https://files.example.net/mon/config.json /tmp/ # buildkit', layerIndex: 1 })])
  })

  it('survives a huge history line', () => {
    const huge = `RUN /bin/sh -c curl -s https://x.example/i | sh && ${'curl sudo wget | '.repeat(100_000)} # buildkit`
    const t = performance.now()
    const found = run(config(HEALTHY, [bk(huge)]))
    expect(performance.now() - t).toBeLessThan(3000)
    expect(found[0]?.evidence.length).toBeLessThanOrEqual(601)
  })
})
