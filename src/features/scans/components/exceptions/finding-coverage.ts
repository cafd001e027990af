import type { VulnException } from '@contract/exceptions'

/** Where a scan's image lives: what an exception's scope is compared with. */
export interface ScanImage {
  instanceId: string
  repoId: string
  digest: string
}

/** The package a finding is about, as listRepoTagScanResult and the exceptions both name it. */
export interface FindingPackage {
  cveName: string
  feature: string
  version: string
  versionFormat: string
}

/**
 * Whether an exception (in any status) is about this finding in this image: the same CVE
 * (any case, as the server compares them), package version and format, and a scope that
 * reaches the image. Mirrors the server's `covers` (server/exceptions/effective-state.ts),
 * which the SPA may not import, so the report lists the same exceptions the state comes from.
 *
 * @example
 * coversFinding(repoDeferral, { instanceId, repoId, digest }, item) // true for every tag of the repository
 */
export function coversFinding(e: VulnException, image: ScanImage, finding: FindingPackage): boolean {
  if (e.instanceId !== image.instanceId) return false
  if (e.cveName.toUpperCase() !== finding.cveName.toUpperCase()) return false
  if (
    e.feature !== finding.feature ||
    e.version !== finding.version ||
    e.versionFormat !== finding.versionFormat
  )
    return false
  switch (e.scope) {
    case 'DIGEST':
      return e.repoId === image.repoId && e.digest === image.digest
    case 'REPOSITORY':
      return e.repoId === image.repoId
    case 'COMPONENT':
      return true
  }
}
