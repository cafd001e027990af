import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import bcrypt from 'bcryptjs'

export const DOCKER_REGISTRY_BIN = '/usr/bin/docker-registry'

export interface RunningRegistry {
  url: string
  port: number
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const srv = net.createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const { port } = srv.address() as net.AddressInfo
  await new Promise((r) => srv.close(r))
  return port
}

/**
 * Starts Debian's CNCF distribution registry on 127.0.0.1 with a config written here
 * (filesystem storage in a temp dir; htpasswd basic auth when a user is given; any
 * `extraConfig` YAML, such as a notifications section, appended). Tests
 * use it as the real thing to push to and browse; it is killed by `stop()`.
 */
export async function startDockerRegistry(opts: { user?: { name: string; password: string }; extraConfig?: string } = {}): Promise<RunningRegistry> {
  await fs.access(DOCKER_REGISTRY_BIN).catch(() => {
    throw new Error(`${DOCKER_REGISTRY_BIN} is missing: install Debian's docker-registry package.`)
  })
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-registry-'))
  const port = await freePort()
  const auth = opts.user
    ? `auth:\n  htpasswd:\n    realm: layerscope-test\n    path: ${path.join(dir, 'htpasswd')}\n`
    : ''
  if (opts.user) await fs.writeFile(path.join(dir, 'htpasswd'), `${opts.user.name}:${bcrypt.hashSync(opts.user.password, 8)}\n`)
  const config = `version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: ${path.join(dir, 'data')}
  delete:
    enabled: true
http:
  addr: 127.0.0.1:${port}
  secret: layerscope-test-secret
${auth}${opts.extraConfig ?? ''}`
  await fs.writeFile(path.join(dir, 'config.yml'), config)
  const child: ChildProcess = spawn(DOCKER_REGISTRY_BIN, ['serve', path.join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 15_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr}`)
    const ok = await fetch(`${url}/v2/`).then(
      (r) => r.status === 200 || r.status === 401,
      () => false,
    )
    if (ok) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`docker-registry did not start: ${stderr}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      await fs.rm(dir, { recursive: true, force: true })
    },
  }
}
