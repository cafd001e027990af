import type { ImageReport } from '@contract/findings'

/** purl-spec percent-encoding: like encodeURIComponent, which also encodes `:` and `/`. */
const encode = (s: string): string => encodeURIComponent(s)

// A Docker tag (distribution/reference grammar); anything else in `reference` is a digest.
const TAG = /^[\w][\w.-]{0,127}$/

/**
 * The package URL of the scanned image, as Trivy writes it (purl-spec `oci` type):
 * `pkg:oci/<last path segment>@<digest>?arch=…&repository_url=…&tag=…`, qualifiers sorted
 * by key and percent-encoded. `arch` is there because the digest may name a multi-platform
 * index, which only the platform narrows to the image actually scanned.
 *
 * @example
 * ociPurl({ repository: 'registry.example.com/team/app', reference: '1.2', digest: 'sha256:ab…', platform: 'linux/amd64' })
 * // 'pkg:oci/app@sha256%3Aab…?arch=amd64&repository_url=registry.example.com%2Fteam%2Fapp&tag=1.2'
 */
export function ociPurl(
  image: Pick<ImageReport['image'], 'repository' | 'reference' | 'digest' | 'platform'>,
): string {
  const name = (image.repository.split('/').pop() ?? image.repository).toLowerCase()
  const arch = image.platform.split('/')[1]
  const qualifiers: [string, string | undefined][] = [
    ['arch', arch],
    ['repository_url', image.repository.toLowerCase()],
    ['tag', TAG.test(image.reference) ? image.reference : undefined],
  ]
  const query = qualifiers
    .filter((q): q is [string, string] => q[1] !== undefined && q[1] !== '')
    .map(([k, v]) => `${k}=${encode(v)}`)
    .join('&')
  return `pkg:oci/${encode(name)}@${encode(image.digest)}${query ? `?${query}` : ''}`
}
