import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { addAbortSignal, type Readable } from 'node:stream'
import { readAll } from './digest'
import { AcquireError } from './errors'
import { listLayoutTags, toRepositoryName } from './layout-names'
import { type BlobStore, LocalImageSource, readStoreBlob } from './local-source'
import { LIMITS, parseJsonObject } from './manifest'
import { isValidDigest } from './reference'

/**
 * An OCI image layout directory (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`).
 * Repository names come from the containerd image-name annotation, else `opts.name`,
 * else the directory's name; tags from `org.opencontainers.image.ref.name`.
 *
 * @example
 * const source = await openOciLayoutSource(path.join(instanceDir, 'shop-app'))
 * await source.listTags('demo/shop-app') // ['1.0.0']
 */
export async function openOciLayoutSource(dir: string, opts: { name?: string } = {}): Promise<LocalImageSource> {
  const root = await fs.realpath(dir).catch(() => {
    throw new AcquireError('NOT_FOUND', `OCI layout ${path.basename(dir)} does not exist.`)
  })
  const label = path.basename(root)
  await checkLayoutVersion(root, label)
  const indexBytes = await readSmallFile(root, 'index.json', LIMITS.manifestBytes, `${label}/index.json`)
  const store = directoryBlobStore(root, label)
  const tags = await listLayoutTags(indexBytes, (d) => readStoreBlob(store, d, LIMITS.manifestBytes), opts.name ?? toRepositoryName(label), `${label}/index.json`)
  return new LocalImageSource(store, tags)
}

async function checkLayoutVersion(root: string, label: string) {
  const bytes = await readSmallFile(root, 'oci-layout', 64 * 1024, `${label}/oci-layout`)
  const version = parseJsonObject(bytes, `${label}/oci-layout`, 'oci-layout').imageLayoutVersion
  if (typeof version !== 'string' || !/^1\.\d+\.\d+$/.test(version)) {
    throw new AcquireError('UNSUPPORTED_MEDIA_TYPE', `${label}: OCI layout version ${JSON.stringify(version)?.slice(0, 20)} is not supported (need 1.x).`)
  }
}

async function readSmallFile(root: string, name: string, limit: number, what: string): Promise<Buffer> {
  const file = await fs.realpath(path.join(root, name)).catch(() => undefined)
  const stat = file && isInside(root, file) ? await fs.stat(file) : undefined
  if (!file || !stat?.isFile()) throw new AcquireError('INVALID_MANIFEST', `${what} is missing.`)
  if (stat.size > limit) throw new AcquireError('TOO_LARGE', `${what} is over the ${limit}-byte limit.`)
  return readAll(createReadStream(file), limit, what)
}

/**
 * Blobs under `<root>/blobs/<alg>/<hex>`. Digests are validated before they become
 * paths, and a blob that is a symlink must still resolve inside the layout.
 */
function directoryBlobStore(root: string, label: string): BlobStore {
  const locate = async (digest: string): Promise<{ file: string; size: number } | undefined> => {
    if (!isValidDigest(digest)) return undefined
    const [alg, hex] = digest.split(':') as [string, string]
    const file = await fs.realpath(path.join(root, 'blobs', alg, hex)).catch(() => undefined)
    if (!file || !isInside(root, file)) return undefined
    const stat = await fs.stat(file)
    return stat.isFile() ? { file, size: stat.size } : undefined
  }
  return {
    label,
    size: async (digest) => (await locate(digest))?.size,
    open: async (digest, signal) => {
      const found = await locate(digest)
      if (!found) throw new AcquireError('NOT_FOUND', `${label}: blob ${digest} is missing.`)
      const stream: Readable = createReadStream(found.file)
      return signal ? addAbortSignal(signal, stream) : stream
    },
  }
}

/**
 * Whether `target` (a real path) lies within `root` (a real path).
 *
 * @example isInside(root, path.join(root, 'blobs/sha256/ab')) // true
 */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}
