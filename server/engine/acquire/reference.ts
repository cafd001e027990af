import { AcquireError } from './errors'

/**
 * Image references and the distribution spec's name grammar. A reference looks like
 * `[registry[:port]/]path[:tag][@algorithm:hex]`; the first path component is a
 * registry only if it has a `.` or `:` or is `localhost` (Docker's rule).
 */
export interface ImageReference {
  /** `docker.io` for Docker Hub; otherwise host[:port] as written. */
  registry: string
  repository: string
  tag?: string
  digest?: string
}

export const DOCKER_HUB = 'docker.io'
/** Docker Hub's API is not served from the name people write. */
export const DOCKER_HUB_API = 'registry-1.docker.io'

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const REPOSITORY_RE = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`)
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[A-Za-z0-9=_-]+$/
const KNOWN_DIGESTS: Record<string, RegExp> = { sha256: /^[a-f0-9]{64}$/, sha512: /^[a-f0-9]{128}$/ }
const HOST_RE = /^(?:(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?:\.(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/
/** Clients commonly cap registry plus name at 255 characters; so do we. */
const MAX_NAME = 255

/** @example isValidRepositoryName('demo/shop-app') // true */
export function isValidRepositoryName(name: string): boolean {
  return name.length <= MAX_NAME && REPOSITORY_RE.test(name)
}

/** @example isValidTag('1.0.0') // true; isValidTag('.hidden') // false */
export function isValidTag(tag: string): boolean {
  return TAG_RE.test(tag)
}

/**
 * True for a well-formed digest whose algorithm we can verify (sha256, sha512).
 *
 * @example isValidDigest('sha256:' + 'a'.repeat(64)) // true
 */
export function isValidDigest(digest: string): boolean {
  if (!DIGEST_RE.test(digest)) return false
  const [alg, hex] = digest.split(':') as [string, string]
  return KNOWN_DIGESTS[alg]?.test(hex) ?? false
}

/** @example assertRepositoryName('Demo/App') // throws INVALID_REFERENCE */
export function assertRepositoryName(name: string): string {
  if (!isValidRepositoryName(name)) throw new AcquireError('INVALID_REFERENCE', `Invalid repository name "${clip(name)}".`)
  return name
}

/** @example assertDigest('sha256:abc') // throws INVALID_REFERENCE */
export function assertDigest(digest: string): string {
  if (!isValidDigest(digest)) throw new AcquireError('INVALID_REFERENCE', `Invalid or unsupported digest "${clip(digest)}".`)
  return digest
}

/**
 * A tag or a digest, as the `reference` of a manifest request.
 *
 * @example assertTagOrDigest('latest') // 'latest'
 */
export function assertTagOrDigest(reference: string): string {
  if (reference.includes(':')) return assertDigest(reference)
  if (!isValidTag(reference)) throw new AcquireError('INVALID_REFERENCE', `Invalid tag "${clip(reference)}".`)
  return reference
}

/**
 * Parses a full image reference, applying Docker Hub's defaults (`docker.io`,
 * `library/` for single names, tag `latest` when neither tag nor digest is given).
 *
 * @example
 * parseReference('localhost:5000/team/app:1.2@sha256:' + 'e'.repeat(64))
 * // { registry: 'localhost:5000', repository: 'team/app', tag: '1.2', digest: 'sha256:eee…' }
 * parseReference('nginx') // { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }
 */
export function parseReference(input: string, opts: { defaultRegistry?: string; defaultTag?: string | false } = {}): ImageReference {
  const bad = (why: string) => new AcquireError('INVALID_REFERENCE', `Invalid image reference "${clip(input)}": ${why}.`)
  let rest = input.trim()
  if (!rest) throw bad('it is empty')
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!isValidDigest(digest)) throw bad('the digest is malformed or uses an unsupported algorithm')
  }
  let registry = opts.defaultRegistry ?? DOCKER_HUB
  const slash = rest.indexOf('/')
  const first = slash >= 0 ? rest.slice(0, slash) : ''
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    if (!HOST_RE.test(first)) throw bad('the registry host is malformed')
    registry = first
    rest = rest.slice(slash + 1)
  }
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!isValidTag(tag)) throw bad('the tag is malformed')
  }
  if (registry === DOCKER_HUB && !rest.includes('/')) rest = `library/${rest}`
  if (!isValidRepositoryName(rest) || registry.length + 1 + rest.length > MAX_NAME) throw bad('the repository name is malformed')
  if (tag === undefined && digest === undefined && opts.defaultTag !== false) tag = opts.defaultTag ?? 'latest'
  return { registry, repository: rest, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) }
}

/**
 * The canonical string form.
 *
 * @example formatReference({ registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }) // 'docker.io/library/nginx:latest'
 */
export function formatReference(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`
}

/** Hostile input can be huge; messages quote only the start of it. */
function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s
}
