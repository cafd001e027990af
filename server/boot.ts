import { createApp } from './app'
import { openDatabase, type DatabaseHandle } from './db/database'
import { migrateToLatest } from './db/migrate'
import { createDemoInstance } from './demo/demo-instance'
import { InstanceService } from './instances/instance-service'
import { SyncRunner } from './instances/sync-runner'
import type { Logger } from './log'

export interface BootOptions {
  databaseUrl?: string | undefined
  /** PGlite data lives in dataDir/pg; demo images in dataDir/demo-images. Omitted: in-memory PGlite. */
  dataDir?: string | undefined
  /** PostgreSQL schema to use (test isolation). */
  schema?: string | undefined
  demo: boolean
  staticDir?: string | undefined
  log: Logger
}

export interface Booted {
  app: ReturnType<typeof createApp>
  database: DatabaseHandle
  instances: InstanceService
  sync: SyncRunner
  close(): Promise<void>
}

/** Opens the database, migrates it, wires the services and builds the app. */
export async function boot(opts: BootOptions): Promise<Booted> {
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, schema: opts.schema })
  const applied = await migrateToLatest(database.db, { schema: opts.schema })
  if (applied.length) opts.log.info('database migrated', { kind: database.kind, applied })
  const sync = new SyncRunner(database.db, opts.log)
  const instances = new InstanceService(database.db, sync)
  // A database that just got its first migration is a fresh install.
  if (opts.demo && opts.dataDir && applied.includes('0001-browse')) {
    await createDemoInstance({ db: database.db, instances, dataDir: opts.dataDir, log: opts.log })
  }
  const app = createApp({ db: database.db, dbKind: database.kind, log: opts.log, instances, ...(opts.staticDir ? { staticDir: opts.staticDir } : {}) })
  return {
    app,
    database,
    instances,
    sync,
    close: async () => {
      await sync.stop()
      await database.close()
    },
  }
}
