import { Inflate, Unzip, UnzipPassThrough, type AsyncFlateStreamHandler, type FlateError, type UnzipDecoder, type UnzipFile } from 'fflate'

/**
 * Streams the `*.json` entries out of a zip (OSV's per-ecosystem `all.zip`) without holding
 * the archive in memory: bytes go in as they arrive, entries come out as soon as they are
 * complete, each bounded in size.
 */

export type ZipEntry = { name: string; bytes: Uint8Array } | { name: string; error: string }

export interface ZipLimits {
  /** The most one entry may inflate to; a bigger one is rejected, and not inflated further. */
  maxEntryBytes: number
}

/** Thrown when the archive itself is unreadable (truncated, not a zip); entries read before it stand. */
export class ZipReadError extends Error {
  override readonly name = 'ZipReadError'
}

/**
 * Why an entry name is refused, or undefined when it is fine. Names are never used as
 * paths here, but an archive that tries `../` or an absolute path is hostile or broken,
 * and the report should say so rather than import it quietly.
 *
 * @example
 * unsafeEntryName('npm/GHSA-x.json') // undefined
 * unsafeEntryName('../../etc/passwd.json') // 'the name contains a ".." segment'
 */
export function unsafeEntryName(name: string): string | undefined {
  if (name.includes('\u0000')) return 'the name contains a NUL character'
  if (/^([/\\]|[A-Za-z]:)/.test(name)) return 'the name is an absolute path'
  if (name.split(/[/\\]/).includes('..')) return 'the name contains a ".." segment'
  return undefined
}

/**
 * Reads a zip from a stream of byte chunks and yields its `.json` entries (directories and
 * other files are skipped; entries with unsafe names, an unknown compression method, bad
 * deflate data or more than `maxEntryBytes` come out as errors).
 *
 * @throws {ZipReadError} when the archive is truncated or corrupt; entries already yielded stand.
 */
export async function* readZipEntries(chunks: AsyncIterable<Uint8Array>, limits: ZipLimits): AsyncGenerator<ZipEntry> {
  const ready: ZipEntry[] = []
  // The decoder is created by fflate from the entry's name alone, so what it should do with
  // that entry is looked up here; names repeat only in broken archives, and then the last
  // decision is the one in force for the entry being read.
  const policy = new Map<string, 'read' | 'skip'>()
  const unzip = new Unzip((file) => onFile(file))
  unzip.register(boundedDecoder(8, policy, limits.maxEntryBytes))
  unzip.register(boundedDecoder(0, policy, limits.maxEntryBytes))

  function onFile(file: UnzipFile) {
    const name = file.name
    const unsafe = unsafeEntryName(name)
    const wanted = !name.endsWith('/') && name.toLowerCase().endsWith('.json')
    if (unsafe) ready.push({ name, error: unsafe })
    if (file.compression !== 0 && file.compression !== 8) {
      // fflate cannot start a stream it has no decoder for; the entry's bytes are left unread.
      if (wanted && !unsafe) ready.push({ name, error: `unsupported compression method ${file.compression}` })
      return
    }
    // Unwanted entries are still started, with a decoder that drops their bytes, so that
    // fflate does not keep them buffered until the end of the archive.
    policy.set(name, wanted && !unsafe ? 'read' : 'skip')
    const parts: Uint8Array[] = []
    let failed = false
    file.ondata = (err, data, final) => {
      if (failed) return
      if (err) {
        failed = true
        if (policy.get(name) === 'read') ready.push({ name, error: err.message })
        return
      }
      if (data.length > 0) parts.push(data)
      if (final && wanted && !unsafe) ready.push({ name, bytes: concat(parts) })
    }
    file.start()
  }

  // Errors of the archive itself become ZipReadError; errors of the byte stream (a
  // download cut short) pass through as they are. Entries completed before either stand.
  const push = (chunk: Uint8Array, final: boolean): ZipReadError | undefined => {
    try {
      unzip.push(chunk, final)
      return undefined
    } catch (error) {
      return new ZipReadError(`not a readable zip archive: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  for await (const chunk of chunks) {
    const failure = push(chunk, false)
    while (ready.length > 0) yield ready.shift() as ZipEntry
    if (failure) throw failure
  }
  const failure = push(new Uint8Array(0), true)
  while (ready.length > 0) yield ready.shift() as ZipEntry
  if (failure) throw failure
}

/**
 * A zip decoder (stored or deflate) that stops at `maxBytes` of output. Stopping means
 * dropping the rest of the entry's input, so a zip bomb costs the bytes downloaded, not
 * the gigabytes it would inflate to.
 */
function boundedDecoder(compression: 0 | 8, policy: ReadonlyMap<string, 'read' | 'skip'>, maxBytes: number) {
  return class BoundedDecoder implements UnzipDecoder {
    static readonly compression = compression
    ondata: AsyncFlateStreamHandler = () => {}
    private total = 0
    private stopped: boolean
    private readonly inner: Inflate | UnzipPassThrough

    constructor(name: string) {
      this.stopped = policy.get(name) !== 'read'
      if (compression === 8) {
        this.inner = new Inflate((data, final) => this.emit(data, final))
      } else {
        this.inner = new UnzipPassThrough()
        this.inner.ondata = (_err, data, final) => this.emit(data, final)
      }
    }

    push(chunk: Uint8Array, final: boolean): void {
      if (this.stopped) {
        if (final) this.ondata(null, new Uint8Array(0), true)
        return
      }
      try {
        // Inflate inflates a whole push before it reports, and deflate reaches ~1000:1, so
        // input goes in small slices: the bound is then overshot by a few MiB at most.
        for (let i = 0; i < chunk.length && !this.stopped; i += SLICE) {
          const end = Math.min(i + SLICE, chunk.length)
          this.inner.push(chunk.subarray(i, end), final && end === chunk.length)
        }
        if (chunk.length === 0 && !this.stopped) this.inner.push(chunk, final)
      } catch (error) {
        this.stopped = true
        this.ondata(flateError(`bad compressed data: ${error instanceof Error ? error.message : String(error)}`), new Uint8Array(0), true)
      }
    }

    private emit(data: Uint8Array<ArrayBuffer>, final: boolean) {
      if (this.stopped) return
      this.total += data.length
      if (this.total > maxBytes) {
        this.stopped = true
        this.ondata(flateError(`the entry inflates to more than ${maxBytes} bytes`), new Uint8Array(0), true)
        return
      }
      this.ondata(null, data, final)
    }
  }
}

const SLICE = 4096

function flateError(message: string): FlateError {
  return Object.assign(new Error(message), { code: -1 })
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}
