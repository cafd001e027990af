import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs, { type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { addAbortSignal, Readable } from 'node:stream'
import { z } from 'zod'
import { digestOf } from './digest'
import { AcquireError } from './errors'
import type { Descriptor, RawManifest } from './image-source'
import { sniffCompression } from './layer-stream'
import { type LocalTag, listLayoutTags, parseLocalName, toRepositoryName } from './layout-names'
import { type BlobStore, LocalImageSource, readStoreBlob } from './local-source'
import { LIMITS, parseManifest } from './manifest'
import { MediaType } from './media-types'
import { isValidDigest } from './reference'
import { parseConfig } from './resolve-image'
import { indexTar, normalizeMemberPath, readAt, resolveMember, type TarMember } from './tar-index'

const dockerManifestSchema = z.array(z.looseObject({ Config: z.string(), RepoTags: z.array(z.string()).nullish(), Layers: z.array(z.string()) })).max(10_000)
type ArchiveImage = z.infer<typeof dockerManifestSchema>[number]

/**
 * A `docker save` tar, read in place: the archive is indexed once (member → offset)
 * and members are read by file range, never extracted. Both layouts are understood:
 * the newer one holds an OCI layout (real manifests, so digests match the registry's);
 * the classic one (`<id>/layer.tar`, `<id>.json`) has no manifest, so one is made up
 * from `manifest.json` — Docker schema 2, uncompressed layers whose digests are their
 * diffIDs, as `docker push` would compute before compressing.
 *
 * @example
 * const source = await openDockerArchiveSource(path.join(instanceDir, 'alpine-base.tar'))
 * await source.listRepositories() // ['demo/alpine-base']
 */
export async function openDockerArchiveSource(file: string, opts: { name?: string } = {}): Promise<LocalImageSource> {
  const label = path.basename(file)
  const fh = await fs.open(file, 'r').catch(() => {
    throw new AcquireError('NOT_FOUND', `Archive ${label} cannot be opened.`)
  })
  try {
    const members = await indexTar(fh, { what: label })
    const archive = new ArchiveReader(file, fh, label, members)
    const fallback = opts.name ?? toRepositoryName(label.replace(/\.tar$/i, ''))
    const images = members.has('manifest.json') ? await archive.dockerManifest() : undefined
    if (members.has('index.json') && members.has('oci-layout')) {
      const read = (d: Descriptor) => readStoreBlob(archive.store, d, LIMITS.manifestBytes)
      let tags = await listLayoutTags(await archive.read('index.json', LIMITS.manifestBytes), read, fallback, `${label}/index.json`)
      if (!tags.length && images) tags = await archive.namesFromRepoTags(images)
      return new LocalImageSource(archive.store, tags)
    }
    if (!images) throw new AcquireError('INVALID_MANIFEST', `${label}: neither a docker save archive nor an OCI layout (no manifest.json).`)
    const tags: LocalTag[] = []
    const made = new Map<string, RawManifest>()
    for (const image of images) {
      const raw = await archive.synthesize(image)
      made.set(raw.digest, raw)
      for (const name of repoTagNames(image)) tags.push({ ...name, descriptor: { mediaType: raw.mediaType, digest: raw.digest, size: raw.bytes.length } })
    }
    return new LocalImageSource(archive.store, tags, made)
  } finally {
    await fh.close()
  }
}

class ArchiveReader {
  /** Blobs named by path rather than by digest (classic layout). */
  private named = new Map<string, string>()
  readonly store: BlobStore

  constructor(
    file: string,
    private fh: FileHandle,
    private label: string,
    private members: Map<string, TarMember>,
  ) {
    const memberFor = (digest: string): TarMember | undefined => {
      const name = this.named.get(digest) ?? (isValidDigest(digest) ? `blobs/${digest.replace(':', '/')}` : undefined)
      return name ? resolveMember(members, name) : undefined
    }
    this.store = {
      label,
      size: (digest) => Promise.resolve(memberFor(digest)?.size),
      open: (digest, signal) => {
        const m = memberFor(digest)
        if (!m) return Promise.reject(new AcquireError('NOT_FOUND', `${label}: blob ${digest} is missing.`))
        // A fresh read stream per blob: positional reads, no shared handle to close early.
        const stream = m.size === 0 ? Readable.from([]) : createReadStream(file, { start: m.offset, end: m.offset + m.size - 1 })
        return Promise.resolve(signal ? addAbortSignal(signal, stream) : stream)
      },
    }
  }

  async read(name: string, limit: number): Promise<Buffer> {
    const member = this.member(name)
    if (member.size > limit) throw new AcquireError('TOO_LARGE', `${this.label}: ${name} is over the ${limit}-byte limit.`)
    const buf = Buffer.alloc(member.size)
    await readAt(this.fh, buf, member.offset)
    return buf
  }

  async dockerManifest(): Promise<ArchiveImage[]> {
    let doc: unknown
    try {
      doc = JSON.parse((await this.read('manifest.json', LIMITS.manifestBytes)).toString('utf8'))
    } catch (err) {
      if (err instanceof AcquireError) throw err
      throw new AcquireError('INVALID_MANIFEST', `${this.label}: manifest.json is not valid JSON.`)
    }
    const parsed = dockerManifestSchema.safeParse(doc)
    if (!parsed.success) throw new AcquireError('INVALID_MANIFEST', `${this.label}: manifest.json does not describe images.`)
    return parsed.data
  }

  /** An OCI layout in the archive without names: match its manifests to manifest.json by config. */
  async namesFromRepoTags(images: ArchiveImage[]): Promise<LocalTag[]> {
    const index = parseManifest(await this.read('index.json', LIMITS.manifestBytes), MediaType.ociIndex, `${this.label}/index.json`)
    const tags: LocalTag[] = []
    if (index.kind !== 'index') return tags
    for (const descriptor of index.manifests) {
      const m = parseManifest(await readStoreBlob(this.store, descriptor, LIMITS.manifestBytes), descriptor.mediaType, `${this.label}: ${descriptor.digest}`)
      if (m.kind !== 'manifest') continue
      const image = images.find((i) => normalizeMemberPath(i.Config) === `blobs/${m.config.digest.replace(':', '/')}`)
      for (const name of image ? repoTagNames(image) : []) tags.push({ ...name, descriptor })
    }
    return tags
  }

  /** Makes the manifest a classic archive lacks; the made-up bytes are deterministic. */
  async synthesize(image: ArchiveImage): Promise<RawManifest> {
    const configName = this.memberName(image.Config)
    const configBytes = await this.read(configName, LIMITS.configBytes)
    const configDigest = digestOf(configBytes)
    const config = parseConfig(configBytes, `${this.label}: ${configName}`)
    if (config.rootfs.diff_ids.length !== image.Layers.length) {
      throw new AcquireError('INVALID_MANIFEST', `${this.label}: ${image.Layers.length} layers but ${config.rootfs.diff_ids.length} diff_ids in ${configName}.`)
    }
    this.named.set(configDigest, configName)
    const layers: Descriptor[] = []
    for (const [i, layerPath] of image.Layers.entries()) {
      const name = this.memberName(layerPath)
      const member = this.member(name)
      const head = Buffer.alloc(Math.min(member.size, 512))
      await readAt(this.fh, head, member.offset)
      const kind = sniffCompression(head) ?? 'none'
      // Uncompressed layers are their own diffID; compressed ones (podman) need hashing.
      const digest = kind === 'none' ? (config.rootfs.diff_ids[i] ?? '') : await this.hashMember(member)
      const mediaType = kind === 'gzip' ? MediaType.dockerLayerGzip : kind === 'zstd' ? MediaType.ociLayerZstd : MediaType.dockerLayer
      this.named.set(digest, name)
      layers.push({ mediaType, digest, size: member.size })
    }
    const manifest = {
      schemaVersion: 2,
      mediaType: MediaType.dockerManifest,
      config: { mediaType: MediaType.dockerConfig, size: configBytes.length, digest: configDigest },
      layers: layers.map((l) => ({ mediaType: l.mediaType, size: l.size, digest: l.digest })),
    }
    const bytes = Buffer.from(JSON.stringify(manifest))
    return { digest: digestOf(bytes), mediaType: MediaType.dockerManifest, bytes }
  }

  private memberName(name: string): string {
    const norm = normalizeMemberPath(name)
    if (!norm) throw new AcquireError('INVALID_MANIFEST', `${this.label}: manifest.json names a path outside the archive.`)
    return norm
  }

  private member(name: string): TarMember {
    const member = resolveMember(this.members, name)
    if (!member) throw new AcquireError('INVALID_MANIFEST', `${this.label}: ${name.slice(0, 200)} is missing from the archive.`)
    return member
  }

  private async hashMember(member: TarMember): Promise<string> {
    const hash = createHash('sha256')
    const buf = Buffer.alloc(1024 * 1024)
    for (let done = 0; done < member.size; ) {
      const n = Math.min(buf.length, member.size - done)
      await readAt(this.fh, buf.subarray(0, n), member.offset + done)
      hash.update(buf.subarray(0, n))
      done += n
    }
    return `sha256:${hash.digest('hex')}`
  }
}

function repoTagNames(image: ArchiveImage): { repository: string; tag: string }[] {
  const out: { repository: string; tag: string }[] = []
  for (const repoTag of image.RepoTags ?? []) {
    // An unparsable RepoTag names nothing we could serve; the other tags still count.
    const name = parseLocalName(repoTag)
    if (name?.tag) out.push({ repository: name.repository, tag: name.tag })
  }
  return out
}
