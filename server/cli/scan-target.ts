import fs from 'node:fs/promises'
import path from 'node:path'
import { openDockerArchiveSource } from '../engine/acquire/docker-archive-source'
import type { ImageSource } from '../engine/acquire/image-source'
import { openOciLayoutSource } from '../engine/acquire/oci-layout-source'
import { formatReference, parseReference } from '../engine/acquire/reference'
import { openRegistrySource } from '../engine/acquire/registry-source'

export interface ScanTarget {
  source: ImageSource
  repository: string
  reference: string
  /** How the target is named in output: the path or the image reference. */
  label: string
}

export interface TargetOptions {
  /** For a layout or archive holding several images: which one (`name:tag` or a tag). */
  image?: string | undefined
  username?: string | undefined
  password?: string | undefined
  insecureTls?: boolean
  plainHttp?: boolean
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * What the CLI argument names: an existing directory with an `oci-layout` file is an OCI
 * image layout, an existing file a `docker save` archive, anything else an image
 * reference pulled over the distribution API (plain HTTP only for loopback registries
 * or when asked, as Docker does).
 */
export async function openScanTarget(arg: string, opts: TargetOptions): Promise<ScanTarget> {
  const stat = await fs.stat(arg).catch(() => null)
  if (stat) {
    let source: ImageSource
    if (stat.isDirectory()) {
      const hasLayout = await fs.stat(path.join(arg, 'oci-layout')).catch(() => null)
      if (!hasLayout) throw new UsageError(`${arg} is a directory but not an OCI image layout (no oci-layout file).`)
      source = await openOciLayoutSource(arg)
    } else {
      source = await openDockerArchiveSource(arg)
    }
    try {
      const { repository, reference } = await pickLocalImage(source, opts.image, arg)
      return { source, repository, reference, label: arg }
    } catch (err) {
      await source.close()
      throw err
    }
  }

  const ref = parseReference(arg)
  const host = ref.registry.replace(/:\d+$/, '')
  const scheme = opts.plainHttp || LOOPBACK.has(host) ? 'http' : 'https'
  const source = await openRegistrySource({
    url: `${scheme}://${ref.registry}`,
    username: opts.username,
    password: opts.password,
    insecureTls: opts.insecureTls,
  })
  return { source, repository: ref.repository, reference: ref.digest ?? ref.tag ?? 'latest', label: formatReference(ref) }
}

async function pickLocalImage(source: ImageSource, wanted: string | undefined, label: string): Promise<{ repository: string; reference: string }> {
  const images: { repository: string; reference: string }[] = []
  for (const repository of await source.listRepositories()) {
    for (const tag of await source.listTags(repository)) images.push({ repository, reference: tag })
  }
  if (images.length === 0) throw new UsageError(`${label} holds no tagged image.`)
  if (wanted) {
    const hit = images.find((i) => `${i.repository}:${i.reference}` === wanted || i.reference === wanted || i.repository === wanted)
    if (hit) return hit
    throw new UsageError(`${label} has no image ${wanted}. It holds: ${images.map((i) => `${i.repository}:${i.reference}`).join(', ')}`)
  }
  const [only, ...rest] = images
  if (only && rest.length === 0) return only
  throw new UsageError(`${label} holds ${images.length} images; choose one with --image: ${images.map((i) => `${i.repository}:${i.reference}`).join(', ')}`)
}

/** A mistake in how the CLI was called: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
