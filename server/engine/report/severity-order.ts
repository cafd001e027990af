import type { Severity } from '@contract/findings'

/** Lowest first, as Trivy orders UNKNOWN < LOW < MEDIUM < HIGH < CRITICAL. */
export const SEVERITY_ASCENDING: readonly Severity[] = ['Unknown', 'Low', 'Medium', 'High', 'Critical']

/** 0 for Unknown up to 4 for Critical: a sort key. */
export const severityRank = (s: Severity): number => SEVERITY_ASCENDING.indexOf(s)

/** Severities in the upper case CLIs print (`CRITICAL`). */
export const severityLabel = (s: Severity): string => s.toUpperCase()
