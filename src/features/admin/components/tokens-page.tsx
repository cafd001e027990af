import { useState } from 'react'
import { listApiTokenQuery, type ApiToken } from '@contract/auth'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PlusIcon } from '@/components/ui/icons'
import { PageHeader } from '@/components/ui/page-header'
import { PagedDataTable } from '@/components/ui/paged-data-table'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useUrlState } from '@/hooks/use-url-state'
import { useApiTokens } from '../api/list-api-tokens'
import { CreateTokenDialog } from './create-token-dialog'
import { tokenColumns } from './token-columns'

const getRowId = (row: ApiToken) => row.tokenId

/** `/admin/tokens`: API tokens, create (shown once) and revoke. */
export function TokensPage() {
  useDocumentTitle('API tokens')
  const [creating, setCreating] = useState(false)
  const urlState = useUrlState(listApiTokenQuery)
  const { state, setState } = urlState
  const query = useApiTokens(state)
  const createButton = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      <PlusIcon />
      Create token
    </Button>
  )

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="API tokens" description="Tokens sign scripts and people in. Each is shown once when created; only a hash is stored." actions={createButton} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={state.includeRevoked ?? false} onChange={(e) => setState({ includeRevoked: e.target.checked || undefined })} />
        Show revoked tokens
      </label>
      <PagedDataTable
        caption="API tokens"
        itemLabel="tokens"
        columns={tokenColumns}
        getRowId={getRowId}
        query={query}
        urlState={urlState}
        errorTitle="Could not load API tokens"
        emptyState={<EmptyState title="No active tokens" description="Create one for each script and each person who signs in." action={createButton} />}
        filteredEmpty={{ title: 'No tokens here', description: 'Nothing on this page.', clearLabel: 'Back to the first page' }}
      />
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  )
}
