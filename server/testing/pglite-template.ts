import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { Kysely } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import { migrateToLatest } from '../db/migrate'

const MIGRATIONS_DIR = fileURLToPath(new URL('../db/migrations', import.meta.url))

/**
 * A dump of a fresh PGlite with every migration applied, for API tests to start from.
 * initdb is most of a fresh PGlite's start-up (about 3 s of CPU against under 1 s to load
 * the dump), and the API tests start an app dozens of times per pass.
 *
 * The dump is kept in the temp directory under a name that hashes the migrations and the
 * PGlite version, so a changed migration can never be served from a stale dump; it is
 * written under a unique name and renamed, so concurrent test processes never read half
 * a file.
 */
export function pgliteTemplate(): Promise<Blob> {
  cached ??= loadOrBuild().catch((err: unknown) => {
    cached = undefined
    throw err
  })
  return cached
}

let cached: Promise<Blob> | undefined

const PREFIX = 'layerscope-pglite-template-'

/** Where the dump of the current migrations is kept. */
export async function templateFile(): Promise<string> {
  return path.join(os.tmpdir(), `${PREFIX}${await templateKey()}.tar`)
}

async function loadOrBuild(): Promise<Blob> {
  const file = await templateFile()
  try {
    return new Blob([await fs.readFile(file)])
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const dump = await buildTemplate()
  const partial = `${file}.${randomBytes(6).toString('hex')}.partial`
  await fs.writeFile(partial, new Uint8Array(await dump.arrayBuffer()))
  await fs.rename(partial, file)
  await removeOtherTemplates(file)
  return dump
}

/**
 * Dumps of other migration sets (an older checkout's) are about 40 MB each: a new one
 * replaces them. A test run still reading one has it open, which a removal does not disturb,
 * and one that has not read it yet builds its own.
 */
export async function removeOtherTemplates(keep: string): Promise<void> {
  const stale = (await fs.readdir(os.tmpdir())).filter((f) => f.startsWith(PREFIX) && f.endsWith('.tar') && f !== path.basename(keep))
  await Promise.all(stale.map((f) => fs.rm(path.join(os.tmpdir(), f), { force: true })))
}

async function buildTemplate(): Promise<Blob> {
  const client = new PGlite()
  await client.waitReady
  const db = new Kysely<unknown>({ dialect: new PGliteDialect(client) })
  try {
    await migrateToLatest(db)
    return await client.dumpDataDir('none')
  } finally {
    await db.destroy()
  }
}

/** Hash of the migration sources and the PGlite version: what decides the dump's content. */
async function templateKey(): Promise<string> {
  const hash = createHash('sha256')
  hash.update(`pglite ${await pgliteVersion()}\n`)
  for (const name of (await fs.readdir(MIGRATIONS_DIR)).sort()) {
    hash.update(`${name}\n`)
    hash.update(await fs.readFile(path.join(MIGRATIONS_DIR, name)))
  }
  // migrate.ts decides which migrations run, and in what order.
  hash.update(await fs.readFile(fileURLToPath(new URL('../db/migrate.ts', import.meta.url))))
  return hash.digest('hex').slice(0, 20)
}

/** PGlite's package.json is not in its exports map: found by walking up from its entry point. */
async function pgliteVersion(): Promise<string> {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'))
  for (;;) {
    try {
      const pkg = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string }
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('The installed PGlite package has no package.json with its version')
    dir = parent
  }
}
