import fs from 'node:fs/promises'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, sql } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import type { Database } from './schema'

export type Db = Kysely<Database>

export interface DatabaseHandle {
  db: Db
  kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

// bigint columns (image sizes) fit comfortably in a double; PGlite already returns numbers.
pg.types.setTypeParser(20, (v) => Number(v))

/**
 * Opens PostgreSQL when a URL is given, else PGlite (Postgres compiled to WASM) in
 * `dataDir/pg`, so `npm start` needs no database server. `schema` puts every table in
 * its own schema, which is how the PostgreSQL test pass isolates test files.
 */
export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir?: string | undefined; schema?: string | undefined; pgliteTemplate?: Blob | undefined }): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    if (opts.schema) {
      if (!/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`Invalid schema name: ${opts.schema}`)
      const admin = new pg.Client({ connectionString: opts.databaseUrl })
      await admin.connect()
      await admin.query(`create schema if not exists ${opts.schema}`).finally(() => admin.end())
    }
    // search_path as a startup option applies before any query on every pooled connection.
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    await sql`select 1`.execute(db)
    return { db, kind: 'postgres', close: () => db.destroy() }
  }
  // A template (a dumped, already migrated data directory) skips initdb, which is most of
  // a fresh PGlite's start-up; PGlite refuses it for a directory that already holds a database.
  const fromTemplate = opts.pgliteTemplate ? { loadDataDir: opts.pgliteTemplate } : {}
  let client: PGlite
  if (opts.dataDir) {
    const dir = path.join(opts.dataDir, 'pg')
    await fs.mkdir(dir, { recursive: true })
    client = new PGlite(dir, fromTemplate)
  } else {
    client = new PGlite(fromTemplate)
  }
  await client.waitReady
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) })
  return { db, kind: 'pglite', close: () => db.destroy() }
}
