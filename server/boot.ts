import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { createApp, type AppDeps } from './app'
import type { AuthSettings } from './auth/auth-settings'
import { openDatabase, type DatabaseHandle } from './db/database'
import { migrateToLatest } from './db/migrate'
import { createDemoInstance, DEMO_INSTANCE_ID } from './demo/demo-instance'
import { createMemoryLayerCache, openFileLayerCache, type LayerCache } from './engine/layers/layer-cache'
import { bindCredentialCipher, createCredentialCipher, encryptStoredPasswords, loadCredentialsKey } from './instances/credentials-crypto'
import { bindProviders, createProviderRegistry, type ProviderRegistryOptions } from './providers/provider-registry'
import { getInstance } from './instances/instance-store'
import { InstanceService } from './instances/instance-service'
import { SyncRunner } from './instances/sync-runner'
import type { SecurityHeaderOptions } from './http/security-headers'
import type { Logger } from './log'
import { seedDemoScans } from './scans/demo-scans'
import { ScanTaskService } from './scans/scan-service'
import { DEFAULT_SCAN_WORKER_OPTIONS, ScanWorkers, type ScanWorkerOptions } from './scans/scan-workers'
import { ExceptionSweeper } from './exceptions/exception-sweep'
import { AdvisoryRescans } from './triggers/advisory-rescans'
import { InstancePoller } from './triggers/instance-poller'

export interface ScanSettings extends Partial<ScanWorkerOptions> {
  maxAttempts?: number
  /** Layer cache directory; default DATA_DIR/cache/layers, or in memory without a data directory. */
  cacheDir?: string
  /** How often the poller looks for due instances, and the advisory store for a new import; default 15 s, 0: never (tests tick by hand). */
  triggerCheckMs?: number
}

export interface BootOptions {
  databaseUrl?: string | undefined
  /** PGlite data lives in dataDir/pg; demo images in dataDir/demo-images. Omitted: in-memory PGlite. */
  dataDir?: string | undefined
  /** PostgreSQL schema to use (test isolation, or DATABASE_SCHEMA). */
  schema?: string | undefined
  /**
   * A fresh PGlite starts from this dump of an already migrated database instead of running
   * initdb (tests, see server/testing/pglite-template.ts). Not for a demo install: the demo
   * is created on a database's first migration.
   */
  pgliteTemplate?: Blob | undefined
  demo: boolean
  staticDir?: string | undefined
  security?: SecurityHeaderOptions | undefined
  /** Keys and tokens of the ACR and StackRox wire endpoints (server/wire/). */
  wire?: AppDeps['wire'] | undefined
  /** Sign-in settings; default off (loopback). */
  auth?: AuthSettings | undefined
  /** CREDENTIALS_KEY; without it, DATA_DIR's key file (or a per-process key for an in-memory database). */
  credentialsKey?: Buffer | undefined
  /** ACR and StackRox provider settings (providerSettings(env)); default: no AccessKey from the environment. */
  providers?: ProviderRegistryOptions | undefined
  log: Logger
  scans?: ScanSettings | undefined
}

export interface Booted {
  app: ReturnType<typeof createApp>
  database: DatabaseHandle
  instances: InstanceService
  sync: SyncRunner
  scans: ScanTaskService
  workers: ScanWorkers
  /** Re-syncs instances with a poll interval and scans their new and moved tags (AUTO rules). */
  poller: InstancePoller
  /** Rescans tags of opted-in rules when the advisory store changes. */
  advisoryRescans: AdvisoryRescans
  /** Expires approved deferrals whose end passed, and reopens "until fixed" ones once a fix is known. */
  exceptionSweeper: ExceptionSweeper
  /** Resolves when the demo's first scans are queued (at once when there is nothing to seed). */
  seeded: Promise<void>
  /** `abandon` leaves running scans to their lease, as a crash would (tests). */
  close(opts?: { abandon?: boolean }): Promise<void>
}

const DEFAULT_MAX_ATTEMPTS = 5
const DEFAULT_TRIGGER_CHECK_MS = 15_000

/** Opens the database, migrates it, wires the services, starts the scan workers and builds the app. */
export async function boot(opts: BootOptions): Promise<Booted> {
  if (opts.pgliteTemplate && opts.demo) throw new Error('A demo install cannot start from a PGlite template')
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, schema: opts.schema, pgliteTemplate: opts.pgliteTemplate })
  const applied = await migrateToLatest(database.db, { schema: opts.schema })
  if (applied.length) opts.log.info('database migrated', { kind: database.kind, applied })
  await prepareCredentials(database, opts)
  const sync = new SyncRunner(database.db, opts.log)
  const instances = new InstanceService(database.db, sync)
  const workers = new ScanWorkers(database.db, opts.log, await layerCache(opts), { ...DEFAULT_SCAN_WORKER_OPTIONS, ...opts.scans })
  const scans = new ScanTaskService(database.db, { maxAttempts: opts.scans?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, onQueued: () => workers.wake() })
  // A database that just got its first migration is a fresh install.
  if (opts.demo && opts.dataDir && applied.includes('0001-browse')) {
    await createDemoInstance({ db: database.db, instances, dataDir: opts.dataDir, log: opts.log })
  }
  // Fresh (or just given scans): advisories and the demo's first scans, in the background
  // so the server answers at once; the pages show the scans as they complete.
  let seeded: Promise<void> = Promise.resolve()
  if (opts.demo && applied.includes('0003-scans') && (await demoInstanceExists(database))) {
    seeded = seedDemoScans({ db: database.db, sync, scans, log: opts.log }).catch((err: unknown) => opts.log.error('demo scans could not be queued', { err }))
  }
  workers.start()
  const triggerCheck = { tickMs: opts.scans?.triggerCheckMs ?? DEFAULT_TRIGGER_CHECK_MS }
  const poller = new InstancePoller(database.db, sync, scans, opts.log, triggerCheck)
  const advisoryRescans = new AdvisoryRescans(database.db, scans, opts.log, triggerCheck)
  // Same tick as the other background checks: an ended deferral shows as observed within it (and at once in reads, which ignore ended ones).
  const exceptionSweeper = new ExceptionSweeper(database.db, opts.log, triggerCheck)
  poller.start()
  advisoryRescans.start()
  exceptionSweeper.start()
  const app = createApp({ db: database.db, dbKind: database.kind, log: opts.log, instances, scans, ...(opts.staticDir ? { staticDir: opts.staticDir } : {}), ...(opts.security ? { security: opts.security } : {}), ...(opts.auth ? { auth: opts.auth } : {}), ...(opts.wire ? { wire: opts.wire } : {}) })
  return {
    app,
    database,
    instances,
    sync,
    scans,
    workers,
    poller,
    advisoryRescans,
    exceptionSweeper,
    seeded,
    close: async (closeOpts = {}) => {
      await seeded
      // Syncs are aborted while the poller waits for its tick, so the tick ends at once.
      await Promise.all([poller.stop(), sync.stop(), advisoryRescans.stop(), exceptionSweeper.stop()])
      await workers.stop(closeOpts)
      await sync.stop()
      await database.close()
    },
  }
}

/**
 * Binds the registry-password cipher to the database handle and encrypts any password
 * still stored in plain text (databases from before encryption at rest).
 */
async function prepareCredentials(database: DatabaseHandle, opts: Pick<BootOptions, 'credentialsKey' | 'dataDir' | 'databaseUrl' | 'schema' | 'log' | 'providers'>): Promise<void> {
  // Without a data directory an in-memory PGlite cannot be reopened; a PostgreSQL can, by this process.
  const scope = opts.databaseUrl ? `${opts.databaseUrl}#${opts.schema ?? ''}` : `pglite-memory#${randomUUID()}`
  const { key, source } = await loadCredentialsKey({ configured: opts.credentialsKey, dataDir: opts.dataDir, database: scope })
  const cipher = createCredentialCipher(key)
  bindCredentialCipher(database.db, cipher)
  bindProviders(database.db, createProviderRegistry(opts.providers))
  const { encrypted, undecryptable } = await encryptStoredPasswords(database.db, cipher)
  if (encrypted) opts.log.info('registry passwords encrypted at rest', { count: encrypted, key: source })
  if (undecryptable.length) {
    opts.log.error('stored registry passwords cannot be decrypted with this credentials key; those instances cannot sync or scan until the key is restored', { instanceIds: undecryptable, key: source })
  }
}

async function demoInstanceExists(database: DatabaseHandle): Promise<boolean> {
  return getInstance(database.db, DEMO_INSTANCE_ID).then(
    () => true,
    () => false,
  )
}

async function layerCache(opts: Pick<BootOptions, 'dataDir' | 'scans'>): Promise<LayerCache> {
  const dir = opts.scans?.cacheDir ?? (opts.dataDir ? path.join(opts.dataDir, 'cache', 'layers') : undefined)
  return dir ? openFileLayerCache(dir) : createMemoryLayerCache({ maxBytes: 64 * 1024 * 1024 })
}

export interface BootedWorker {
  workers: ScanWorkers
  database: DatabaseHandle
  close(): Promise<void>
}

/** `npm run worker`: scan workers without an HTTP server, against the same database as the API. */
export async function bootWorker(opts: Omit<BootOptions, 'demo' | 'staticDir' | 'security' | 'auth' | 'wire'>): Promise<BootedWorker> {
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, schema: opts.schema })
  await migrateToLatest(database.db, { schema: opts.schema })
  await prepareCredentials(database, opts)
  const workers = new ScanWorkers(database.db, opts.log, await layerCache(opts), { ...DEFAULT_SCAN_WORKER_OPTIONS, ...opts.scans })
  workers.start()
  return {
    workers,
    database,
    close: async () => {
      await workers.stop()
      await database.close()
    },
  }
}
