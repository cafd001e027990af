import type {
  DeferralExpiry,
  HistoryAction,
  VexJustification,
  VulnerabilityState,
  VulnExceptionScope,
  VulnExceptionStatus,
} from '@contract/exceptions'
import type { Tone } from '@/components/ui/badge'

/** Words for the exception contract's enums, as the report shows them. */
export const expiryLabel: Record<DeferralExpiry, string> = {
  TWO_WEEKS: '2 weeks',
  THIRTY_DAYS: '30 days',
  NINETY_DAYS: '90 days',
  UNTIL_FIXED: 'Until a fix is available',
  DATE: 'Until a date',
}

export const scopeLabel: Record<VulnExceptionScope, string> = {
  DIGEST: 'This image digest',
  REPOSITORY: 'Every tag of this repository',
  COMPONENT: 'Every image with this component version',
}

export const justificationLabel: Record<VexJustification, string> = {
  component_not_present: 'Component not present',
  vulnerable_code_not_present: 'Vulnerable code not present',
  vulnerable_code_not_in_execute_path: 'Vulnerable code not in execute path',
  vulnerable_code_cannot_be_controlled_by_adversary: 'Vulnerable code cannot be controlled by an adversary',
  inline_mitigations_already_exist: 'Inline mitigations already exist',
}

export const stateLabel: Record<VulnerabilityState, string> = {
  OBSERVED: 'Observed',
  DEFERRED: 'Deferred',
  FALSE_POSITIVE: 'False positive',
}
export const stateTone: Record<VulnerabilityState, Tone> = {
  OBSERVED: 'neutral',
  DEFERRED: 'warning',
  FALSE_POSITIVE: 'info',
}

export const statusLabel: Record<VulnExceptionStatus, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved',
  DENIED: 'Denied',
  WITHDRAWN: 'Withdrawn',
  EXPIRED: 'Expired',
}
export const statusTone: Record<VulnExceptionStatus, Tone> = {
  PENDING: 'info',
  APPROVED: 'success',
  DENIED: 'danger',
  WITHDRAWN: 'neutral',
  EXPIRED: 'warning',
}

export const actionLabel: Record<HistoryAction, string> = {
  REQUESTED: 'Requested',
  APPROVED: 'Approved',
  DENIED: 'Denied',
  WITHDRAWN: 'Withdrawn',
  EXPIRED: 'Expired',
  REOPENED_ON_FIX: 'Reopened on fix',
}
