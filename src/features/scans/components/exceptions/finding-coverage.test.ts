import { describe, expect, it } from 'vitest'
import type { VulnException } from '@contract/exceptions'
import { coversFinding } from './finding-coverage'

const image = { instanceId: 'demo', repoId: 'r1', digest: 'sha256:aaa' }
const finding = { cveName: 'CVE-2024-1', feature: 'openssl', version: '3.0.2', versionFormat: 'dpkg' }
const exception = (over: Partial<VulnException>): VulnException => ({
  exceptionId: 'vex-0000000000000001',
  instanceId: 'demo',
  kind: 'DEFERRAL',
  status: 'APPROVED',
  scope: 'DIGEST',
  repoId: 'r1',
  repository: 'demo/app',
  digest: 'sha256:aaa',
  cveName: 'cve-2024-1',
  feature: 'openssl',
  version: '3.0.2',
  versionFormat: 'dpkg',
  componentId: 'c1',
  scanTaskId: 't1',
  expiry: 'THIRTY_DAYS',
  expiresAt: null,
  reason: 'r',
  justification: 'component_not_present',
  requestedBy: { id: 'ada', name: 'ada' },
  requestTime: 0,
  decidedBy: null,
  decisionTime: null,
  decisionComment: null,
  closeTime: null,
  ...over,
})

describe('coversFinding', () => {
  it('matches the CVE in any case and this digest', () => {
    expect(coversFinding(exception({}), image, finding)).toBe(true)
  })

  it('leaves out another digest, unless the scope is the repository or the component', () => {
    expect(coversFinding(exception({ digest: 'sha256:bbb' }), image, finding)).toBe(false)
    expect(coversFinding(exception({ scope: 'REPOSITORY', digest: null }), image, finding)).toBe(true)
    expect(
      coversFinding(exception({ scope: 'REPOSITORY', repoId: 'r2', digest: null }), image, finding),
    ).toBe(false)
    expect(coversFinding(exception({ scope: 'COMPONENT', repoId: null, digest: null }), image, finding)).toBe(
      true,
    )
  })

  it('leaves out another package version, format or instance', () => {
    expect(coversFinding(exception({ version: '3.0.3' }), image, finding)).toBe(false)
    expect(coversFinding(exception({ versionFormat: 'apk' }), image, finding)).toBe(false)
    expect(coversFinding(exception({ scope: 'COMPONENT', instanceId: 'other' }), image, finding)).toBe(false)
  })
})
