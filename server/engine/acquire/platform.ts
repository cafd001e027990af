import { AcquireError } from './errors'
import type { Platform } from './image-source'

export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' }

/**
 * Parses `os/arch[/variant]` (e.g. `linux/arm64/v8`) or passes a Platform through.
 *
 * @example parsePlatform('linux/arm/v7') // { os: 'linux', architecture: 'arm', variant: 'v7' }
 */
export function parsePlatform(value: Platform | string): Platform {
  if (typeof value !== 'string') return value
  const parts = value.trim().toLowerCase().split('/')
  const [os, architecture, variant] = parts
  if (parts.length < 2 || parts.length > 3 || !os || !architecture || (parts.length === 3 && !variant)) {
    throw new AcquireError('INVALID_REFERENCE', `Invalid platform "${value.slice(0, 40)}": expected os/architecture[/variant].`)
  }
  return variant ? { os, architecture, variant } : { os, architecture }
}

/** @example formatPlatform({ os: 'linux', architecture: 'arm64', variant: 'v8' }) // 'linux/arm64/v8' */
export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/')
}

/** arm64 means v8 when no variant is written; arm without one is most often v7. */
function normalizedVariant(p: Platform): string | undefined {
  if (p.variant) return p.variant
  if (p.architecture === 'arm64') return 'v8'
  return undefined
}

/**
 * Whether `candidate` satisfies `wanted`: os and architecture equal, and the variant
 * equal when one is wanted (arm64's implied v8 counts).
 *
 * @example platformMatches({ os: 'linux', architecture: 'arm64' }, { os: 'linux', architecture: 'arm64', variant: 'v8' }) // true
 */
export function platformMatches(wanted: Platform, candidate: Platform): boolean {
  if (wanted.os !== candidate.os || wanted.architecture !== candidate.architecture) return false
  return !wanted.variant || normalizedVariant(wanted) === normalizedVariant(candidate)
}

/**
 * Picks the best match for `wanted` among candidates: an exact variant match first,
 * then any match. Returns the index, or -1.
 *
 * @example
 * choosePlatform(parsePlatform('linux/arm64'), index.manifests.map((m) => m.platform))
 */
export function choosePlatform(wanted: Platform, candidates: (Platform | undefined)[]): number {
  const exact = candidates.findIndex((c) => c !== undefined && platformMatches(wanted, c) && normalizedVariant(c) === normalizedVariant(wanted))
  if (exact >= 0) return exact
  return candidates.findIndex((c) => c !== undefined && platformMatches(wanted, c))
}

/**
 * Index entries that are not runnable images (BuildKit attestations, signatures).
 *
 * @example
 * const images = index.manifests.filter((m) => !isAttestation(m))
 */
export function isAttestation(desc: { platform?: Platform; annotations?: Record<string, string> }): boolean {
  if (desc.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') return true
  return desc.platform?.os === 'unknown' && desc.platform.architecture === 'unknown'
}
