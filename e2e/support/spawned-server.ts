import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import { expect } from '@playwright/test'

export interface SpawnedServerOptions {
  /** Names the data directory: `.tmp/e2e-<name>-<port>`. */
  name: string
  /** Ports above E2E_PORT, so the file's server meets neither the shared one nor another file's. */
  portOffset: number
  /** Settings beyond port, host, data directory, log level and the built SPA. */
  env?: Record<string, string>
  /**
   * Load support/shifted-clock.ts into the server, so the test can move the server's
   * wall clock (`setClockOffset`) without a hook in the product.
   */
  shiftedClock?: boolean
  /** How long the server may take to answer /api/healthz. */
  readyTimeoutMs?: number
}

export interface SpawnedServer {
  origin: string
  /** The server's environment, for a CLI that must work on the same data (e.g. `npm run token`). */
  env: NodeJS.ProcessEnv
  /**
   * Starts on a fresh data directory and waits until the server answers. `seed` runs on that
   * directory before the server opens it: PGlite serves one process at a time.
   */
  start(opts?: { seed?: () => Promise<void> }): Promise<void>
  /** Moves the server's wall clock this far from real time (needs `shiftedClock`). */
  setClockOffset(ms: number): Promise<void>
  /** Stops the server (if it ever started) and removes its files. */
  stop(): Promise<void>
}

/**
 * A server of this checkout of its own, for a spec that needs settings the shared
 * server (playwright.config.ts) cannot have, e.g. sign-in required.
 *
 * @example
 * const server = spawnedServer({ name: 'auth', portOffset: 2000, env: { AUTH_MODE: 'required' } })
 * test.beforeAll(() => server.start())
 * test.afterAll(() => server.stop())
 */
export function spawnedServer(opts: SpawnedServerOptions): SpawnedServer {
  const port = Number(process.env.E2E_PORT ?? 8097) + opts.portOffset
  const origin = `http://127.0.0.1:${port}`
  const dataDir = `.tmp/e2e-${opts.name}-${port}`
  const clockFile = opts.shiftedClock ? `${dataDir}.clock` : undefined
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...(process.env.E2E_DIST ? { STATIC_DIR: process.env.E2E_DIST } : {}),
    ...(clockFile ? { CLOCK_OFFSET_FILE: clockFile } : {}),
    ...opts.env,
  }
  const preload = clockFile ? ['--import', './e2e/support/shifted-clock.ts'] : []
  let child: ChildProcess | undefined

  return {
    origin,
    env,
    async start({ seed } = {}) {
      await fs.rm(dataDir, { recursive: true, force: true })
      if (clockFile) {
        await fs.mkdir('.tmp', { recursive: true })
        await fs.writeFile(clockFile, '0')
      }
      await seed?.()
      child = spawn('node', ['--import', 'tsx', ...preload, 'server/main.ts'], { env, stdio: 'inherit' })
      await expect
        .poll(() => answersHealthCheck(origin), {
          message: `the server on ${origin} answers`,
          timeout: opts.readyTimeoutMs ?? 60_000,
        })
        .toBe(true)
    },
    async setClockOffset(ms) {
      if (!clockFile) throw new Error(`${opts.name}: the server was started without shiftedClock`)
      await fs.writeFile(clockFile, String(ms))
    },
    async stop() {
      const running = child
      if (running && running.exitCode === null && running.signalCode === null) {
        const exited = new Promise((r) => running.once('exit', r))
        running.kill('SIGTERM')
        await exited
      }
      await fs.rm(dataDir, { recursive: true, force: true })
      if (clockFile) await fs.rm(clockFile, { force: true })
    },
  }
}

/** False while the server is still starting (the connection is refused). */
async function answersHealthCheck(origin: string): Promise<boolean> {
  try {
    return (await fetch(`${origin}/api/healthz`)).ok
  } catch {
    return false
  }
}
