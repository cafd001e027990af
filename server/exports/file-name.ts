/**
 * The download's file name: repository, tag and the digest's first 12 hex digits, so two
 * exports of one tag at different digests never overwrite each other.
 *
 * @example
 * exportFileName({ repository: 'demo/shop-app', tag: '1.0.0', digest: 'sha256:4f2a…' }, 'vulnerabilities', 'csv')
 * // 'demo_shop-app_1.0.0_sha256-4f2a9c0d1e2b_vulnerabilities.csv'
 */
export function exportFileName(image: { repository: string; tag: string; digest: string }, what: string, extension: string): string {
  const digest = image.digest.replace(/^sha256:/, '').slice(0, 12)
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_')
  return `${safe(image.repository)}_${safe(image.tag)}_sha256-${digest}_${what}.${extension}`
}

/**
 * `Content-Disposition: attachment` for that name; the name is already ASCII-safe, the
 * RFC 6266 `filename*` form is added for clients that prefer it.
 */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
