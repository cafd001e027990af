import type { Hash } from 'node:crypto'
import { Parser, type ReadEntry } from 'tar'
import type { Analyzer } from '../inventory/analyzer'
import { hasherFor } from '../acquire/digest'
import { type LinkedFile, LayerAnalysis, type ReadFile } from './layer-analysis'
import { LayerError } from './layer-error'
import { LayerIndexBuilder } from './layer-index-builder'
import { type LayerWalkLimits, resolveWalkLimits } from './layer-limits'
import { LAYER_SCHEMA_VERSION, type LayerResult } from './layer-result'
import { NoteCollector } from './note-collector'

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
  const state = { entries: 0, sawEof: false, badArchive: false, failure: undefined as LayerError | undefined }

  let onFailure: () => void = () => undefined
  const failed = new Promise<void>((resolve) => (onFailure = resolve))
  const fail = (err: LayerError) => {
    state.failure ??= err
    onFailure()
  }
  const onEntry = (entry: ReadEntry) => {
    if (++state.entries > limits.maxEntries) {
      fail(new LayerError('TOO_LARGE', `${what}: more than ${limits.maxEntries} tar entries.`))
      entry.resume()
      return
    }
    const decision = index.add(entry)
    // A tar may repeat a path; the last entry wins, so what was said about the earlier one goes.
    if (decision.action !== 'skip') analysis.forget(decision.record.path)
    if (decision.action === 'hardlink') queue.push({ kind: 'hardlink', record: decision.record, target: decision.target })
    if (decision.action !== 'file') {
      entry.resume()
      return
    }
    const { record } = decision
    const wanted = analysis.wanting(record)
    if (!wanted.length) {
      entry.resume()
      return
    }
    if (record.size > limits.maxFileBytes) {
      notes.add({ level: 'warning', code: 'file-too-large', message: `"${record.path}" (${record.size} bytes) is larger than the ${limits.maxFileBytes}-byte analysis limit; not analysed.`, path: record.path })
      entry.resume()
      return
    }
    // The header's size bounds the body: node-tar hands over exactly that many bytes.
    const chunks: Buffer[] = []
    entry.on('data', (c: Buffer) => chunks.push(c))
    entry.on('end', () => queue.push({ kind: 'file', record, bytes: Buffer.concat(chunks), analyzers: wanted }))
  }

  const parser = new Parser({
    strict: false,
    maxMetaEntrySize: limits.maxMetaEntrySize,
    // The tar reaches us decompressed; node-tar must not sniff and decompress a second time.
    brotli: false,
    zstd: false,
    onReadEntry: onEntry,
  })
  parser.on('warn', (code: string, message: string | Error) => onParserWarning(code, String(message instanceof Error ? message.message : message)))
  parser.on('error', (err: Error) => fail(new LayerError('CORRUPT', `${what}: unreadable tar (${err.message}).`, { cause: err })))
  parser.on('eof', () => (state.sawEof = true))
  parser.on('ignoredEntry', (entry: ReadEntry) => {
    if (entry.meta) {
      notes.add({ level: 'warning', code: 'tar-meta-too-large', message: `A ${entry.type} header of ${entry.size} bytes is over the ${limits.maxMetaEntrySize}-byte limit; ignored.` })
      return
    }
    // Entry types node-tar does not index (sparse files, tape headers, …) still count towards the limit.
    if (++state.entries > limits.maxEntries) fail(new LayerError('TOO_LARGE', `${what}: more than ${limits.maxEntries} tar entries.`))
    notes.add({ level: 'info', code: 'unsupported-entry', message: `Entry "${entry.path.slice(0, 200)}" has tar type ${entry.type}; not indexed.` })
  })
  const ended = new Promise<void>((resolve) => parser.on('end', () => resolve()))

  function onParserWarning(code: string, message: string) {
    if (code === 'TAR_BAD_ARCHIVE' && message.startsWith('Truncated')) fail(new LayerError('TRUNCATED', `${what}: the tar ends in the middle of an entry (${message}).`))
    else if (code === 'TAR_BAD_ARCHIVE') state.badArchive = true
    else notes.add({ level: 'warning', code: code === 'TAR_ENTRY_INVALID' ? 'tar-entry-invalid' : 'tar-warning', message: `${what}: ${code}: ${message}` })
  }

  const drain = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      opts.signal?.throwIfAborted()
      await analysis.process(item)
    }
  }

  let bytes = 0
  const head: number[] = []
  for await (const raw of tar) {
    opts.signal?.throwIfAborted()
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
    if (head.length < 2) head.push(...chunk.subarray(0, 2 - head.length))
    if (head.length >= 2 && bytes < 2 && head[0] === 0x1f && head[1] === 0x8b) {
      throw new LayerError('CORRUPT', `${what}: the layer's tar is itself gzip-compressed (compressed twice); refusing it.`)
    }
    hash.update(chunk)
    bytes += chunk.length
    parser.write(chunk)
    if (state.failure) throw state.failure
    await drain()
  }
  parser.end()
  // node-tar never ends after an abort: the failure wins the race then.
  await Promise.race([ended, failed])
  if (state.failure) throw state.failure
  await drain()
  // node-tar calls an archive without a single valid entry "unrecognised"; an empty layer
  // (just the two zero blocks, or nothing at all) is legal and common.
  if (state.badArchive && !(state.entries === 0 && (state.sawEof || bytes === 0))) {
    throw new LayerError('CORRUPT', `${what}: not a tar archive.`)
  }
  if (!state.sawEof && bytes > 0) {
    // node-tar silently drops a partial header block at the end: that is a cut tar.
    if (bytes % 512 !== 0) throw new LayerError('TRUNCATED', `${what}: the tar ends in the middle of a header (${bytes} bytes).`)
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
