import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import * as m0001 from './migrations/0001-browse'

/**
 * Migrations are imported, not read from a folder at run time, so they work the same
 * under tsx, vitest and a bundle; the same SQL runs on PGlite and PostgreSQL.
 */
const migrations: Record<string, Migration> = {
  '0001-browse': m0001,
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) }

export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error('Database migration failed', { cause: error })
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
