import { describe, expect, it } from 'vitest'
import type { TestInstanceConnectionResult } from '@contract/instances'
import { connectionChecks } from './connection-checks'

const failure = (stage: 'auth' | 'dns' | 'permission'): TestInstanceConnectionResult => ({
  ok: false,
  code: 'REGISTRY_AUTH_FAILED',
  stage,
  message: 'refused',
  hint: null,
  field: null,
  checks: [],
})

describe('connectionChecks', () => {
  it('keeps the steps the server ran', () => {
    const checks = [{ step: 'resolve', status: 'SKIPPED', detail: 'an IP address' }] as const
    expect(
      connectionChecks('REGISTRY', { ok: true, message: 'ok', repositoryCount: 1, checks: [...checks] }),
    ).toEqual(checks)
  })

  it('derives the checklist from the stage when a provider sends none', () => {
    const statuses = connectionChecks('ACR', failure('auth')).map((c) => `${c.step}:${c.status}`)
    expect(statuses).toEqual([
      'resolve:PASSED',
      'connect:PASSED',
      'tls:PASSED',
      'api:PASSED',
      'credentials:FAILED',
      'catalog:NOT_RUN',
    ])
    expect(connectionChecks('STACKROX', failure('dns'))[0]).toEqual({
      step: 'resolve',
      status: 'FAILED',
      detail: 'refused',
    })
    expect(connectionChecks('STACKROX', failure('permission')).at(-1)?.status).toBe('FAILED')
  })

  it('shows every step passed for a success without steps, and none for a directory', () => {
    expect(
      connectionChecks('ACR', { ok: true, message: 'ok', repositoryCount: 3, checks: [] }).every(
        (c) => c.status === 'PASSED',
      ),
    ).toBe(true)
    expect(
      connectionChecks('DIRECTORY', { ok: true, message: 'ok', repositoryCount: 3, checks: [] }),
    ).toEqual([])
  })
})
