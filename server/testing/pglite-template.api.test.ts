import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, sql } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import { describe, expect, it } from 'vitest'
import { boot } from '../boot'
import { migrateToLatest } from '../db/migrate'
import { createLogger } from '../log'
import { pgliteTemplate, removeOtherTemplates, templateFile } from './pglite-template'
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

  it('replaces the dumps of other migration sets, and leaves its own and half-written ones alone', async () => {
    await pgliteTemplate()
    const current = await templateFile()
    const other = path.join(os.tmpdir(), 'layerscope-pglite-template-0000older0000.tar')
    const partial = `${current}.abcdef.partial`
    await fs.writeFile(other, 'an older checkout’s dump')
    await fs.writeFile(partial, 'being written')
    try {
      await removeOtherTemplates(current)
      await expect(fs.access(other)).rejects.toThrow(/ENOENT/)
      await expect(fs.access(current)).resolves.toBeUndefined()
      await expect(fs.access(partial)).resolves.toBeUndefined()
    } finally {
      await fs.rm(other, { force: true })
      await fs.rm(partial, { force: true })
    }
  })

  it('is refused for a demo install, which is created on its first migration', async () => {
    await expect(boot({ demo: true, dataDir: '/nonexistent', pgliteTemplate: await pgliteTemplate(), log: createLogger('silent') })).rejects.toThrow(/demo install cannot start from a PGlite template/)
  })
})
