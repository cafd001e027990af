import { bootWorker } from './boot'
import { loadEnv, providerSettings, scanSettings } from './env'
import { createLogger } from './log'

/**
 * `npm run worker`: scan workers and no HTTP server, against the same DATABASE_URL as the
 * API (run as many as you like, on any machine). SIGTERM/SIGINT give running scans back
 * to the queue; a worker killed outright loses its tasks to the others when their lease
 * expires (SCAN_LEASE_SECONDS). PGlite serves one process: use PostgreSQL for this.
 */
async function main() {
  const env = loadEnv()
  const log = createLogger(env.LOG_LEVEL, { role: 'worker' })
  if (!env.DATABASE_URL) log.warn('no DATABASE_URL: this worker opens the PGlite database in DATA_DIR, which the server cannot share while it runs')
  const settings = scanSettings(env)
  if (settings.concurrency < 1) throw new Error('SCAN_WORKERS is 0: this worker would do nothing.')
  const worker = await bootWorker({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir, schema: env.DATABASE_SCHEMA, credentialsKey: env.CREDENTIALS_KEY, providers: providerSettings(env), log, scans: settings })
  log.info('worker ready', { worker: worker.workers.name, database: worker.database.kind, concurrency: settings.concurrency })
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('stopping', { signal, running: worker.workers.activeTasks() })
    worker
      .close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log.error('shutdown failed', { err })
        process.exit(1)
      })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
