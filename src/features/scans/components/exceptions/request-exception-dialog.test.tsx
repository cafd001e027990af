import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { Session } from '@contract/auth'
import type { VulnerabilityItem } from '@contract/scans'
import { sessionOptions } from '@/api/session'
import { RequestExceptionDialog } from './request-exception-dialog'

const finding: VulnerabilityItem = {
  cveName: 'CVE-2021-44228',
  cveLink: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
  severity: 'Critical',
  feature: 'log4j-core',
  version: '2.14.1',
  versionFixed: '2.17.1',
  versionFormat: 'maven',
  addedBy: 'sha256:abc',
  fixCmd: '',
  description: 'JNDI lookup in log messages',
  cveLocation: 'app/lib/log4j-core-2.14.1.jar',
  scanType: 'sca',
  aliases: [],
  cvssV2: null,
  cvssV3: null,
  cvssScore: 10,
  layerIndex: 3,
  publishedAt: null,
  modifiedAt: null,
  summary: 'Log4Shell',
  fixedByNote: null,
  componentId: 'c1',
  severitySource: 'cvss_v3',
}

const signedIn: Session = {
  authMode: 'required',
  principal: { id: 'tok-1', name: 'ada', role: 'operator', via: 'session' },
  csrfToken: 'c',
  permissions: ['createVulnException'],
  signIn: { token: true, proxy: false },
}
const signInOff: Session = {
  ...signedIn,
  authMode: 'off',
  principal: { id: 'loopback', name: 'local operator', role: 'admin', via: 'loopback' },
  csrfToken: null,
}

/** The open dialog's markup, with the session query already answered. */
function render(session: Session | undefined): string {
  const client = new QueryClient()
  if (session) client.setQueryData(sessionOptions().queryKey, session)
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <RequestExceptionDialog open onClose={() => undefined} scanTaskId="t1" findings={[finding]} />
    </QueryClientProvider>,
  )
}

describe('request exception dialog', () => {
  it('with sign-in on, says someone else decides', () => {
    const html = render(signedIn)
    expect(html).toContain('For CVE-2021-44228 in log4j-core 2.14.1. An approver, not you, decides it.')
    expect(html).not.toContain('self-approval')
  })

  it('with sign-in off, says it can be approved on the Exceptions page as a self-approval', () => {
    const html = render(signInOff)
    expect(html).toContain(
      'It waits on the Exceptions page, where it can be approved (recorded as a self-approval).',
    )
    expect(html).not.toContain('An approver, not you')
  })

  it('keeps the four-eyes sentence until the session has answered', () => {
    expect(render(undefined)).toContain('An approver, not you, decides it.')
  })
})
