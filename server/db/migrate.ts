import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import * as m0001 from './migrations/0001-browse'
import * as m0002 from './migrations/0002-advisories'
import * as m0003 from './migrations/0003-scans'
import * as m0004 from './migrations/0004-scan-rules'
import * as m0005 from './migrations/0005-scan-triggers'
import * as m0006 from './migrations/0006-auth'
import * as m0008 from './migrations/0008-exceptions'
import * as m0009 from './migrations/0009-providers'
import * as m0010 from './migrations/0010-wire-nonces'
import * as m0011 from './migrations/0011-legacy-rule-moves'

/**
 * Migrations are imported, not read from a folder at run time, so they work the same
 * under tsx, vitest and a bundle; the same SQL runs on PGlite and PostgreSQL.
 */
const migrations: Record<string, Migration> = {
  '0001-browse': m0001,
  '0002-advisories': m0002,
  '0003-scans': m0003,
  '0004-scan-rules': m0004,
  '0005-scan-triggers': m0005,
  '0006-auth': m0006,
  '0008-exceptions': m0008,
  '0009-providers': m0009,
  '0010-wire-nonces': m0010,
  '0011-legacy-rule-moves': m0011,
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) }

/**
 * `schema` must name the schema the connection's search_path points at, when it is not
 * `public`: Kysely looks for its own bookkeeping tables in every schema, and would
 * otherwise take another schema's `kysely_migration_lock` for ours.
 */
export async function migrateToLatest<T>(db: Kysely<T>, opts: { schema?: string | undefined } = {}): Promise<string[]> {
  const migrator = new Migrator({ db, provider, ...(opts.schema ? { migrationTableSchema: opts.schema } : {}) })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error('Database migration failed', { cause: error })
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
