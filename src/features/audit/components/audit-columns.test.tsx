import { renderToStaticMarkup } from 'react-dom/server'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { AuditEvent } from '@contract/audit'
import { DataTable } from '@/components/ui/data-table'
import { auditColumns } from './audit-columns'

const event: AuditEvent = {
  eventId: 7,
  time: Date.UTC(2026, 0, 2, 3, 4),
  actor: 'otto',
  actorVia: 'token',
  action: 'createScanRule',
  target: 'instanceId=cri-aaaaaaaaaaaaaaaa scanRuleId=crscnr-bbbbbbbbbbbbbbbb',
  details: { ruleName: 'prod', namespaces: ['team'] },
  requestId: 'REQ-1',
}

function render(rows: AuditEvent[]): string {
  return renderToStaticMarkup(
    <MemoryRouter>
      <DataTable caption="Audit events" itemLabel="events" columns={auditColumns} uiState={{ type: 'data', rows, isFetching: false }} getRowId={(r) => String(r.eventId)} totalCount={rows.length} pageNo={1} pageSize={30} onPageChange={() => undefined} onPageSizeChange={() => undefined} onRetry={() => undefined} emptyState={null} filteredEmptyState={null} />
    </MemoryRouter>,
  )
}

describe('audit table', () => {
  it('shows who, how they signed in, the action in words, the target and the input on demand', () => {
    const html = render([event, { ...event, eventId: 8, actorVia: 'cli', action: 'revokeApiToken', target: '', details: {}, requestId: null }])
    expect(html).toContain('otto')
    expect(html).toContain('API token')
    expect(html).toContain('command line')
    expect(html).toContain('Create scan rule')
    expect(html).toContain('Revoke API token')
    expect(html).toContain('scanRuleId=crscnr-bbbbbbbbbbbbbbbb')
    expect(html).toContain('<summary class="cursor-pointer text-fg-muted">2 fields</summary>')
    expect(html).toContain('namespaces: [&quot;team&quot;]')
    expect(html).toContain('Request REQ-1')
  })
})
