import { describe, expect, it } from 'vitest'
import { emptyDraft } from './exception-form-fields'
import { toRequestBody } from './exception-request-body'

const findings = [{ cveName: 'CVE-2024-1', componentId: 'c1', feature: 'openssl' }]

describe('toRequestBody', () => {
  it('sends a deferral with its period and only the finding refs', () => {
    expect(toRequestBody('t1', findings, { ...emptyDraft, reason: 'Build-time only' })).toEqual({
      scanTaskId: 't1',
      findings: [{ cveName: 'CVE-2024-1', componentId: 'c1' }],
      kind: 'DEFERRAL',
      scope: 'DIGEST',
      expiry: 'THIRTY_DAYS',
      reason: 'Build-time only',
      justification: 'vulnerable_code_not_in_execute_path',
    })
  })

  it('ends a dated deferral at the end of that day (UTC)', () => {
    const body = toRequestBody('t1', findings, { ...emptyDraft, expiry: 'DATE', date: '2030-05-05' })
    expect(body.expiresAt).toBe(Date.UTC(2030, 4, 5, 23, 59, 59, 999))
  })

  it('leaves the date out until one is picked, so the server says it is required', () => {
    expect(toRequestBody('t1', findings, { ...emptyDraft, expiry: 'DATE' })).not.toHaveProperty('expiresAt')
  })

  it('sends no expiry (and no leftover date) for a false positive', () => {
    const body = toRequestBody('t1', findings, {
      ...emptyDraft,
      kind: 'FALSE_POSITIVE',
      expiry: 'DATE',
      date: '2030-05-05',
    })
    expect(body).not.toHaveProperty('expiry')
    expect(body).not.toHaveProperty('expiresAt')
  })
})
