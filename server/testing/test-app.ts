import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { z } from 'zod'
import type { OperationName, Operations } from '@contract/operations'
import { operations } from '@contract/operations'
import { boot, type Booted, type ScanSettings } from '../boot'
import type { SecurityHeaderOptions } from '../http/security-headers'
import { createLogger } from '../log'
import { pgliteTemplate } from './pglite-template'

/** The repo's own signature lists, as `npm start` uses them by default. */
const REPO_SIGNATURES = fileURLToPath(new URL('../../signatures', import.meta.url))

/** Scan workers in tests: quick to pick work up and to notice a dead worker. */
export const TEST_SCAN_SETTINGS: ScanSettings = { concurrency: 2, pollMs: 100, leaseMs: 3_000, retryBaseMs: 200, retryMaxMs: 1_000, maxAttempts: 5 }

export interface TestAppOptions {
  demo?: boolean
  scans?: ScanSettings
  /** Keep the database on disk (PGlite in the data dir), so a second app can boot on it. */
  persistent?: boolean
  /** Boot on the database of an app closed with `keepDatabase` (a restart). */
  reuse?: TestDatabase
  /** Serve the built SPA from this directory. */
  staticDir?: string
  /** Security header settings (EMBED_ALLOWED_ORIGINS); default `'self'`. */
  security?: SecurityHeaderOptions
}

/** Where a test app's database lives, to boot another app on the same one. */
export interface TestDatabase {
  dataDir: string
  schema: string | undefined
  persistent: boolean
}

/** The PostgreSQL the API tests run against in the PostgreSQL pass, else undefined (PGlite). */
export function testDatabaseUrl(): string | undefined {
  // eslint-disable-next-line no-restricted-properties -- test harness picks the database pass
  return process.env.TEST_DATABASE_URL || undefined
}

/**
 * Boots the real app against a real database for API tests: a fresh in-memory PGlite,
 * or, when TEST_DATABASE_URL is set (the PostgreSQL pass), a fresh schema in that server.
 */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = testDatabaseUrl()
  const dataDir = opts.reuse?.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-test-')))
  const schema = opts.reuse ? opts.reuse.schema : databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined
  const persistent = opts.reuse?.persistent ?? opts.persistent ?? false
  // A fresh PGlite starts from a migrated template; a restart reopens its own, and a demo
  // install must see its first migration to create the demo.
  const template = !databaseUrl && !opts.reuse && !opts.demo ? await pgliteTemplate() : undefined
  const booted = await boot({
    databaseUrl,
    pgliteTemplate: template,
    // PGlite in memory unless the demo needs the data dir for its images, or the test a restart.
    dataDir: opts.demo || persistent ? dataDir : undefined,
    schema,
    demo: opts.demo ?? false,
    staticDir: opts.staticDir,
    security: opts.security,
    log: createLogger('silent'),
    scans: { cacheDir: path.join(dataDir, 'cache', `layers-${randomBytes(3).toString('hex')}`), malware: { signaturesDir: REPO_SIGNATURES }, ...TEST_SCAN_SETTINGS, ...opts.scans },
  })
  if (opts.demo) await booted.sync.idle()
  return new TestApp(booted, { dataDir, schema, persistent }, databaseUrl ? 'postgres' : 'pglite')
}

export interface CallResult<T> {
  status: number
  body: T
  headers: Headers
}

export class TestApp {
  readonly dataDir: string
  constructor(
    readonly booted: Booted,
    readonly database: TestDatabase,
    readonly dbKind: 'pglite' | 'postgres',
  ) {
    this.dataDir = database.dataDir
  }

  get db() {
    return this.booted.database.db
  }

  /** Calls an operation the way any HTTP client would: GET query string or POST JSON. */
  async call<N extends OperationName>(name: N, input: Record<string, unknown>): Promise<CallResult<z.output<Operations[N]['output']> & Record<string, unknown>>> {
    const op = operations[name]
    let res: Response
    if (op.method === 'GET') {
      const qs = new URLSearchParams()
      for (const [k, v] of Object.entries(input)) {
        if (v === undefined) continue
        for (const item of Array.isArray(v) ? v : [v]) qs.append(k, String(item))
      }
      res = await this.booted.app.request(`/api/v1/${name}?${qs.toString()}`)
    } else {
      res = await this.booted.app.request(`/api/v1/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })
    }
    return { status: res.status, body: (await res.json()) as never, headers: res.headers }
  }

  request(url: string, init?: RequestInit) {
    return this.booted.app.request(url, init)
  }

  /**
   * Stops the app. `keepDatabase` leaves the database (and data dir) for a restart;
   * `abandon` leaves running scans SCANNING until their lease expires, as a crash would.
   */
  async close(opts: { keepDatabase?: boolean; abandon?: boolean } = {}) {
    await this.booted.close({ abandon: opts.abandon ?? false })
    if (!opts.keepDatabase) await fs.rm(this.dataDir, { recursive: true, force: true })
  }
}
