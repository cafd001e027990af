import type { AdvisoryDbInfo } from '@contract/findings'
import { sql, type Kysely } from 'kysely'
import type { Db } from '../../db/database'
import type { Database } from '../../db/schema'
import { ecosystemBase, ecosystemSuffix, normalizePackageName } from './ecosystem'
import { parseOsvRecord, type OsvRecord } from './osv-record'

/**
 * The advisory store: OSV records in the database, indexed by (ecosystem, package name)
 * and by alias. Writes are idempotent upserts in which a record never replaces a newer
 * copy of itself; reads return validated records.
 */

/** A record ready to store: the validated form for indexing, the source's JSON for keeping. */
export interface AdvisoryInput {
  record: OsvRecord
  /** The JSON value as read, unknown fields and all. */
  raw: unknown
  /** Where it came from (`all.zip!GHSA-….json`), for the import report. */
  origin: string
}

export interface RejectedAdvisory {
  origin: string
  reason: string
}

export interface UpsertResult {
  inserted: AdvisoryInput[]
  updated: AdvisoryInput[]
  /** Already stored with the same or a newer `modified`, or superseded within the batch. */
  unchanged: AdvisoryInput[]
  /** Refused by the database (found by retrying the batch one record at a time). */
  rejected: RejectedAdvisory[]
}

// Keeps every statement well below PostgreSQL's 65,535 bind parameters.
const ROWS_PER_INSERT = 2000
const NAMES_PER_QUERY = 1000

/**
 * Writes one batch in one transaction: new records are inserted, records with a newer
 * `modified` replace the stored ones (with their index rows), the rest are left alone.
 *
 * If the batch fails, every record is retried in a transaction of its own so that one
 * record the database refuses is rejected alone; if every retry fails and the database
 * no longer answers, the problem is the database, not the data, and the error is thrown.
 */
export async function upsertAdvisories(db: Db, inputs: readonly AdvisoryInput[], now: Date = new Date()): Promise<UpsertResult> {
  const { latest, superseded } = latestPerId(inputs)
  const preflight = latest.filter((i) => storableProblem(i) === undefined)
  const rejected: RejectedAdvisory[] = latest.flatMap((i) => {
    const problem = storableProblem(i)
    return problem === undefined ? [] : [{ origin: i.origin, reason: `${i.record.id}: ${problem}` }]
  })
  const result: UpsertResult = { inserted: [], updated: [], unchanged: [...superseded], rejected }
  if (preflight.length === 0) return result
  try {
    merge(result, await db.transaction().execute((trx) => writeBatch(trx, preflight, now)))
    return result
  } catch (batchError) {
    let failures = 0
    for (const input of preflight) {
      try {
        merge(result, await db.transaction().execute((trx) => writeBatch(trx, [input], now)))
      } catch (error) {
        failures++
        result.rejected.push({ origin: input.origin, reason: `${input.record.id}: the database refused it: ${errorMessage(error)}` })
      }
    }
    // Every record failing on its own looks like the database, not the data: if it no
    // longer answers, stop the import rather than reject everything that follows.
    if (failures === preflight.length && !(await databaseAnswers(db))) throw batchError
    return result
  }
}

async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}

function merge(into: UpsertResult, from: Omit<UpsertResult, 'rejected'>) {
  into.inserted.push(...from.inserted)
  into.updated.push(...from.updated)
  into.unchanged.push(...from.unchanged)
}

/** What PostgreSQL would refuse that the schema allows; checked first so a batch rarely fails. */
function storableProblem(input: AdvisoryInput): string | undefined {
  for (const text of strings(input.raw)) {
    // jsonb and text columns cannot hold U+0000.
    if (text.includes('\u0000')) return 'contains a NUL character, which PostgreSQL cannot store'
    // jsonb refuses unpaired UTF-16 surrogates as invalid Unicode.
    if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate, which is not valid Unicode'
  }
  return undefined
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Every string in a JSON value, object keys included. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value
  else if (Array.isArray(value)) for (const v of value) yield* strings(v)
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      yield k
      yield* strings(v)
    }
  }
}

/** One row per id: the copy with the latest `modified` wins, as it would across batches. */
function latestPerId(inputs: readonly AdvisoryInput[]): { latest: AdvisoryInput[]; superseded: AdvisoryInput[] } {
  const byId = new Map<string, AdvisoryInput>()
  const superseded: AdvisoryInput[] = []
  for (const input of inputs) {
    const seen = byId.get(input.record.id)
    if (!seen) {
      byId.set(input.record.id, input)
    } else if (Date.parse(input.record.modified) > Date.parse(seen.record.modified)) {
      superseded.push(seen)
      byId.set(input.record.id, input)
    } else {
      superseded.push(input)
    }
  }
  return { latest: [...byId.values()], superseded }
}

async function writeBatch(trx: Kysely<Database>, inputs: readonly AdvisoryInput[], now: Date): Promise<Omit<UpsertResult, 'rejected'>> {
  const ids = inputs.map((i) => i.record.id)
  const existing = new Set((await trx.selectFrom('advisories').select('id').where('id', 'in', ids).execute()).map((r) => r.id))
  // The WHERE makes an older or equal copy a no-op, and RETURNING reports only rows that
  // were written, so "changed" is decided by the database, to the microsecond.
  const written = await trx
    .insertInto('advisories')
    .values(
      inputs.map(({ record, raw }) => ({
        id: record.id,
        modified: record.modified,
        published: record.published ?? null,
        withdrawn: record.withdrawn ?? null,
        summary: record.summary ?? null,
        raw: JSON.stringify(raw),
        imported_at: now,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({
          modified: eb.ref('excluded.modified'),
          published: eb.ref('excluded.published'),
          withdrawn: eb.ref('excluded.withdrawn'),
          summary: eb.ref('excluded.summary'),
          raw: eb.ref('excluded.raw'),
          imported_at: eb.ref('excluded.imported_at'),
        }))
        .where((eb) => eb('advisories.modified', '<', eb.ref('excluded.modified'))),
    )
    .returning('id')
    .execute()
  const writtenIds = new Set(written.map((r) => r.id))
  const result: Omit<UpsertResult, 'rejected'> = { inserted: [], updated: [], unchanged: [] }
  for (const input of inputs) {
    const id = input.record.id
    if (!writtenIds.has(id)) result.unchanged.push(input)
    else if (existing.has(id)) result.updated.push(input)
    else result.inserted.push(input)
  }
  const replaced = result.updated.map((i) => i.record.id)
  if (replaced.length > 0) {
    await trx.deleteFrom('advisory_packages').where('advisory_id', 'in', replaced).execute()
    await trx.deleteFrom('advisory_aliases').where('advisory_id', 'in', replaced).execute()
  }
  const changed = [...result.inserted, ...result.updated].map((i) => i.record)
  for (const rows of chunks(changed.flatMap(packageRows), ROWS_PER_INSERT)) {
    await trx.insertInto('advisory_packages').values(rows).execute()
  }
  for (const rows of chunks(changed.flatMap(aliasRows), ROWS_PER_INSERT)) {
    await trx.insertInto('advisory_aliases').values(rows).execute()
  }
  return result
}

/** The (ecosystem, name) pairs a record can match, once each. */
export function packageRows(record: OsvRecord): Database['advisory_packages'][] {
  const rows = new Map<string, Database['advisory_packages']>()
  for (const affected of record.affected) {
    if (!affected.package) continue
    const { ecosystem, name } = affected.package
    const row = { advisory_id: record.id, ecosystem, ecosystem_base: ecosystemBase(ecosystem), name: normalizePackageName(ecosystem, name) }
    rows.set(`${row.ecosystem}\u0000${row.name}`, row)
  }
  return [...rows.values()]
}

function aliasRows(record: OsvRecord): Database['advisory_aliases'][] {
  const rows = new Map<string, Database['advisory_aliases']>()
  const add = (ids: readonly string[], kind: Database['advisory_aliases']['kind']) => {
    for (const alias of ids) {
      if (alias !== record.id) rows.set(`${alias}\u0000${kind}`, { advisory_id: record.id, alias, kind })
    }
  }
  add(record.aliases, 'alias')
  add(record.upstream, 'upstream')
  add(record.related, 'related')
  return [...rows.values()]
}

/**
 * The records that name any of `names` in `ecosystem`, withdrawn ones left out, by id.
 * Names are normalised as they were when stored. A lookup with a release
 * (`Ubuntu:22.04:LTS`) also finds records written for the whole distribution (`Ubuntu`);
 * one without (`npm`) finds every release of it.
 *
 * @example
 * await findAdvisories(db, 'PyPI', ['PyYAML']) // PYSEC-2020-96, stored under `pyyaml`
 */
export async function findAdvisories(db: Db, ecosystem: string, names: readonly string[]): Promise<OsvRecord[]> {
  const base = ecosystemBase(ecosystem)
  const hasRelease = ecosystemSuffix(ecosystem) !== ''
  const normalized = [...new Set(names.map((n) => normalizePackageName(ecosystem, n)))]
  const found = new Map<string, OsvRecord>()
  for (const chunk of chunks(normalized, NAMES_PER_QUERY)) {
    const rows = await db
      .selectFrom('advisories')
      .select(['id', 'raw'])
      .where('withdrawn', 'is', null)
      .where('id', 'in', (eb) => {
        const q = eb.selectFrom('advisory_packages').select('advisory_id').where('name', 'in', chunk)
        return hasRelease ? q.where('ecosystem', 'in', [ecosystem, base]) : q.where('ecosystem_base', '=', base)
      })
      .execute()
    for (const row of rows) addParsed(found, row.raw)
  }
  return sortedById(found)
}

/**
 * The records whose id, alias or upstream id is one of `ids`, withdrawn ones left out:
 * where a finding without a severity of its own can borrow one.
 */
export async function findAdvisoriesByAlias(db: Db, ids: readonly string[]): Promise<OsvRecord[]> {
  const unique = [...new Set(ids)]
  const found = new Map<string, OsvRecord>()
  for (const chunk of chunks(unique, NAMES_PER_QUERY)) {
    const rows = await db
      .selectFrom('advisories')
      .select(['id', 'raw'])
      .where('withdrawn', 'is', null)
      .where((eb) =>
        eb.or([
          eb('id', 'in', chunk),
          eb('id', 'in', eb.selectFrom('advisory_aliases').select('advisory_id').where('alias', 'in', chunk).where('kind', 'in', ['alias', 'upstream'])),
        ]),
      )
      .execute()
    for (const row of rows) addParsed(found, row.raw)
  }
  return sortedById(found)
}

/** Fetches stored records by id (withdrawn ones included): for tests and diagnostics. */
export async function getAdvisories(db: Db, ids: readonly string[]): Promise<OsvRecord[]> {
  const found = new Map<string, OsvRecord>()
  for (const chunk of chunks([...new Set(ids)], NAMES_PER_QUERY)) {
    const rows = await db.selectFrom('advisories').select(['id', 'raw']).where('id', 'in', chunk).execute()
    for (const row of rows) addParsed(found, row.raw)
  }
  return sortedById(found)
}

// Every stored record passed the schema when it was imported; re-validating on the way out
// costs little and keeps a hand-edited or older-schema row from reaching the matcher.
function addParsed(into: Map<string, OsvRecord>, raw: unknown) {
  const parsed = parseOsvRecord(raw)
  if (parsed.ok) into.set(parsed.record.id, parsed.record)
}

function sortedById(records: Map<string, OsvRecord>): OsvRecord[] {
  return [...records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Stamps the store after an import that read something: when, and how many records it holds. */
export async function recordImport(db: Db, at: Date = new Date()): Promise<void> {
  const { count } = await db
    .selectFrom('advisories')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow()
  const record_count = Number(count)
  await db
    .insertInto('advisory_db_meta')
    .values({ id: 1, imported_at: at, record_count })
    .onConflict((oc) => oc.column('id').doUpdateSet({ imported_at: at, record_count }))
    .execute()
}

/**
 * How big and how fresh the store is, for the report header ("advisories as of …").
 * `newestModified` is the record's own text, so it keeps the precision the source gave.
 */
export async function advisoryDbInfo(db: Db): Promise<AdvisoryDbInfo> {
  const meta = await db.selectFrom('advisory_db_meta').select(['imported_at', 'record_count']).where('id', '=', 1).executeTakeFirst()
  const newest = await db
    .selectFrom('advisories')
    .select(sql<string>`raw->>'modified'`.as('modified_text'))
    // Qualified, so it sorts by the timestamptz column and not by the text alias.
    .orderBy('advisories.modified', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!meta) {
    // Records without a stamp can only come from a write that did not finish its import.
    const { count } = await db
      .selectFrom('advisories')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .executeTakeFirstOrThrow()
    return { recordCount: Number(count), importedAt: null, newestModified: newest?.modified_text ?? null }
  }
  return { recordCount: meta.record_count, importedAt: new Date(meta.imported_at).getTime(), newestModified: newest?.modified_text ?? null }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
