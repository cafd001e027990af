import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { zipSync, type Zippable } from 'fflate'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../db/database'
import { migrateToLatest } from '../../db/migrate'
import { matchComponents } from '../match/match-components'
import { deb, JAMMY } from '../match/testing/components'
import { memoryAdvisories } from './memory-advisories'
import { advisoryDbInfo, findAdvisories, findAdvisoriesByAlias, getAdvisories, upsertAdvisories } from './advisory-store'
import { importOsv } from './import-osv'
import { parseOsvRecord } from './osv-record'
import { loadOsvFixtures, OSV_FIXTURES_DIR } from './testing/osv-fixtures'

/**
 * The advisory store and its import against a real database: in-memory PGlite, or a fresh
 * schema in the PostgreSQL server named by TEST_DATABASE_URL (the PostgreSQL test pass).
 */
let handle: DatabaseHandle
let tmp: string
const NOW = new Date('2026-11-30T12:00:00Z')
const now = () => NOW

async function freshDatabase(): Promise<DatabaseHandle> {
  const databaseUrl = process.env.TEST_DATABASE_URL || undefined
  const schema = databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined
  const h = await openDatabase({ databaseUrl, schema })
  await migrateToLatest(h.db, { schema })
  return h
}

// One database for the file (starting PGlite takes seconds), emptied before each test.
beforeAll(async () => {
  handle = await freshDatabase()
})
afterAll(() => handle.close())
beforeEach(async () => {
  await sql`truncate advisory_aliases, advisory_packages, advisories, advisory_db_meta`.execute(handle.db)
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-osv-'))
})
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true })
})

const fixtureText = (rel: string) => fs.readFile(path.join(OSV_FIXTURES_DIR, rel), 'utf8')
const ids = (records: { id: string }[]) => records.map((r) => r.id)

describe('import from a directory', () => {
  it('imports every fixture record, counts them per ecosystem and stamps the store', async () => {
    expect(await advisoryDbInfo(handle.db)).toEqual({ recordCount: 0, importedAt: null, newestModified: null })
    const summary = await importOsv(handle.db, [OSV_FIXTURES_DIR], { now })
    expect(summary).toMatchObject({ read: 47, inserted: 47, updated: 0, unchanged: 0, rejected: 0, rejections: [] })
    expect(summary.sources).toEqual([{ source: OSV_FIXTURES_DIR, kind: 'directory', read: 47, rejected: 0 }])
    expect(summary.byEcosystem).toEqual({
      Alpine: { inserted: 1, updated: 0, unchanged: 0 },
      Debian: { inserted: 1, updated: 0, unchanged: 0 },
      Go: { inserted: 9, updated: 0, unchanged: 0 },
      Maven: { inserted: 6, updated: 0, unchanged: 0 },
      NuGet: { inserted: 2, updated: 0, unchanged: 0 },
      PyPI: { inserted: 11, updated: 0, unchanged: 0 },
      Ubuntu: { inserted: 7, updated: 0, unchanged: 0 },
      npm: { inserted: 10, updated: 0, unchanged: 0 },
    })
    // The newest `modified` keeps the source's own text (nanoseconds, from OSV.dev's export).
    expect(summary.store).toEqual({ recordCount: 47, importedAt: NOW.getTime(), newestModified: '2026-07-08T04:32:24.548042624Z' })
  })

  it('is idempotent: a second import changes nothing', async () => {
    await importOsv(handle.db, [OSV_FIXTURES_DIR], { now })
    const again = await importOsv(handle.db, [OSV_FIXTURES_DIR], { now })
    expect(again).toMatchObject({ read: 47, inserted: 0, updated: 0, unchanged: 47, rejected: 0 })
    expect(again.store.recordCount).toBe(47)
  })

  it('replaces a record only with a newer copy, and re-indexes it', async () => {
    await importOsv(handle.db, [path.join(OSV_FIXTURES_DIR, 'npm')], { now })
    const original = JSON.parse(await fixtureText('npm/GHSA-29mw-wpgm-hmr9.json')) as Record<string, unknown>
    const newer = { ...original, modified: '2030-01-01T00:00:00Z', summary: 'newer', affected: [{ package: { ecosystem: 'npm', name: 'lodash-newer' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] }
    const older = { ...original, modified: '2000-01-01T00:00:00Z', summary: 'older' }
    await fs.writeFile(path.join(tmp, 'newer.json'), JSON.stringify(newer))
    expect(await importOsv(handle.db, [path.join(tmp, 'newer.json')], { now })).toMatchObject({ updated: 1, inserted: 0, unchanged: 0 })
    await fs.writeFile(path.join(tmp, 'older.json'), JSON.stringify(older))
    expect(await importOsv(handle.db, [path.join(tmp, 'older.json')], { now })).toMatchObject({ updated: 0, unchanged: 1 })
    const [stored] = await getAdvisories(handle.db, ['GHSA-29mw-wpgm-hmr9'])
    expect(stored?.summary).toBe('newer')
    // The package index follows the stored copy: lodash no longer, lodash-newer now.
    expect(ids(await findAdvisories(handle.db, 'npm', ['lodash']))).toEqual(['GHSA-jf85-cpcp-j695', 'GHSA-p6mc-m468-83gw'])
    expect(ids(await findAdvisories(handle.db, 'npm', ['lodash-newer']))).toEqual(['GHSA-29mw-wpgm-hmr9'])
  })

  it('keeps only the latest copy when one import holds the same id twice', async () => {
    const original = JSON.parse(await fixtureText('npm/GHSA-4w2v-q235-vp99.json')) as Record<string, unknown>
    await fs.writeFile(path.join(tmp, 'a.json'), JSON.stringify({ ...original, modified: '2030-01-01T00:00:00Z', summary: 'latest' }))
    await fs.writeFile(path.join(tmp, 'b.json'), JSON.stringify(original))
    expect(await importOsv(handle.db, [tmp], { now })).toMatchObject({ read: 2, inserted: 1, unchanged: 1 })
    expect((await getAdvisories(handle.db, ['GHSA-4w2v-q235-vp99']))[0]?.summary).toBe('latest')
  })
})

describe('bad records', () => {
  it('rejects each bad record with its reason and imports the rest', async () => {
    const good = await fixtureText('npm/GHSA-4w2v-q235-vp99.json')
    await fs.mkdir(path.join(tmp, 'sub'))
    await fs.writeFile(path.join(tmp, 'good.json'), good)
    await fs.writeFile(path.join(tmp, 'sub/truncated.json'), good.slice(0, 100))
    await fs.writeFile(path.join(tmp, 'no-modified.json'), JSON.stringify({ id: 'BAD-1' }))
    await fs.writeFile(path.join(tmp, 'bad-range.json'), JSON.stringify({ id: 'BAD-2', modified: '2024-01-01T00:00:00Z', affected: [{ ranges: [{ type: 'SVN', events: [{ introduced: '0' }] }] }] }))
    await fs.writeFile(path.join(tmp, 'nul.json'), JSON.stringify({ id: 'BAD-3', modified: '2024-01-01T00:00:00Z', details: 'a\u0000b' }))
    await fs.writeFile(path.join(tmp, 'latin1.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]))
    await fs.writeFile(path.join(tmp, 'notes.txt'), 'ignored: not .json')
    const summary = await importOsv(handle.db, [tmp], { now })
    expect(summary).toMatchObject({ read: 1, inserted: 1, rejected: 5 })
    // The NUL check runs when the batch is written, so its rejection comes last.
    expect(summary.rejections).toEqual([
      { origin: path.join(tmp, 'bad-range.json'), reason: expect.stringContaining('BAD-2: affected[0].ranges[0].type: Invalid option') as string },
      { origin: path.join(tmp, 'latin1.json'), reason: 'not valid UTF-8' },
      { origin: path.join(tmp, 'no-modified.json'), reason: 'BAD-1: modified: is required' },
      { origin: path.join(tmp, 'sub/truncated.json'), reason: expect.stringMatching(/^not valid JSON: /) as string },
      { origin: path.join(tmp, 'nul.json'), reason: 'BAD-3: contains a NUL character, which PostgreSQL cannot store' },
    ])
    expect(summary.sources[0]).toMatchObject({ read: 1, rejected: 5 })
  })

  it('isolates a record the database refuses and keeps the rest of its batch', async () => {
    // btree index rows are limited to ~2.7 kB: a long random package name passes the schema
    // but fails the index insert, which fails the batch's transaction.
    const huge = randomBytes(6000).toString('base64')
    const records = loadOsvFixtures().filter((r) => r.id.startsWith('GHSA-') && r.affected[0]?.package?.ecosystem === 'npm')
    const refused = { id: 'HUGE-1', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: huge } }] }
    const parsed = parseOsvRecord(refused)
    if (!parsed.ok) throw new Error(parsed.reason)
    const inputs = [...records.map((record) => ({ record, raw: record, origin: record.id })), { record: parsed.record, raw: refused, origin: 'huge.json' }]
    const result = await upsertAdvisories(handle.db, inputs, NOW)
    expect(result.inserted).toHaveLength(records.length)
    expect(result.rejected).toEqual([{ origin: 'huge.json', reason: expect.stringContaining('HUGE-1: the database refused it:') as string }])
    expect(ids(await findAdvisories(handle.db, 'npm', ['axios']))).toEqual(['GHSA-4w2v-q235-vp99'])
  })

  it('keeps what a truncated zip held before the cut, and reports the source', async () => {
    const files: Zippable = {}
    // Stored, not deflated, so that cutting the tail cuts the second record's bytes.
    for (const f of ['npm/GHSA-4w2v-q235-vp99.json', 'npm/GHSA-hrpp-h998-j3pp.json']) files[f] = [new TextEncoder().encode(await fixtureText(f)), { level: 0 }]
    const zip = zipSync(files)
    await fs.writeFile(path.join(tmp, 'cut.zip'), zip.subarray(0, zip.length - 1500))
    const summary = await importOsv(handle.db, [path.join(tmp, 'cut.zip')], { now })
    expect(summary.read).toBe(1)
    expect(summary.sources[0]).toMatchObject({ kind: 'zip', read: 1, error: expect.stringContaining('cut.zip: not a readable zip archive') as string })
    expect(summary.store.recordCount).toBe(1)
  })
})

describe('import from a zip', () => {
  it('streams the .json entries of an all.zip and rejects unsafe names', async () => {
    const npm = (await fs.readdir(path.join(OSV_FIXTURES_DIR, 'npm'))).sort()
    const entries: Record<string, Uint8Array> = {}
    for (const f of npm) entries[f] = new TextEncoder().encode(await fixtureText(`npm/${f}`))
    entries['../escape.json'] = new TextEncoder().encode(await fixtureText('pypi/PYSEC-2020-96.json'))
    await fs.writeFile(path.join(tmp, 'all.zip'), zipSync(entries))
    const summary = await importOsv(handle.db, [path.join(tmp, 'all.zip')], { now, batchSize: 3 })
    expect(summary).toMatchObject({ read: 10, inserted: 10, rejected: 1 })
    expect(summary.rejections).toEqual([{ origin: 'all.zip!../escape.json', reason: 'the name contains a ".." segment' }])
    expect(summary.byEcosystem).toEqual({ npm: { inserted: 10, updated: 0, unchanged: 0 } })
  })
})

describe('import from a URL', () => {
  let server: http.Server
  let base: string
  let zipBytes: Uint8Array

  beforeAll(async () => {
    const entries: Record<string, Uint8Array> = {}
    for (const f of ['maven/GHSA-jfh8-c2jp-5v3q.json', 'maven/GHSA-7rjr-3q55-vv33.json']) entries[f] = new TextEncoder().encode(await fixtureText(f))
    zipBytes = zipSync(entries)
    const one = await fixtureText('alpine/ALPINE-CVE-2025-26519.json')
    server = http.createServer((req, res) => {
      if (req.url === '/Maven/all.zip') {
        // OSV's bucket serves zips as octet-stream; the importer looks at the bytes.
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': zipBytes.length })
        res.end(zipBytes)
      } else if (req.url === '/ALPINE-CVE-2025-26519.json') {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(one)
      } else if (req.url === '/huge.json') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 10_000_000 })
        res.end()
      } else {
        res.writeHead(404).end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('downloads a zip and a JSON document, and reports a URL that fails', async () => {
    const summary = await importOsv(handle.db, [`${base}/Maven/all.zip`, `${base}/ALPINE-CVE-2025-26519.json`, `${base}/missing.zip`], { now })
    expect(summary).toMatchObject({ read: 3, inserted: 3, rejected: 0 })
    expect(summary.sources).toEqual([
      { source: `${base}/Maven/all.zip`, kind: 'url', read: 2, rejected: 0 },
      { source: `${base}/ALPINE-CVE-2025-26519.json`, kind: 'url', read: 1, rejected: 0 },
      { source: `${base}/missing.zip`, kind: 'url', read: 0, rejected: 0, error: `cannot download ${base}/missing.zip: HTTP 404 Not Found` },
    ])
    expect(ids(await findAdvisories(handle.db, 'Maven', ['org.apache.logging.log4j:log4j-core']))).toEqual(['GHSA-7rjr-3q55-vv33', 'GHSA-jfh8-c2jp-5v3q'])
  })

  it('refuses a download larger than its limit before reading it', async () => {
    const summary = await importOsv(handle.db, [`${base}/huge.json`], { now, limits: { maxDownloadBytes: 1_000_000 } })
    expect(summary.read).toBe(0)
    expect(summary.sources[0]?.error).toBe(`${base}/huge.json is 10000000 bytes, more than the 1000000-byte download limit`)
    // Nothing read: the store is not stamped.
    expect(summary.store).toEqual({ recordCount: 0, importedAt: null, newestModified: null })
  })
})

describe('lookup', () => {
  beforeEach(async () => {
    await importOsv(handle.db, [OSV_FIXTURES_DIR], { now })
  })

  it('finds records by ecosystem and normalised name through the index', async () => {
    expect(ids(await findAdvisories(handle.db, 'PyPI', ['PyYAML']))).toEqual(['PYSEC-2020-96'])
    expect(ids(await findAdvisories(handle.db, 'PyPI', ['Jinja2', 'requests']))).toEqual(['GHSA-h5c8-rqwp-cp95', 'PYSEC-2018-28', 'PYSEC-2019-217', 'PYSEC-2021-66', 'PYSEC-2023-74'])
    expect(ids(await findAdvisories(handle.db, 'Ubuntu:22.04:LTS', ['curl', 'glibc']))).toEqual(['UBUNTU-CVE-2023-38545', 'UBUNTU-CVE-2023-4911', 'USN-6409-1', 'USN-6429-1'])
    expect(ids(await findAdvisories(handle.db, 'Alpine:v3.18', ['musl']))).toEqual(['ALPINE-CVE-2025-26519'])
    expect(ids(await findAdvisories(handle.db, 'Go', ['stdlib']))).toEqual(['GO-2022-0493', 'GO-2022-1144', 'GO-2023-1571', 'GO-2023-1878', 'GO-2023-2102', 'GO-2024-2598'])
    expect(await findAdvisories(handle.db, 'npm', [])).toEqual([])
  })

  it('finds NuGet records by id in any case: NuGet ids are case-insensitive', async () => {
    expect(ids(await findAdvisories(handle.db, 'NuGet', ['Newtonsoft.Json']))).toEqual(['GHSA-5crp-9r3c-p9vr'])
    expect(ids(await findAdvisories(handle.db, 'NuGet', ['newtonsoft.json']))).toEqual(['GHSA-5crp-9r3c-p9vr'])
    expect(ids(await findAdvisories(handle.db, 'NuGet', ['MICROSOFT.DATA.SQLCLIENT', 'System.Data.SqlClient']))).toEqual(['GHSA-98g6-xh36-x2p7'])
    // The ecosystem name itself is case-sensitive, as in OSV.
    expect(await findAdvisories(handle.db, 'nuget', ['Newtonsoft.Json'])).toEqual([])
  })

  it('keeps releases apart: 14.04 does not see the Ubuntu Pro 14.04 records', async () => {
    expect(await findAdvisories(handle.db, 'Ubuntu:14.04:LTS', ['bash', 'zlib'])).toEqual([])
    expect(ids(await findAdvisories(handle.db, 'Ubuntu:Pro:14.04:LTS', ['bash', 'zlib']))).toEqual(['USN-5380-1', 'USN-5570-1'])
    expect(ids(await findAdvisories(handle.db, 'Ubuntu:20.04:LTS', ['curl']))).toEqual(['UBUNTU-CVE-2023-38545', 'USN-6429-1'])
  })

  it('finds records by id, alias and upstream id', async () => {
    expect(ids(await findAdvisoriesByAlias(handle.db, ['UBUNTU-CVE-2023-4911']))).toEqual(['UBUNTU-CVE-2023-4911', 'USN-6409-1'])
    expect(ids(await findAdvisoriesByAlias(handle.db, ['CVE-2021-44228', 'GHSA-6757-jp84-gxfx']))).toEqual(['GHSA-jfh8-c2jp-5v3q', 'PYSEC-2020-96'])
  })

  it('leaves withdrawn records out', async () => {
    const raw = JSON.parse(await fixtureText('npm/GHSA-4w2v-q235-vp99.json')) as Record<string, unknown>
    await fs.writeFile(path.join(tmp, 'withdrawn.json'), JSON.stringify({ ...raw, modified: '2030-01-01T00:00:00Z', withdrawn: '2030-01-01T00:00:00Z' }))
    await importOsv(handle.db, [path.join(tmp, 'withdrawn.json')], { now })
    expect(await findAdvisories(handle.db, 'npm', ['axios'])).toEqual([])
    expect(await findAdvisoriesByAlias(handle.db, ['CVE-2020-28168'])).toEqual([])
  })

  it('gives the matcher the same answers as the in-memory lookup', async () => {
    const components = [deb('libc6', '2.35-0ubuntu3.3', 'glibc'), deb('curl', '7.81.0-1ubuntu1.13'), deb('libssl3', '3.0.2-0ubuntu1.7', 'openssl')]
    const memory = memoryAdvisories(loadOsvFixtures())
    const fromDb = await matchComponents(components, JAMMY, (e, n) => findAdvisories(handle.db, e, n))
    const fromMemory = await matchComponents(components, JAMMY, (e, n) => memory.find(e, n))
    expect(fromDb).toEqual(fromMemory)
    expect(fromDb.findings).toHaveLength(12)
  })
})
