/**
 * Package URLs (purl spec, ECMA-427), built by one function so that every analyzer encodes
 * the same way: each namespace segment, the name, the version and every qualifier value is
 * percent-encoded (`@scope` → `%40scope`, `+` → `%2B`), `:` is left as is (dpkg and rpm epochs
 * read `1:2.3`), and qualifiers are sorted by key with empty values dropped.
 */
export interface PurlParts {
  type: string
  /** Slash-separated, e.g. `ubuntu`, `@babel`, `github.com/google`, `org.apache.logging.log4j`. */
  namespace?: string
  name: string
  /** Left out when undefined or empty (a Go `(devel)` main module has no usable version). */
  version?: string
  qualifiers?: Record<string, string | undefined>
}

const encode = (s: string): string => encodeURIComponent(s).replace(/%3A/gi, ':')

/**
 * @example
 * purl({ type: 'npm', namespace: '@babel', name: 'core', version: '7.0.0' }) // 'pkg:npm/%40babel/core@7.0.0'
 * purl({ type: 'deb', namespace: 'ubuntu', name: 'libssl3', version: '3.0.2-0ubuntu1.7', qualifiers: { arch: 'amd64' } })
 * // 'pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.7?arch=amd64'
 */
export function purl(p: PurlParts): string {
  const namespace = (p.namespace ?? '')
    .split('/')
    .filter((s) => s !== '')
    .map(encode)
  const path = [...namespace, encode(p.name)].join('/')
  const version = p.version ? `@${encode(p.version)}` : ''
  const qualifiers = Object.entries(p.qualifiers ?? {})
    .filter((q): q is [string, string] => q[1] !== undefined && q[1] !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k.toLowerCase()}=${encode(v)}`)
  return `pkg:${p.type.toLowerCase()}/${path}${version}${qualifiers.length ? `?${qualifiers.join('&')}` : ''}`
}

/** Splits `@scope/name` (npm) into the purl namespace and name. */
export function splitNpmName(fullName: string): { namespace?: string; name: string } {
  const slash = fullName.indexOf('/')
  if (fullName.startsWith('@') && slash > 1) return { namespace: fullName.slice(0, slash), name: fullName.slice(slash + 1) }
  return { name: fullName }
}

/** Splits a Go module path at its last `/`: `github.com/google/uuid` → `github.com/google` + `uuid`. */
export function splitGoModule(path: string): { namespace?: string; name: string } {
  const slash = path.lastIndexOf('/')
  return slash > 0 ? { namespace: path.slice(0, slash), name: path.slice(slash + 1) } : { name: path }
}
