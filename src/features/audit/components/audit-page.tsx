import { listAuditEventQuery, type AuditEvent } from '@contract/audit'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { SearchInput } from '@/components/ui/search-input'
import { getTableUIState } from '@/components/ui/table-ui-state'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useUrlState } from '@/hooks/use-url-state'
import { useAuditEvents } from '../api/list-audit-events'
import { auditColumns } from './audit-columns'

const getRowId = (row: AuditEvent) => String(row.eventId)

/** `/audit`: who started which scan, changed which rule or instance, and when; filters in the URL. */
export function AuditPage() {
  useDocumentTitle('Audit log')
  const { state, setState, reset, isFiltered } = useUrlState(listAuditEventQuery)
  const query = useAuditEvents(state)
  const uiState = getTableUIState({ rows: query.data?.items, error: query.error, isFetching: query.isFetching, isFiltered: isFiltered || state.pageNo > 1 })

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Audit log" description="Every change made through Layerscope, newest first. Passwords and tokens are never recorded." />
      <div className="flex flex-wrap items-end gap-2">
        <SearchInput label="Who (exact name)" placeholder="Who" value={state.actor ?? ''} onValueChange={(actor) => setState({ actor })} className="w-48" />
        <SearchInput label="Action (operation name)" placeholder="Action, e.g. createScanRule" value={state.action ?? ''} onValueChange={(action) => setState({ action })} className="w-64" />
        <SearchInput label="Target contains" placeholder="Target, e.g. an instance id" value={state.target ?? ''} onValueChange={(target) => setState({ target })} className="w-72" />
      </div>
      <DataTable
        caption="Audit events"
        itemLabel="events"
        columns={auditColumns}
        uiState={uiState}
        getRowId={getRowId}
        totalCount={query.data?.totalCount ?? 0}
        pageNo={state.pageNo}
        pageSize={state.pageSize}
        onPageChange={(pageNo) => setState({ pageNo })}
        onPageSizeChange={(pageSize) => setState({ pageSize })}
        onRetry={() => void query.refetch()}
        errorTitle="Could not load the audit log"
        emptyState={<EmptyState title="Nothing recorded yet" description="Changes appear here as people and scripts make them." />}
        filteredEmptyState={<EmptyState title="No events match" description="Nothing matches these filters." action={<Button onClick={reset}>Clear filters</Button>} />}
      />
    </div>
  )
}
