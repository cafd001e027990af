import { PGlite } from '@electric-sql/pglite'
import { Kysely, sql } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import { describe, expect, it } from 'vitest'
import { boot } from '../boot'
import { migrateToLatest } from '../db/migrate'
import { createLogger } from '../log'
import { pgliteTemplate } from './pglite-template'
import { testDatabaseUrl } from './test-app'

async function open(template?: Blob) {
  const client = new PGlite(template ? { loadDataDir: template } : {})
  await client.waitReady
  return new Kysely<unknown>({ dialect: new PGliteDialect(client) })
}

describe.skipIf(testDatabaseUrl())('the migrated PGlite template the API tests start from', () => {
  it('holds every migration a fresh database gets, and the same tables', async () => {
    const fresh = await open()
    const fromTemplate = await open(await pgliteTemplate())
    try {
      const applied = await migrateToLatest(fresh)
      expect(applied.length).toBeGreaterThan(0)
      // Nothing left to apply: the template is at the latest migration.
      expect(await migrateToLatest(fromTemplate)).toEqual([])
      const names = (db: Kysely<unknown>) =>
        sql<{ name: string }>`select name from kysely_migration order by name`.execute(db).then((r) => r.rows.map((row) => row.name))
      expect(await names(fromTemplate)).toEqual(applied)
      const tables = (db: Kysely<unknown>) =>
        sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = 'public' order by 1`.execute(db).then((r) => r.rows.map((row) => row.t))
      expect(await tables(fromTemplate)).toEqual(await tables(fresh))
    } finally {
      await fresh.destroy()
      await fromTemplate.destroy()
    }
  })

  it('is refused for a demo install, which is created on its first migration', async () => {
    await expect(boot({ demo: true, dataDir: '/nonexistent', pgliteTemplate: await pgliteTemplate(), log: createLogger('silent') })).rejects.toThrow(/demo install cannot start from a PGlite template/)
  })
})
