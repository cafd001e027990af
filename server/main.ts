import { serve } from '@hono/node-server'
import { authSettings } from './auth/auth-settings'
import { boot } from './boot'
import { loadEnv, providerSettings, scanSettings, wireSettings } from './env'
import { createLogger } from './log'

/** `npm start`: one process serving the API and the SPA on one port. */
async function main() {
  const env = loadEnv()
  const log = createLogger(env.LOG_LEVEL)
  const started = Date.now()
  const auth = authSettings(env)
  const booted = await boot({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.dataDir,
    schema: env.DATABASE_SCHEMA,
    demo: env.DEMO,
    scans: scanSettings(env),
    staticDir: env.staticDir,
    security: { frameAncestors: env.EMBED_ALLOWED_ORIGINS },
    auth,
    credentialsKey: env.CREDENTIALS_KEY,
    wire: wireSettings(env),
    providers: providerSettings(env),
    log,
  })
  // Which doors are open, never what opens them: no secret is logged.
  log.info('sign-in', { mode: auth.mode, proxyHeader: auth.proxy?.userHeader ?? null, sessionCookieSameSite: auth.sameSite })
  const server = serve({ fetch: booted.app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    log.info('listening', { url: `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${info.port}`, database: booted.database.kind, ms: Date.now() - started })
  })
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('stopping', { signal })
    server.close()
    booted
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
