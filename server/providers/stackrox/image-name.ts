/**
 * Splits a StackRox full image name (`registry/remote:tag` or `registry/remote@sha256:…`)
 * into the repository path the index keeps (`registry/remote`) and the tag or digest.
 *
 * @example
 * splitImageName('docker.io/library/nginx:1.25') // { repository: 'docker.io/library/nginx', tag: '1.25', digest: null }
 */
export function splitImageName(fullName: string): { repository: string; tag: string | null; digest: string | null } | null {
  const at = fullName.indexOf('@')
  const named = at >= 0 ? fullName.slice(0, at) : fullName
  const digest = at >= 0 ? fullName.slice(at + 1) : null
  const lastSlash = named.lastIndexOf('/')
  const colon = named.lastIndexOf(':')
  const tag = colon > lastSlash ? named.slice(colon + 1) : null
  const repository = colon > lastSlash ? named.slice(0, colon) : named
  if (!repository) return null
  return { repository, tag: tag || null, digest }
}
