import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { readZipEntries, type ZipEntry } from './read-zip'

/**
 * Where OSV records come from: a directory tree of `*.json`, one `.json` file (a record or
 * an array of records), a `.zip` such as OSV's per-ecosystem `all.zip`, or an http(s) URL
 * to either. Each source yields raw files; decoding and validation happen in the importer.
 */

export type SourceKind = 'directory' | 'zip' | 'json' | 'url'

/** One file of a source: its bytes, or why it could not be read. */
export type SourceFile = { origin: string; bytes: Uint8Array } | { origin: string; error: string }

export interface SourceLimits {
  /** The most one file (or zip entry) may hold; OSV's largest records (kernel USNs) are a few MiB. */
  maxEntryBytes: number
  /** The most a URL may send; the body is streamed, so this bounds time, not memory. */
  maxDownloadBytes: number
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxDownloadBytes: 4 * 1024 * 1024 * 1024,
}

/** Thrown when a whole source cannot be read (missing path, HTTP error, corrupt zip). */
export class SourceError extends Error {
  override readonly name = 'SourceError'
}

export interface OpenedSource {
  kind: SourceKind
  files: AsyncIterable<SourceFile>
}

export interface SourceOptions {
  limits: SourceLimits
  fetch: typeof fetch
  signal?: AbortSignal | undefined
}

/**
 * Works out what `input` names and returns its files as a lazy stream.
 *
 * @throws {SourceError} when the path does not exist or is neither a directory, `.json` nor `.zip`.
 */
export async function openSource(input: string, opts: SourceOptions): Promise<OpenedSource> {
  if (/^https?:\/\//i.test(input)) return { kind: 'url', files: readUrl(input, opts) }
  const stat = await fs.stat(input).catch((error: unknown) => {
    throw new SourceError(`cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  })
  if (stat.isDirectory()) return { kind: 'directory', files: readDirectory(input, opts.limits) }
  const lower = input.toLowerCase()
  if (stat.isFile() && lower.endsWith('.zip')) {
    return { kind: 'zip', files: zipFiles(path.basename(input), createReadStream(input), opts.limits) }
  }
  if (stat.isFile() && lower.endsWith('.json')) return { kind: 'json', files: readJsonFile(input, opts.limits) }
  throw new SourceError(`${input} is not a directory, a .json file, a .zip file or an http(s) URL`)
}

async function* readDirectory(root: string, limits: SourceLimits): AsyncGenerator<SourceFile> {
  // Sorted, so two imports of the same tree read (and report) in the same order.
  const entries = (await fs.readdir(root, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const full = path.join(root, entry.name)
    // Symbolic links are not followed: a link loop or a link out of the tree is not data.
    if (entry.isDirectory()) yield* readDirectory(full, limits)
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) yield* readJsonFile(full, limits)
  }
}

async function* readJsonFile(file: string, limits: SourceLimits): AsyncGenerator<SourceFile> {
  try {
    const { size } = await fs.stat(file)
    if (size > limits.maxEntryBytes) {
      yield { origin: file, error: `the file is ${size} bytes, more than the ${limits.maxEntryBytes}-byte limit` }
      return
    }
    yield { origin: file, bytes: await fs.readFile(file) }
  } catch (error) {
    yield { origin: file, error: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }
  }
}

async function* zipFiles(label: string, chunks: AsyncIterable<Uint8Array>, limits: SourceLimits): AsyncGenerator<SourceFile> {
  try {
    for await (const entry of readZipEntries(chunks, { maxEntryBytes: limits.maxEntryBytes })) yield zipFile(label, entry)
  } catch (error) {
    throw new SourceError(`${label}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function zipFile(label: string, entry: ZipEntry): SourceFile {
  const origin = `${label}!${entry.name}`
  return 'error' in entry ? { origin, error: entry.error } : { origin, bytes: entry.bytes }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

/**
 * Downloads a URL as a stream. A body that starts like a zip is read as one, whatever the
 * URL or content type say (OSV's bucket serves `all.zip` as application/octet-stream);
 * anything else must be one JSON document within `maxEntryBytes`.
 */
async function* readUrl(url: string, opts: SourceOptions): AsyncGenerator<SourceFile> {
  let res: Response
  try {
    res = await opts.fetch(url, { redirect: 'follow', ...(opts.signal ? { signal: opts.signal } : {}) })
  } catch (error) {
    throw new SourceError(`cannot download ${url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`)
  }
  if (!res.ok || !res.body) throw new SourceError(`cannot download ${url}: HTTP ${res.status} ${res.statusText}`.trimEnd())
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (declared > opts.limits.maxDownloadBytes) {
    await res.body.cancel()
    throw new SourceError(`${url} is ${declared} bytes, more than the ${opts.limits.maxDownloadBytes}-byte download limit`)
  }
  const body = bodyChunks(url, res.body, opts.limits.maxDownloadBytes)
  const first = await body.next()
  if (first.done) throw new SourceError(`${url} sent an empty body`)
  const head = first.value
  const label = new URL(url).pathname.split('/').pop() || url
  const rest = withFirst(head, body)
  if (ZIP_MAGIC.every((b, i) => head[i] === b)) {
    yield* zipFiles(label, rest, opts.limits)
    return
  }
  const parts: Uint8Array[] = []
  let size = 0
  for await (const chunk of rest) {
    size += chunk.length
    if (size > opts.limits.maxEntryBytes) {
      await body.return(undefined)
      yield { origin: url, error: `the JSON document is more than ${opts.limits.maxEntryBytes} bytes` }
      return
    }
    parts.push(chunk)
  }
  yield { origin: url, bytes: Buffer.concat(parts) }
}

async function* withFirst(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value
}

/** The body's chunks, failing once more than `max` bytes arrived (a lying or absent Content-Length). */
async function* bodyChunks(url: string, body: ReadableStream<Uint8Array>, max: number): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = body.getReader()
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      total += value.length
      if (total > max) throw new SourceError(`${url} sent more than the ${max}-byte download limit`)
      yield value
    }
  } finally {
    // Reached on completion, on error and when the consumer stops early: never leave the
    // connection open.
    await reader.cancel().catch(() => undefined)
  }
}
