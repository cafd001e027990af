import type { AdvisoryDbInfo } from '@contract/findings'
import { openDatabase, type Db } from '../db/database'
import { migrateToLatest } from '../db/migrate'
import { advisoryDbInfo, findAdvisories, findAdvisoriesByAlias } from '../engine/advisories/advisory-store'
import type { OsvRecord } from '../engine/advisories/osv-record'
import type { CliEnv } from '../env'

export interface CliAdvisoryStore {
  /** The database itself, for the import command. */
  db: Db
  find(ecosystem: string, names: string[]): Promise<OsvRecord[]>
  findByAlias(ids: string[]): Promise<OsvRecord[]>
  info(): Promise<AdvisoryDbInfo>
  close(): Promise<void>
}

/**
 * The advisory store the server uses (PGlite in DATA_DIR, or DATABASE_URL), opened and
 * migrated for one command. PGlite serves one process at a time: with the embedded
 * database, run the CLI while the server is stopped, or give it its own DATA_DIR.
 */
export async function openAdvisoryStore(env: CliEnv): Promise<CliAdvisoryStore> {
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir })
  try {
    await migrateToLatest(handle.db)
  } catch (err) {
    await handle.close()
    throw err
  }
  return {
    db: handle.db,
    find: (ecosystem, names) => findAdvisories(handle.db, ecosystem, names),
    findByAlias: (ids) => findAdvisoriesByAlias(handle.db, ids),
    info: () => advisoryDbInfo(handle.db),
    close: () => handle.close(),
  }
}
