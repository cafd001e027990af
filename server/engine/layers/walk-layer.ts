import type { Hash } from 'node:crypto'
import type { Analyzer } from '../inventory/analyzer'
import { hasherFor } from '../acquire/digest'
import { type LinkedFile, LayerAnalysis, type ReadFile } from './layer-analysis'
import { LayerError } from './layer-error'
import { LayerIndexBuilder } from './layer-index-builder'
import { type LayerWalkLimits, resolveWalkLimits } from './layer-limits'
import { type FileRecord, LAYER_SCHEMA_VERSION, type LayerResult } from './layer-result'
import { NoteCollector } from './note-collector'
import { TarReader } from './tar-reader'

export interface WalkOptions {
  analyzers: readonly Analyzer[]
  /** The config's `rootfs.diff_ids[i]`: the tar's digest, checked once it is read to the end. */
  expectedDiffId: string
  limits?: Partial<LayerWalkLimits> | undefined
  signal?: AbortSignal | undefined
  /** Names the layer in error messages, e.g. `layer 2 (sha256:ab12…)`. */
  what?: string | undefined
}

/**
 * False for a result that depends on timing (an analyzer timed out): caching it would
 * make a one-off slow run permanent.
 *
 * @example if (isCacheable(result)) await cache.put(key, result)
 */
export function isCacheable(result: LayerResult): boolean {
  return !result.notes.some((n) => n.code === 'analyzer-timeout')
}

/**
 * Reads one layer's uncompressed tar, start to end, without writing anything to disk:
 * indexes every entry (names normalised, hostile ones dropped with a note), records
 * whiteouts and opaque directories, hands wanted files to the analyzers, and checks
 * the tar's digest against the config's diff_id.
 *
 * The tar is pulled chunk by chunk and each chunk's files are analysed before the next
 * is read, so memory stays at one chunk plus the wanted files in it (each at most
 * `maxFileBytes`). Throws LayerError when the layer cannot be trusted whole (truncated,
 * not a tar, wrong diff_id, too many entries); everything smaller becomes a note.
 *
 * @example
 * const tar = decompressLayer(await source.openBlob(repo, layer), layer.mediaType)
 * const result = await walkLayerTar(tar, { analyzers, expectedDiffId: image.config.rootfs.diff_ids[0] })
 */
export async function walkLayerTar(tar: AsyncIterable<Uint8Array>, opts: WalkOptions): Promise<LayerResult> {
  const limits = resolveWalkLimits(opts.limits)
  const what = opts.what ?? 'layer'
  const hash = diffIdHasher(opts.expectedDiffId, what)
  const notes = new NoteCollector(limits.maxNotesPerCode)
  const index = new LayerIndexBuilder(limits, notes)
  const analysis = new LayerAnalysis(opts.analyzers, limits, notes, (r) => index.files.get(r.path) === r)
  const queue: (ReadFile | LinkedFile)[] = []
  let entries = 0
  const countEntry = () => {
    if (++entries > limits.maxEntries) throw new LayerError('TOO_LARGE', `${what}: more than ${limits.maxEntries} tar entries.`)
  }

  // The body of the wanted file being read, and what it is for.
  let reading: { record: FileRecord; analyzers: readonly Analyzer[]; chunks: Buffer[] } | undefined
  const reader = new TarReader(
    {
      entry(header) {
        countEntry()
        const decision = index.add(header)
        // A tar may repeat a path; the last entry wins, so what was said about the earlier one goes.
        if (decision.action !== 'skip') analysis.forget(decision.record.path)
        if (decision.action === 'hardlink') queue.push({ kind: 'hardlink', record: decision.record, target: decision.target })
        if (decision.action !== 'file') return false
        const { record } = decision
        const wanted = analysis.wanting(record)
        if (!wanted.length) return false
        if (record.size > limits.maxFileBytes) {
          notes.add({ level: 'warning', code: 'file-too-large', message: `"${record.path}" (${record.size} bytes) is larger than the ${limits.maxFileBytes}-byte analysis limit; not analysed.`, path: record.path })
          return false
        }
        // The header's size bounds the body: the reader hands over exactly that many bytes.
        reading = { record, analyzers: wanted, chunks: [] }
        return true
      },
      data(bytes) {
        reading?.chunks.push(bytes)
      },
      end() {
        if (!reading) return
        const { record, analyzers, chunks } = reading
        reading = undefined
        queue.push({ kind: 'file', record, bytes: chunks.length === 1 ? Buffer.from(chunks[0] as Buffer) : Buffer.concat(chunks), analyzers })
      },
      unsupported(header) {
        // Entry types the index does not hold (sparse files, tape headers, …) still count towards the limit.
        countEntry()
        notes.add({ level: 'info', code: 'unsupported-entry', message: `Entry "${header.path.slice(0, 200)}" has tar type ${header.type}; not indexed.` })
      },
      warn(code, message) {
        // A stream whose very first header is unreadable is not a tar at all.
        if (code === 'tar-entry-invalid' && !reader.started) throw new LayerError('CORRUPT', `${what}: not a tar archive.`)
        notes.add({ level: 'warning', code, message: code === 'tar-meta-too-large' ? message : `${what}: ${message}` })
      },
    },
    { maxMetaEntrySize: limits.maxMetaEntrySize },
  )

  const drain = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      opts.signal?.throwIfAborted()
      await analysis.process(item)
    }
  }

  let bytes = 0
  let first = -1
  for await (const raw of tar) {
    opts.signal?.throwIfAborted()
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
    if (bytes < 2 && chunk.length > 0) {
      // The gzip magic, possibly split over two chunks.
      const a = bytes === 0 ? chunk[0] : first
      const b = bytes === 0 ? chunk[1] : chunk[0]
      first = a ?? -1
      if (a === 0x1f && b === 0x8b) throw new LayerError('CORRUPT', `${what}: the layer's tar is itself gzip-compressed (compressed twice); refusing it.`)
    }
    hash.update(chunk)
    bytes += chunk.length
    reader.write(chunk)
    if (queue.length) await drain()
  }
  const end = reader.end()
  if (end.missingBytes > 0) throw new LayerError('TRUNCATED', `${what}: the tar ends in the middle of an entry (${end.missingBytes} more bytes were needed).`)
  if (end.partialHeaderBytes > 0) throw new LayerError('TRUNCATED', `${what}: the tar ends in the middle of a header (${bytes} bytes).`)
  // Garbage fails at its first block (see `warn`), so a stream without a single header is
  // zero blocks only: an empty layer, which is legal and common.
  await drain()
  if (!end.eof && bytes > 0) {
    notes.add({ level: 'warning', code: 'tar-no-end-marker', message: `${what}: the tar has no end-of-archive marker; it may have been cut short.` })
  }
  const actual = `${opts.expectedDiffId.slice(0, opts.expectedDiffId.indexOf(':'))}:${hash.digest('hex')}`
  if (actual !== opts.expectedDiffId) {
    throw new LayerError('DIFF_ID_MISMATCH', `${what}: the uncompressed layer hashes to ${actual}, but the image config names ${opts.expectedDiffId}.`)
  }
  return {
    schemaVersion: LAYER_SCHEMA_VERSION,
    diffId: opts.expectedDiffId,
    uncompressedBytes: bytes,
    ...index.finish(),
    analyses: analysis.finish(),
    notes: notes.finish(),
  }
}

function diffIdHasher(diffId: string, what: string): Hash {
  try {
    return hasherFor(diffId, what)
  } catch {
    throw new LayerError('DIFF_ID_MISMATCH', `${what}: the image config names an invalid diff_id "${diffId.slice(0, 80)}".`)
  }
}
