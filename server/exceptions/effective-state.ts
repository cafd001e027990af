import type { VulnExceptionKind, VulnExceptionScope } from '@contract/exceptions'
import type { VulnerabilityState } from '@contract/findings'

/** One finding where it was found: the image (instance, repository, digest) and the package version. */
export interface FindingKey {
  instanceId: string
  repoId: string
  digest: string
  cveName: string
  packageName: string
  packageVersion: string
  packageFormat: string
}

/** An APPROVED exception, as the state computation needs it. */
export interface ApprovedException {
  exceptionId: string
  kind: VulnExceptionKind
  scope: VulnExceptionScope
  instanceId: string
  repoId: string | null
  digest: string | null
  cveName: string
  packageName: string
  packageVersion: string
  packageFormat: string
  approvedAt: number
  /** Null: no end date (false positives, deferrals until fixed). */
  expiresAt: number | null
}

export interface EffectiveState {
  state: VulnerabilityState
  suppressed: boolean
  suppressActivation: number | null
  suppressExpiry: number | null
  exceptionId: string | null
}

export const OBSERVED: EffectiveState = { state: 'OBSERVED', suppressed: false, suppressActivation: null, suppressExpiry: null, exceptionId: null }

/** Most specific first: an exception for this very image beats one for its repository, which beats one for the package anywhere. */
const SCOPE_RANK: Record<VulnExceptionScope, number> = { DIGEST: 0, REPOSITORY: 1, COMPONENT: 2 }

/** Whether the exception's scope and finding cover this finding. CVE ids compare in any case, as the lists search them. */
export function covers(e: ApprovedException, f: FindingKey): boolean {
  if (e.instanceId !== f.instanceId) return false
  if (e.cveName.toUpperCase() !== f.cveName.toUpperCase()) return false
  if (e.packageName !== f.packageName || e.packageVersion !== f.packageVersion || e.packageFormat !== f.packageFormat) return false
  switch (e.scope) {
    case 'DIGEST':
      return e.repoId === f.repoId && e.digest === f.digest
    case 'REPOSITORY':
      return e.repoId === f.repoId
    case 'COMPONENT':
      return true
  }
}

/**
 * A finding's StackRox state from the approved exceptions: OBSERVED unless one covers it
 * and has not ended by `now` (an ended one counts as gone even before the sweep closes
 * it). Several covering: the most specific scope wins (DIGEST > REPOSITORY > COMPONENT),
 * then the latest approval, so a narrower decision always overrides a broader one.
 *
 * @example
 * effectiveState(log4shellInShop, [repoDeferral, digestFalsePositive], Date.now())
 * // { state: 'FALSE_POSITIVE', suppressed: true, suppressActivation: …, suppressExpiry: null, exceptionId: digestFalsePositive.exceptionId }
 */
export function effectiveState(finding: FindingKey, approved: readonly ApprovedException[], now: number): EffectiveState {
  let best: ApprovedException | undefined
  for (const e of approved) {
    if (e.expiresAt !== null && e.expiresAt <= now) continue
    if (!covers(e, finding)) continue
    if (!best || SCOPE_RANK[e.scope] < SCOPE_RANK[best.scope] || (SCOPE_RANK[e.scope] === SCOPE_RANK[best.scope] && e.approvedAt > best.approvedAt)) best = e
  }
  if (!best) return OBSERVED
  return {
    state: best.kind === 'FALSE_POSITIVE' ? 'FALSE_POSITIVE' : 'DEFERRED',
    suppressed: true,
    suppressActivation: best.approvedAt,
    suppressExpiry: best.expiresAt,
    exceptionId: best.exceptionId,
  }
}
