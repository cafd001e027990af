import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderToStaticMarkup } from 'react-dom/server'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { ApiToken } from '@contract/auth'
import { DataTable } from '@/components/ui/data-table'
import { tokenColumns } from './token-columns'

const token = (over: Partial<ApiToken>): ApiToken => ({
  tokenId: 'tok-aaaaaaaaaaaaaaaa',
  name: 'ci',
  role: 'operator',
  createdBy: 'ada',
  createTime: Date.UTC(2026, 0, 2),
  lastUsedTime: null,
  expireTime: null,
  revoked: false,
  revokeTime: null,
  ...over,
})

function render(rows: ApiToken[]): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <DataTable caption="API tokens" itemLabel="tokens" columns={tokenColumns} uiState={{ type: 'data', rows, isFetching: false }} getRowId={(r) => r.tokenId} totalCount={rows.length} pageNo={1} pageSize={30} onPageChange={() => undefined} onPageSizeChange={() => undefined} onRetry={() => undefined} emptyState={null} filteredEmptyState={null} />
      </MemoryRouter>
    </QueryClientProvider>,
  )
}

describe('tokens table', () => {
  it('offers to revoke an active token, by name for screen readers, and marks revoked ones', () => {
    const html = render([token({}), token({ tokenId: 'tok-bbbbbbbbbbbbbbbb', name: 'old', revoked: true, revokeTime: 5 })])
    expect(html).toContain('Revoke<span class="sr-only"> ci</span>')
    expect(html).not.toContain('Revoke<span class="sr-only"> old</span>')
    expect(html).toContain('Revoked')
    expect(html).toContain('Never')
    expect(html).toContain('tok-aaaaaaaaaaaaaaaa')
  })
})
