import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { VulnExceptionWithHistory } from '@contract/exceptions'
import { FindingHistory } from './finding-history'

const expired: VulnExceptionWithHistory = {
  exceptionId: 'vex-0000000000000001',
  instanceId: 'demo',
  kind: 'DEFERRAL',
  status: 'EXPIRED',
  scope: 'REPOSITORY',
  repoId: 'r1',
  repository: 'demo/shop-app',
  digest: null,
  cveName: 'CVE-2021-44228',
  feature: 'log4j-core',
  version: '2.14.1',
  versionFormat: 'maven',
  componentId: 'c1',
  scanTaskId: 't1',
  expiry: 'THIRTY_DAYS',
  expiresAt: Date.UTC(2026, 0, 31),
  reason: 'JNDI lookups are disabled',
  justification: 'inline_mitigations_already_exist',
  requestedBy: { id: 'ada', name: 'ada' },
  requestTime: Date.UTC(2026, 0, 1),
  decidedBy: { id: 'bob', name: 'bob' },
  decisionTime: Date.UTC(2026, 0, 1, 1),
  decisionComment: 'One sprint',
  closeTime: Date.UTC(2026, 0, 31),
  history: [
    {
      action: 'REQUESTED',
      actorId: 'ada',
      actorName: 'ada',
      time: Date.UTC(2026, 0, 1),
      comment: 'JNDI lookups are disabled',
    },
    {
      action: 'APPROVED',
      actorId: 'bob',
      actorName: 'bob',
      time: Date.UTC(2026, 0, 1, 1),
      comment: 'One sprint',
    },
    {
      action: 'EXPIRED',
      actorId: 'system',
      actorName: 'Layerscope',
      time: Date.UTC(2026, 0, 31),
      comment: null,
    },
  ],
}

const render = (props: Partial<Parameters<typeof FindingHistory>[0]>) =>
  renderToStaticMarkup(
    <FindingHistory exceptions={undefined} error={null} onRetry={() => undefined} {...props} />,
  )

describe('FindingHistory', () => {
  it('lists each exception with its status, scope and every step: who, when and why', () => {
    const html = render({ exceptions: [expired] })
    for (const text of [
      'Deferral (30 days)',
      'Expired',
      'Every tag of this repository',
      'demo/shop-app',
      'Inline mitigations already exist',
    ])
      expect(html).toContain(text)
    expect(html.match(/<li>/g)).toHaveLength(3)
    for (const text of [
      'Requested</span> by ada',
      'Approved</span> by bob',
      'Expired</span> by Layerscope',
      'One sprint',
      '2026-01-31',
    ])
      expect(html).toContain(text)
  })

  it('says when nothing was requested, and shows a failure with a retry', () => {
    expect(render({ exceptions: [] })).toContain('No exception has been requested for this finding.')
    const failed = render({ error: new Error('offline') })
    expect(failed).toContain('role="alert"')
    expect(failed).toContain('offline')
    expect(failed).toContain('Retry')
  })
})
