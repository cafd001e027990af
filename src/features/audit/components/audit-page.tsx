import { listAuditEventQuery, type AuditEvent } from '@contract/audit'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { PagedDataTable } from '@/components/ui/paged-data-table'
import { SearchInput } from '@/components/ui/search-input'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useUrlState } from '@/hooks/use-url-state'
import { useAuditEvents } from '../api/list-audit-events'
import { auditColumns } from './audit-columns'

const getRowId = (row: AuditEvent) => String(row.eventId)

/** `/audit`: who started which scan, changed which rule or instance, and when; filters in the URL. */
export function AuditPage() {
  useDocumentTitle('Audit log')
  const urlState = useUrlState(listAuditEventQuery)
  const { state, setState } = urlState
  const query = useAuditEvents(state)

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Audit log" description="Every change made through Layerscope, newest first. Passwords and tokens are never recorded." />
      <div className="flex flex-wrap items-end gap-2">
        <SearchInput label="Who (exact name)" placeholder="Who" value={state.actor ?? ''} onValueChange={(actor) => setState({ actor })} className="w-48" />
        <SearchInput label="Action (operation name)" placeholder="Action, e.g. createScanRule" value={state.action ?? ''} onValueChange={(action) => setState({ action })} className="w-64" />
        <SearchInput label="Target contains" placeholder="Target, e.g. an instance id" value={state.target ?? ''} onValueChange={(target) => setState({ target })} className="w-72" />
      </div>
      <PagedDataTable
        caption="Audit events"
        itemLabel="events"
        columns={auditColumns}
        getRowId={getRowId}
        query={query}
        urlState={urlState}
        errorTitle="Could not load the audit log"
        emptyState={<EmptyState title="Nothing recorded yet" description="Changes appear here as people and scripts make them." />}
        filteredEmpty={{ title: 'No events match', description: 'Nothing matches these filters.' }}
      />
    </div>
  )
}
