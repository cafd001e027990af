import { createHash, type Hash } from 'node:crypto'
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream'
import { AcquireError } from './errors'
import type { Descriptor } from './image-source'
import { isValidDigest } from './reference'

/**
 * The hash for a digest's algorithm. Only algorithms we can verify are accepted:
 * a blob we cannot check is a blob we cannot trust.
 *
 * @example
 * const hash = hasherFor(layer.digest, 'demo/app layer')
 */
export function hasherFor(digest: string, what: string): Hash {
  if (!isValidDigest(digest)) throw new AcquireError('INVALID_MANIFEST', `${what}: invalid or unsupported digest "${digest.slice(0, 80)}".`)
  return createHash(digest.slice(0, digest.indexOf(':')))
}

/**
 * The digest of some bytes, in the algorithm of `like` (sha256 by default).
 *
 * @example digestOf(Buffer.from('{}')) // 'sha256:44136fa3…'
 */
export function digestOf(bytes: Uint8Array, like = 'sha256:'): string {
  const alg = like.startsWith('sha512:') ? 'sha512' : 'sha256'
  return `${alg}:${createHash(alg).update(bytes).digest('hex')}`
}

/**
 * Checks whole bytes against a descriptor; throws SIZE_MISMATCH or DIGEST_MISMATCH.
 *
 * @example
 * verifyBytes(configBytes, image.configDescriptor, 'demo/app config')
 */
export function verifyBytes(bytes: Uint8Array, desc: Pick<Descriptor, 'digest' | 'size'>, what: string): void {
  if (bytes.length !== desc.size) {
    throw new AcquireError('SIZE_MISMATCH', `${what}: ${desc.digest} is ${bytes.length} bytes, but ${desc.size} were declared.`)
  }
  const actual = `${desc.digest.slice(0, desc.digest.indexOf(':'))}:${hasherFor(desc.digest, what).update(bytes).digest('hex')}`
  if (actual !== desc.digest) {
    throw new AcquireError('DIGEST_MISMATCH', `${what}: content of ${desc.digest} hashes to ${actual}.`)
  }
}

/**
 * A pass-through that hashes and counts. It fails as soon as more bytes than
 * declared arrive (so a lying source cannot make us read forever), and at the end
 * when fewer arrived or the digest differs.
 *
 * @example
 * source.pipe(new VerifyingStream(layer, 'demo/app layer')).pipe(parser)
 */
export class VerifyingStream extends Transform {
  private hash: Hash
  private count = 0

  constructor(
    private desc: Pick<Descriptor, 'digest' | 'size'>,
    private what: string,
  ) {
    super()
    this.hash = hasherFor(desc.digest, what)
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.count += chunk.length
    if (this.count > this.desc.size) {
      done(new AcquireError('SIZE_MISMATCH', `${this.what}: ${this.desc.digest} is longer than the declared ${this.desc.size} bytes.`))
      return
    }
    this.hash.update(chunk)
    done(null, chunk)
  }

  override _flush(done: TransformCallback): void {
    if (this.count !== this.desc.size) {
      done(new AcquireError('SIZE_MISMATCH', `${this.what}: ${this.desc.digest} ended after ${this.count} of ${this.desc.size} bytes.`))
      return
    }
    const alg = this.desc.digest.slice(0, this.desc.digest.indexOf(':'))
    const actual = `${alg}:${this.hash.digest('hex')}`
    if (actual !== this.desc.digest) {
      done(new AcquireError('DIGEST_MISMATCH', `${this.what}: content of ${this.desc.digest} hashes to ${actual}.`))
      return
    }
    done()
  }
}

/**
 * Wraps a byte stream so it is verified against the descriptor while it is read.
 * Destroying the result destroys the source, and a source error reaches the reader.
 *
 * @example
 * const verified = verifiedStream(fs.createReadStream(file), layer, 'demo/app')
 */
export function verifiedStream(source: Readable, desc: Pick<Descriptor, 'digest' | 'size'>, what: string): Readable {
  const verifier = new VerifyingStream(desc, what)
  // pipeline destroys every stream with the first error, which is what the reader sees.
  pipeline(source, verifier, () => undefined)
  return verifier
}

/**
 * Reads a whole stream into memory, failing with TOO_LARGE past `limit` bytes.
 *
 * @example const bytes = await readAll(stream, 4 << 20, 'manifest of demo/app')
 */
export async function readAll(stream: AsyncIterable<Uint8Array>, limit: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    total += chunk.length
    if (total > limit) throw new AcquireError('TOO_LARGE', `${what} is larger than the ${limit}-byte limit.`)
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))
  }
  return Buffer.concat(chunks, total)
}
