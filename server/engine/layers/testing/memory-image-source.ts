import { Readable } from 'node:stream'
import type { BuiltImage } from '../../../demo/image-writer'
import { verifiedStream } from '../../acquire/digest'
import { AcquireError } from '../../acquire/errors'
import type { Descriptor, ImageSource, RawManifest, ResolvedImage } from '../../acquire/image-source'
import { parseConfig } from '../../acquire/resolve-image'

/**
 * An ImageSource over images built in memory by the demo image writer, for tests.
 * `openBlob` verifies digest and size exactly like the real sources do, counts its
 * calls, and serves `blobs` (which a test may tamper with). `tamper` edits the resolved
 * image, e.g. to make the manifest lie about a layer's size.
 *
 * @example
 * const source = new MemoryImageSource({ 'demo/app:1.0': buildImage(spec) })
 * await inventoryImage(source, 'demo/app', '1.0', { analyzers })
 * source.opened.length // layer blobs read
 */
export class MemoryImageSource implements ImageSource {
  readonly blobs = new Map<string, Buffer>()
  readonly opened: string[] = []
  tamper: ((image: ResolvedImage) => ResolvedImage) | undefined

  constructor(private readonly images: Record<string, BuiltImage>) {
    for (const image of Object.values(images)) for (const [digest, bytes] of image.blobs) this.blobs.set(digest, bytes)
  }

  listRepositories(): Promise<string[]> {
    return Promise.resolve([...new Set(Object.keys(this.images).map((k) => k.slice(0, k.lastIndexOf(':'))))].sort())
  }

  listTags(repository: string): Promise<string[]> {
    return Promise.resolve(Object.keys(this.images).filter((k) => k.startsWith(`${repository}:`)).map((k) => k.slice(repository.length + 1)))
  }

  resolve(repository: string, reference: string): Promise<ResolvedImage> {
    const built = this.images[`${repository}:${reference}`]
    if (!built) return Promise.reject(new AcquireError('NOT_FOUND', `${repository}:${reference} not found`))
    const configBytes = this.blobs.get(built.configDescriptor.digest) ?? Buffer.alloc(0)
    const image: ResolvedImage = {
      repository,
      reference,
      digest: built.manifest.digest,
      mediaType: built.manifest.mediaType,
      platforms: [built.platform],
      platform: built.platform,
      manifestDigest: built.manifest.digest,
      config: parseConfig(configBytes, 'test config'),
      configDescriptor: built.configDescriptor,
      layers: built.layers.map((l) => ({ ...l.descriptor })),
      size: built.configDescriptor.size + built.layers.reduce((n, l) => n + l.descriptor.size, 0),
    }
    return Promise.resolve(this.tamper ? this.tamper(image) : image)
  }

  readManifest(repository: string, reference: string): Promise<RawManifest> {
    const built = this.images[`${repository}:${reference}`]
    const bytes = built && this.blobs.get(built.manifest.digest)
    if (!built || !bytes) return Promise.reject(new AcquireError('NOT_FOUND', `${repository}:${reference} not found`))
    return Promise.resolve({ digest: built.manifest.digest, mediaType: built.manifest.mediaType, bytes })
  }

  openBlob(repository: string, descriptor: Descriptor): Promise<Readable> {
    this.opened.push(descriptor.digest)
    const bytes = this.blobs.get(descriptor.digest)
    if (!bytes) return Promise.reject(new AcquireError('NOT_FOUND', `${repository}: no blob ${descriptor.digest}`))
    // Served in 64 KiB pieces, as a network or file stream would be.
    const pieces = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536))
    return Promise.resolve(verifiedStream(Readable.from(pieces), descriptor, `${repository} blob`))
  }

  close(): Promise<void> {
    return Promise.resolve()
  }
}
