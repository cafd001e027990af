import type { CreateVulnExceptionBody, FindingRef } from '@contract/exceptions'
import type { ExceptionDraft } from './exception-form-fields'

/**
 * The createVulnException body from the dialog's form: expiry only for a deferral, an
 * end date only with DATE, counted to the end of that day (UTC) so "until the 5th"
 * includes the 5th. The server validates the rest and names the fields it refuses.
 *
 * @example
 * toRequestBody(scanTaskId, [item], { ...emptyDraft, reason: 'Build-time only' }).expiry // 'THIRTY_DAYS'
 */
export function toRequestBody(
  scanTaskId: string,
  findings: readonly FindingRef[],
  d: ExceptionDraft,
): CreateVulnExceptionBody {
  const deferral = d.kind === 'DEFERRAL'
  const date = deferral && d.expiry === 'DATE' && d.date ? Date.parse(`${d.date}T23:59:59.999Z`) : undefined
  return {
    scanTaskId,
    findings: findings.map((f) => ({ cveName: f.cveName, componentId: f.componentId })),
    kind: d.kind,
    scope: d.scope,
    ...(deferral ? { expiry: d.expiry } : {}),
    ...(date !== undefined && !Number.isNaN(date) ? { expiresAt: date } : {}),
    reason: d.reason,
    justification: d.justification,
  }
}
