import type { AdvisoryDbInfo } from '@contract/findings'
import type { Db } from '../../db/database'
import { advisoryDbInfo, recordImport, upsertAdvisories, type AdvisoryInput, type RejectedAdvisory } from './advisory-store'
import { ecosystemBase } from './ecosystem'
import { DEFAULT_SOURCE_LIMITS, openSource, type SourceFile, type SourceKind, type SourceLimits } from './import-sources'
import { parseOsvRecord } from './osv-record'

/**
 * Imports OSV records from directories, `.json` files, `.zip` archives and URLs into the
 * advisory store.
 *
 * Records are written in batches, each in its own transaction: a crash or a cut download
 * leaves every earlier batch whole and the store consistent (records are independent, and
 * an upsert never replaces a newer copy), and running the same import again finishes the
 * job. A bad record is counted and listed, never a reason to stop.
 */

export interface ImportOptions {
  limits?: Partial<SourceLimits>
  /** Records per transaction. */
  batchSize?: number
  fetch?: typeof fetch
  signal?: AbortSignal
  now?: () => Date
  /** Called after each batch, for a progress line. */
  onProgress?: (progress: { source: string; read: number }) => void
}

export interface SourceSummary {
  source: string
  kind: SourceKind | 'unknown'
  /** Valid records read from this source. */
  read: number
  rejected: number
  /** Set when the source could not be read to its end; what was read before it is imported. */
  error?: string
}

export interface ImportCounts {
  inserted: number
  updated: number
  unchanged: number
}

export interface ImportSummary extends ImportCounts {
  sources: SourceSummary[]
  /** Valid records read: inserted + updated + unchanged. */
  read: number
  rejected: number
  /** The first {@link MAX_LISTED_REJECTIONS} rejections, each with its reason. */
  rejections: RejectedAdvisory[]
  /** Per ecosystem base (`Ubuntu`, `npm`); a record naming two ecosystems counts in both. */
  byEcosystem: Record<string, ImportCounts>
  store: AdvisoryDbInfo
}

export const MAX_LISTED_REJECTIONS = 200
const DEFAULT_BATCH_SIZE = 500
// A batch is also cut by size: a few Ubuntu kernel records weigh megabytes each.
const MAX_BATCH_BYTES = 32 * 1024 * 1024

/**
 * Reads every input in turn and upserts its records.
 *
 * @example
 * const summary = await importOsv(db, ['fixtures/osv', 'https://example.test/npm/all.zip'])
 * summary.read === 0 // nothing usable was found: the CLI exits 1
 */
export async function importOsv(db: Db, inputs: readonly string[], opts: ImportOptions = {}): Promise<ImportSummary> {
  const limits = { ...DEFAULT_SOURCE_LIMITS, ...opts.limits }
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE)
  const now = opts.now ?? (() => new Date())
  const summary: Omit<ImportSummary, 'store'> = { sources: [], read: 0, rejected: 0, inserted: 0, updated: 0, unchanged: 0, rejections: [], byEcosystem: {} }

  const reject = (source: SourceSummary, r: RejectedAdvisory) => {
    source.rejected++
    summary.rejected++
    if (summary.rejections.length < MAX_LISTED_REJECTIONS) summary.rejections.push(r)
  }

  for (const input of inputs) {
    const source: SourceSummary = { source: input, kind: 'unknown', read: 0, rejected: 0 }
    summary.sources.push(source)
    let batch: AdvisoryInput[] = []
    let batchBytes = 0
    const flush = async () => {
      if (batch.length === 0) return
      const result = await upsertAdvisories(db, batch, now())
      for (const r of result.rejected) reject(source, r)
      tally(summary, result.inserted, 'inserted')
      tally(summary, result.updated, 'updated')
      tally(summary, result.unchanged, 'unchanged')
      const stored = result.inserted.length + result.updated.length + result.unchanged.length
      source.read += stored
      summary.read += stored
      batch = []
      batchBytes = 0
      opts.onProgress?.({ source: input, read: source.read })
    }
    try {
      const opened = await openSource(input, { limits, fetch: opts.fetch ?? fetch, signal: opts.signal })
      source.kind = opened.kind
      for await (const file of opened.files) {
        for (const item of decodeFile(file)) {
          if ('reason' in item) {
            reject(source, item)
            continue
          }
          batch.push(item.input)
          batchBytes += item.size
          if (batch.length >= batchSize || batchBytes >= MAX_BATCH_BYTES) await flush()
        }
      }
    } catch (error) {
      source.error = error instanceof Error ? error.message : String(error)
    }
    // Whatever was read before a source failed is still good data.
    await flush()
  }
  if (summary.read > 0) await recordImport(db, now())
  return { ...summary, store: await advisoryDbInfo(db) }
}

type Decoded = { input: AdvisoryInput; size: number } | RejectedAdvisory

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * One file → the records in it. A file holds one record, as OSV publishes them, or an
 * array of records, as some exports do.
 */
export function decodeFile(file: SourceFile): Decoded[] {
  if ('error' in file) return [{ origin: file.origin, reason: file.error }]
  let value: unknown
  try {
    value = JSON.parse(utf8.decode(file.bytes).replace(/^\uFEFF/, ''))
  } catch (error) {
    const why = error instanceof SyntaxError ? `not valid JSON: ${error.message}` : 'not valid UTF-8'
    return [{ origin: file.origin, reason: why }]
  }
  const values = Array.isArray(value) ? value : [value]
  const size = Math.ceil(file.bytes.length / Math.max(1, values.length))
  return values.map((raw: unknown, i): Decoded => {
    const origin = Array.isArray(value) ? `${file.origin}[${i}]` : file.origin
    const parsed = parseOsvRecord(raw)
    return parsed.ok ? { input: { record: parsed.record, raw, origin }, size } : { origin, reason: parsed.reason }
  })
}

function tally(summary: Omit<ImportSummary, 'store'>, inputs: readonly AdvisoryInput[], outcome: keyof ImportCounts) {
  summary[outcome] += inputs.length
  for (const { record } of inputs) {
    const bases = new Set(record.affected.flatMap((a) => (a.package ? [ecosystemBase(a.package.ecosystem)] : [])))
    if (bases.size === 0) bases.add('(no package)')
    for (const base of bases) {
      const counts = (summary.byEcosystem[base] ??= { inserted: 0, updated: 0, unchanged: 0 })
      counts[outcome]++
    }
  }
}
