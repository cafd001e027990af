import path from 'node:path'
import { createApp } from './app'
import { openDatabase, type DatabaseHandle } from './db/database'
import { migrateToLatest } from './db/migrate'
import { createDemoInstance, DEMO_INSTANCE_ID } from './demo/demo-instance'
import { createMemoryLayerCache, openFileLayerCache, type LayerCache } from './engine/layers/layer-cache'
import { getInstance } from './instances/instance-store'
import { InstanceService } from './instances/instance-service'
import { SyncRunner } from './instances/sync-runner'
import type { SecurityHeaderOptions } from './http/security-headers'
import type { Logger } from './log'
import { seedDemoScans } from './scans/demo-scans'
import { ScanTaskService } from './scans/scan-service'
import { DEFAULT_SCAN_WORKER_OPTIONS, ScanWorkers, type ScanWorkerOptions } from './scans/scan-workers'

export interface ScanSettings extends Partial<ScanWorkerOptions> {
  maxAttempts?: number
  /** Layer cache directory; default DATA_DIR/cache/layers, or in memory without a data directory. */
  cacheDir?: string
}

export interface BootOptions {
  databaseUrl?: string | undefined
  /** PGlite data lives in dataDir/pg; demo images in dataDir/demo-images. Omitted: in-memory PGlite. */
  dataDir?: string | undefined
  /** PostgreSQL schema to use (test isolation, or DATABASE_SCHEMA). */
  schema?: string | undefined
  demo: boolean
  staticDir?: string | undefined
  security?: SecurityHeaderOptions | undefined
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
  /** Resolves when the demo's first scans are queued (at once when there is nothing to seed). */
  seeded: Promise<void>
  /** `abandon` leaves running scans to their lease, as a crash would (tests). */
  close(opts?: { abandon?: boolean }): Promise<void>
}

const DEFAULT_MAX_ATTEMPTS = 5

/** Opens the database, migrates it, wires the services, starts the scan workers and builds the app. */
export async function boot(opts: BootOptions): Promise<Booted> {
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, schema: opts.schema })
  const applied = await migrateToLatest(database.db, { schema: opts.schema })
  if (applied.length) opts.log.info('database migrated', { kind: database.kind, applied })
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
  const app = createApp({ db: database.db, dbKind: database.kind, log: opts.log, instances, scans, ...(opts.staticDir ? { staticDir: opts.staticDir } : {}), ...(opts.security ? { security: opts.security } : {}) })
  return {
    app,
    database,
    instances,
    sync,
    scans,
    workers,
    seeded,
    close: async (closeOpts = {}) => {
      await seeded
      await workers.stop(closeOpts)
      await sync.stop()
      await database.close()
    },
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
export async function bootWorker(opts: Omit<BootOptions, 'demo' | 'staticDir' | 'security'>): Promise<BootedWorker> {
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, schema: opts.schema })
  await migrateToLatest(database.db, { schema: opts.schema })
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
