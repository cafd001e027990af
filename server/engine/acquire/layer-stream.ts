import { pipeline, Readable } from 'node:stream'
import zlib from 'node:zlib'
import { Decompress } from 'fzstd'
import { AcquireError, isAbortError } from './errors'
import { type Compression, layerCompression } from './media-types'
import { ZstdFrameGuard } from './zstd-frames'

export interface LayerLimits {
  /** Absolute cap on uncompressed bytes per layer. */
  maxBytes?: number
  /** Cap on uncompressed/compressed, checked once output passes `ratioFloorBytes`. */
  maxRatio?: number
  /** Below this much output the ratio is not checked: small zero-filled files are normal. */
  ratioFloorBytes?: number
  /** Largest zstd window accepted; the reference decoder's default limit is 128 MiB. */
  maxZstdWindow?: number
}

const GIB = 1024 ** 3
const MIB = 1024 * 1024
/**
 * gzip cannot exceed about 1030:1 and zero-filled files legitimately get close, so gzip
 * bombs are stopped by `maxBytes` (the scan passes its own, smaller budget); the
 * ratio cap is far above gzip's and catches zstd, whose RLE blocks reach 32768:1.
 */
export const DEFAULT_LAYER_LIMITS: Required<LayerLimits> = { maxBytes: 16 * GIB, maxRatio: 10_000, ratioFloorBytes: 128 * MIB, maxZstdWindow: 128 * MIB }

/**
 * fzstd decodes synchronously and hands out whole blocks, so input is fed in small
 * slices: one slice can then expand to at most a few MiB before we get control back.
 */
const ZSTD_SLICE = 2048
const OUTPUT_HIGH_WATER = 1024 * 1024
/**
 * gunzip runs on the thread pool, and every hand-off costs: a wake-up there, a callback
 * here, and on a busy machine often the main thread's turn on the CPU. zlib makes one
 * round trip per input write plus one per output buffer filled, so input is fed in runs
 * of at least GZIP_INPUT (sources read 64 KiB at a time) and output comes in GZIP_CHUNK
 * buffers: per 100 MB of compressed layer, about 400 round trips instead of 4,900 with
 * zlib's defaults. Over the bench layers that halved the process's context switches, and
 * zlib's own CPU drops as its buffers grow (64 → 256 KiB output: about a tenth). The price
 * is a copy of the compressed bytes (cheap next to inflating them) and a few MiB per
 * layer in flight.
 */
const GZIP_INPUT = 512 * 1024
const GZIP_CHUNK = 1024 * 1024

export interface DecompressHooks {
  /** Compressed bytes taken from the input so far, after every chunk. */
  onInput?: ((bytesRead: number) => void) | undefined
}

/**
 * The compression a blob really uses, from its first bytes; null when they say
 * nothing (then the media type decides). xz and bzip2 are refused: no OCI media type
 * names them, so such a layer is broken or hostile.
 *
 * @example sniffCompression(Buffer.from([0x1f, 0x8b, 8, 0])) // 'gzip'
 */
export function sniffCompression(head: Uint8Array): Compression | null {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd'
  // zstd skippable frames (zstd:chunked puts metadata first): magic 0x184D2A5?, little-endian.
  if (head.length >= 4 && (head[0]! & 0xf0) === 0x50 && head[1] === 0x2a && head[2] === 0x4d && head[3] === 0x18) return 'zstd'
  if (head.length >= 262 && Buffer.from(head.subarray(257, 262)).toString('latin1') === 'ustar') return 'none'
  if (head.length >= 6 && head[0] === 0xfd && head[1] === 0x37 && head[2] === 0x7a && head[3] === 0x58 && head[4] === 0x5a) return 'unknown'
  if (head.length >= 3 && head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) return 'unknown'
  return null
}

/**
 * Turns a (verified) layer blob stream into its uncompressed tar stream. The magic
 * bytes win over the media type, since both docker-save archives and some registries
 * label layers wrongly. Output is bounded: past `maxBytes`, or past `maxRatio` once
 * `ratioFloorBytes` are out, the stream fails with TOO_LARGE (decompression bombs).
 *
 * @example
 * const tar = decompressLayer(await source.openBlob(repo, layer), layer.mediaType)
 * const result = await walkLayerTar(tar, { analyzers, expectedDiffId })
 */
export function decompressLayer(input: Readable, mediaType: string, limits: LayerLimits = {}, hooks: DecompressHooks = {}): Readable {
  const lim = { ...DEFAULT_LAYER_LIMITS, ...limits }
  const counter = { in: 0, out: 0 }
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const onInput = hooks.onInput

  async function* counted(first: Buffer[]): AsyncGenerator<Buffer> {
    for (const chunk of first) yield chunk
    for (;;) {
      const next = await iterator.next()
      if (next.done) return
      counter.in += next.value.length
      onInput?.(counter.in)
      yield next.value
    }
  }

  function check(produced: number) {
    counter.out += produced
    if (counter.out > lim.maxBytes) throw new AcquireError('TOO_LARGE', `Layer expands past the ${lim.maxBytes}-byte limit.`)
    if (counter.out > lim.ratioFloorBytes && counter.out > lim.maxRatio * Math.max(counter.in, 1)) {
      throw new AcquireError('TOO_LARGE', `Layer expands more than ${lim.maxRatio}:1 (${counter.out} bytes from ${counter.in}); refusing a likely decompression bomb.`)
    }
  }

  async function* run(): AsyncGenerator<Buffer> {
    try {
      const head: Buffer[] = []
      let headLength = 0
      while (headLength < 512) {
        const next = await iterator.next()
        if (next.done) break
        head.push(next.value)
        headLength += next.value.length
        counter.in += next.value.length
        onInput?.(counter.in)
      }
      const sniffed = sniffCompression(Buffer.concat(head))
      const declared = layerCompression(mediaType)
      const kind = sniffed ?? (declared === 'unknown' ? 'none' : declared)
      if (kind === 'unknown') throw new AcquireError('UNSUPPORTED_MEDIA_TYPE', `Layer (${mediaType.slice(0, 100)}) uses a compression other than gzip or zstd.`)
      const source = counted(head)
      if (kind === 'gzip') yield* gunzip(source, check)
      else if (kind === 'zstd') yield* unzstd(source, check, new ZstdFrameGuard(lim.maxZstdWindow))
      else
        for await (const chunk of source) {
          check(chunk.length)
          yield chunk
        }
    } finally {
      await iterator.return?.()
    }
  }

  return Readable.from(run(), { objectMode: false, highWaterMark: OUTPUT_HIGH_WATER })
}

/** The chunks of `source` joined into runs of at least `min` bytes (the last may be shorter). */
async function* coalesce(source: AsyncIterable<Buffer>, min: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = []
  let n = 0
  for await (const chunk of source) {
    parts.push(chunk)
    n += chunk.length
    if (n >= min) {
      yield parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, n)
      parts = []
      n = 0
    }
  }
  if (n) yield Buffer.concat(parts, n)
}

async function* gunzip(source: AsyncIterable<Buffer>, check: (n: number) => void): AsyncGenerator<Buffer> {
  const inflater = zlib.createGunzip({ chunkSize: GZIP_CHUNK })
  // pipeline, not pipe: an error of the source (a digest mismatch) must reach the reader.
  pipeline(Readable.from(coalesce(source, GZIP_INPUT), { highWaterMark: 2 }), inflater, () => undefined)
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      check(chunk.length)
      yield chunk
    }
  } catch (err) {
    throw codecError(err, 'gzip')
  } finally {
    inflater.destroy()
  }
}

async function* unzstd(source: AsyncIterable<Buffer>, check: (n: number) => void, guard: ZstdFrameGuard): AsyncGenerator<Buffer> {
  let pending: Buffer[] = []
  const decoder = new Decompress((block) => {
    // Checked per block, inside fzstd's loop, so a bomb stops within one block.
    check(block.length)
    pending.push(Buffer.from(block.buffer, block.byteOffset, block.byteLength))
  })
  const feed = (chunk: Uint8Array, final: boolean) => {
    try {
      decoder.push(chunk, final)
    } catch (err) {
      throw codecError(err, 'zstd')
    }
  }
  for await (const chunk of source) {
    for (let off = 0; off < chunk.length; off += ZSTD_SLICE) {
      const slice = chunk.subarray(off, off + ZSTD_SLICE)
      guard.check(slice)
      feed(slice, false)
      if (pending.length) {
        const out = pending
        pending = []
        yield* out
      }
    }
  }
  feed(new Uint8Array(0), true)
  yield* pending
}

function codecError(err: unknown, codec: string): unknown {
  if (err instanceof AcquireError || isAbortError(err)) return err
  return new AcquireError('BAD_RESPONSE', `Layer is not valid ${codec}: ${err instanceof Error ? err.message : String(err)}`, { cause: err })
}
