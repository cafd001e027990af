import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { Session } from '@contract/auth'
import { sessionKeys } from '@/api/session'
import { LegacyRuleActions } from './legacy-rule-actions'

/** An operator's session: may create legacy rules upstream and delete them. */
const operator: Session = {
  authMode: 'required',
  principal: { id: 'olga', name: 'Olga', role: 'operator', via: 'proxy' },
  csrfToken: 'token',
  permissions: ['listLegacyScanRule', 'moveLegacyScanRule', 'deleteLegacyScanRule'],
  signIn: { token: true, proxy: true },
}

function render(moveStartedTime: number | null) {
  const client = new QueryClient()
  client.setQueryData(sessionKeys.session(), operator)
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <LegacyRuleActions rule={{ instanceId: 'cri-a', scanRuleId: 'crscnr-a', ruleName: 'nightly', moveStartedTime }} />
    </QueryClientProvider>,
  )
}

const buttons = (html: string) => [...html.matchAll(/<button[^>]*>/g)].map((m) => m[0])

describe('LegacyRuleActions', () => {
  it('offers an operator both actions when no move is under way', () => {
    const html = render(null)
    expect(buttons(html)).toHaveLength(2)
    for (const button of buttons(html)) expect(button).not.toContain(' disabled=""')
    expect(html).toContain('aria-label="Create nightly in ACR"')
    expect(html).not.toContain('Being created in ACR')
  })

  it('holds both actions while another request creates the rule upstream, and says so in the row and in their names', () => {
    const html = render(Date.now() - 10_000)
    expect(buttons(html)).toHaveLength(2)
    for (const button of buttons(html)) {
      expect(button).toContain(' disabled=""')
      expect(button).toMatch(/aria-label="(Create|Delete) nightly[^"]*\(Being created in ACR by another request since /)
    }
    expect(html).toMatch(/role="status"[^>]*>Being created in ACR by another request since [^<]+\.</)
  })
})
