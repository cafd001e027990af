import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { verifiedStream } from './digest'
import { AcquireError } from './errors'
import { decompressLayer, sniffCompression } from './layer-stream'
import { MediaType } from './media-types'

const text = Array.from({ length: 200 }, (_, i) => `line ${i} of the zstd fixture, value ${(i * 7919) % 1000}\n`).join('')
// `zstd -19 --check` of `text` (real FSE/Huffman blocks and a content checksum).
const ZSTD_FIXTURE = Buffer.from(
  'KLUv/WS4HZUVALpEPAgacGlBMQew6mdiZ2HPAwAgSFZ2r9yEsPu/fyaMAHwAcQBlU9AFzRt5G96dqdQQkaY4M504diRzrSeqMY8dRc7IcqxINbFGhhWSFiM8mxml4FQnwppwq8xZCfVIikbKKbaI3MkSxpBrbhmyKdUnWpOVrrK5c9xEvvjjjq+cEI2czlR0RNWaUmk0uW+DGA4QKARIMAA4MIBgQUECwiBg4cCC4WDAwoBQYIjhgECCQlMx3VBcpYlLxdhYiW87jriIt7uTsuPcG5E6CtKVca41PBuSO6kvbtzXM6mZka42LKMnq3usFZoRxY6zhVDYUVexsrLazliV5Kg1rbFWS2/kBhn9uZIbK5ZaQ1VFLFVtUz1jWU/q6Io5apEjCRrRWJqaIhoiKqmhRklmFbpF2qyEvup0kAU972bZZl7n6TUTCc1FztyHs93IfKXnqIr56XERM8648rErTkW85uEVIbeg8DPOoxN8opOFZTJv5bmWTDWSi27kkrK9yHcvh0nIF+9lxp5C/YmqJyv6qs53jG9y8vfHxd8vFhKLSTaeAwab3S11dnN6j1w3hdBdJnO3yNtm5D6h77ji/upsac0mWe3hlU2TXTd2O20jEfvI7ZAJ+6DrYmSdVe0zrU5i1Ctueu3YraTffA9K9OfVcrSandZDVDWxqK47da+srSb10V3HRL18tIQYTZPSUyyaZoguoaEbAYGOqBEwSH7/O7E7BxEkhOH//QGIPWxuk1gcxUiS3SaxODoQmcSik4cYOotGFn2QB2S2nUSz4YJmt0ks jg5GJrHo5DEGzpDYNpLFfpXCsqXcHVXuftCirfLuVHH3YQcZWYl3R5V7p0MZ6pwq506VH143d1q5O6p8/Oyi2iq6O6XcnR1aUHdauTuqfPjYOOaKUtFQYahgqLhMYQcBPEBVBecYJBo=',
  'base64',
)

/** A zstd frame of raw (type 0) or RLE (type 1) blocks, window 128 KiB: enough to test framing by hand. */
function zstdFrame(blocks: { raw?: Buffer; rle?: { byte: number; size: number } }[], windowByte = 7 << 3): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, windowByte])]
  blocks.forEach((b, i) => {
    const last = i === blocks.length - 1 ? 1 : 0
    const size = b.raw ? b.raw.length : (b.rle?.size ?? 0)
    const header = last | ((b.raw ? 0 : 1) << 1) | (size << 3)
    parts.push(Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), b.raw ?? Buffer.from([b.rle?.byte ?? 0]))
  })
  return Buffer.concat(parts)
}

const skippable = (payload: Buffer) => Buffer.concat([Buffer.from([0x50, 0x2a, 0x4d, 0x18]), Buffer.from(Uint32Array.of(payload.length).buffer), payload])

async function drain(stream: Readable): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length
    hash.update(chunk)
  }
  return { bytes, sha256: hash.digest('hex') }
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex')
const chunked = (b: Buffer, size = 1000) => Readable.from(Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size)))

async function failure(stream: Readable): Promise<AcquireError> {
  const err = await drain(stream).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AcquireError)
  return err as AcquireError
}

describe('decompressLayer', () => {
  const tarLike = Buffer.concat([Buffer.alloc(257), Buffer.from('ustar\u000000'), Buffer.alloc(1024 - 265, 7)])

  it('passes uncompressed tar through, whatever the media type claims', async () => {
    expect(await drain(decompressLayer(chunked(tarLike), MediaType.ociLayerGzip))).toEqual({ bytes: tarLike.length, sha256: sha(tarLike) })
  })

  it('gunzips, including multi-member gzip', async () => {
    const gz = Buffer.concat([zlib.gzipSync(tarLike.subarray(0, 300)), zlib.gzipSync(tarLike.subarray(300))])
    expect(sniffCompression(gz)).toBe('gzip')
    expect(await drain(decompressLayer(chunked(gz, 7), MediaType.dockerLayer))).toEqual({ bytes: tarLike.length, sha256: sha(tarLike) })
  })

  it('decodes real zstd, and several frames with a skippable frame first', async () => {
    expect(await drain(decompressLayer(chunked(ZSTD_FIXTURE, 13), MediaType.ociLayerZstd))).toEqual({ bytes: text.length, sha256: sha(text) })
    const a = Buffer.from('first frame; ')
    const multi = Buffer.concat([skippable(Buffer.from('toc')), zstdFrame([{ raw: a }, { rle: { byte: 0x41, size: 5000 } }]), ZSTD_FIXTURE])
    expect(sniffCompression(multi)).toBe('zstd')
    const expected = Buffer.concat([a, Buffer.alloc(5000, 0x41), Buffer.from(text)])
    expect(await drain(decompressLayer(chunked(multi, 5), MediaType.dockerLayer))).toEqual({ bytes: expected.length, sha256: sha(expected) })
  })

  it('refuses a zstd frame asking for a huge window before allocating it', async () => {
    const frame = zstdFrame([{ rle: { byte: 0, size: 10 } }], 21 << 3) // 2 GiB window
    expect((await failure(decompressLayer(chunked(frame), MediaType.ociLayerZstd))).code).toBe('TOO_LARGE')
  })

  it('stops a gzip bomb (1 GiB of zeros) at the size cap, quickly and in bounded memory', async () => {
    const member = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024))
    const bomb = Buffer.concat(Array.from({ length: 64 }, () => member))
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    const rssBefore = process.memoryUsage().rss
    const started = Date.now()
    const err = await failure(decompressLayer(chunked(bomb, 64 * 1024), MediaType.ociLayerGzip, { maxBytes: 256 * 1024 * 1024 }))
    expect(err.code).toBe('TOO_LARGE')
    expect(err.message).toMatch(/268435456-byte limit/)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024)
    // A lower ratio cap stops it as soon as the floor is passed.
    const byRatio = await failure(decompressLayer(chunked(bomb, 64 * 1024), MediaType.ociLayerGzip, { maxRatio: 500, ratioFloorBytes: 32 * 1024 * 1024 }))
    expect(byRatio.message).toMatch(/500:1/)
  })

  it('stops a zstd bomb of RLE blocks by ratio with the default limits', async () => {
    const blocks = Array.from({ length: 8192 }, () => ({ rle: { byte: 0, size: 128 * 1024 } })) // 1 GiB from 32 KiB
    const started = Date.now()
    const err = await failure(decompressLayer(chunked(zstdFrame(blocks), 4096), MediaType.ociLayerZstd))
    expect(err.code).toBe('TOO_LARGE')
    expect(err.message).toMatch(/10000:1/)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('reports corrupt input and refuses xz', async () => {
    const gz = zlib.gzipSync(tarLike)
    expect((await failure(decompressLayer(chunked(gz.subarray(0, gz.length - 12)), MediaType.ociLayerGzip))).code).toBe('BAD_RESPONSE')
    const xz = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 0])
    expect((await failure(decompressLayer(chunked(xz), MediaType.ociLayerGzip))).code).toBe('UNSUPPORTED_MEDIA_TYPE')
    expect((await failure(decompressLayer(chunked(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x08, 0x00, 0x07])), MediaType.ociLayerZstd))).code).toBe('BAD_RESPONSE')
  })

  it('lets a digest mismatch of the compressed blob reach the tar reader', async () => {
    const gz = zlib.gzipSync(tarLike)
    const wrong = { digest: `sha256:${'0'.repeat(64)}`, size: gz.length }
    const err = await failure(decompressLayer(verifiedStream(chunked(gz), wrong, 'layer'), MediaType.ociLayerGzip))
    expect(err.code).toBe('DIGEST_MISMATCH')
  })

  it('reports the compressed bytes taken so far, ending at the blob size', async () => {
    const gz = zlib.gzipSync(Buffer.concat([tarLike, Buffer.alloc(300_000, 3)]))
    const seen: number[] = []
    await drain(decompressLayer(chunked(gz, 4096), MediaType.ociLayerGzip, {}, { onInput: (n) => seen.push(n) }))
    expect(seen.length).toBe(Math.ceil(gz.length / 4096))
    expect(seen.at(-1)).toBe(gz.length)
    expect(seen.every((n, i) => i === 0 || n > (seen[i - 1] ?? 0))).toBe(true)
  })

  it('returns an empty stream for an empty blob', async () => {
    expect(await drain(decompressLayer(Readable.from([]), MediaType.ociLayer))).toEqual({ bytes: 0, sha256: sha('') })
  })
})
