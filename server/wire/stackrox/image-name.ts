import { AcquireError } from '../../engine/acquire/errors'
import { DOCKER_HUB, parseReference } from '../../engine/acquire/reference'
import { StackRoxError } from './stackrox-errors'

/**
 * A StackRox imageName as Layerscope reads it: `[registry/]path[:tag][@digest]`, where
 * the registry is a host (Docker's rule: it has a `.` or `:` or is `localhost`) or one of
 * our instance ids (`cri-…`), the only way to name an instance that is a directory of
 * image layouts. Without a registry, every instance is searched.
 */
export interface ImageName {
  /** An instance named by its id. */
  instanceId?: string
  /** A registry host[:port], lower-cased. */
  registry?: string
  repository: string
  tag?: string
  digest?: string
}

const INSTANCE_ID_RE = /^cri-[0-9a-z]{16}$/

/**
 * @example
 * parseImageName('registry.example.com:5000/team/api:1.4') // { registry: 'registry.example.com:5000', repository: 'team/api', tag: '1.4' }
 * parseImageName('cri-0123456789abcdef/demo/shop-app@sha256:…') // { instanceId: 'cri-0123456789abcdef', repository: 'demo/shop-app', digest: 'sha256:…' }
 */
export function parseImageName(input: string): ImageName {
  let rest = input.trim()
  let instanceId: string | undefined
  const slash = rest.indexOf('/')
  if (slash > 0 && INSTANCE_ID_RE.test(rest.slice(0, slash))) {
    instanceId = rest.slice(0, slash)
    rest = rest.slice(slash + 1)
  }
  try {
    // An empty default registry means "none given"; Docker Hub's library/ rule then does not apply.
    const ref = parseReference(rest, { defaultRegistry: '', defaultTag: false })
    return {
      ...(instanceId ? { instanceId } : {}),
      ...(ref.registry ? { registry: ref.registry.toLowerCase() } : {}),
      repository: ref.repository,
      ...(ref.tag === undefined && ref.digest === undefined ? { tag: 'latest' } : {}),
      ...(ref.tag !== undefined ? { tag: ref.tag } : {}),
      ...(ref.digest !== undefined ? { digest: ref.digest } : {}),
    }
  } catch (err) {
    if (err instanceof AcquireError) throw new StackRoxError('INVALID_ARGUMENT', `imageName: ${err.message}`)
    throw err
  }
}

/** The repository paths to look for: Docker Hub's `library/x` is indexed as `x`, and the other way round. */
export function candidatePaths(name: ImageName): string[] {
  const paths = [name.repository]
  if (name.repository.startsWith('library/')) paths.push(name.repository.slice('library/'.length))
  else if (!name.repository.includes('/') && (name.registry === undefined || name.registry === DOCKER_HUB)) paths.push(`library/${name.repository}`)
  return paths
}
