import { useMemo, useState } from 'react'
import { vulnExceptionKind, vulnExceptionScope, type VulnException } from '@contract/exceptions'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { PagedDataTable } from '@/components/ui/paged-data-table'
import { SearchInput } from '@/components/ui/search-input'
import { Select } from '@/components/ui/select'
import { TabPanel, Tabs } from '@/components/ui/tabs'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { usePermitted } from '@/hooks/use-permitted'
import { useUrlState } from '@/hooks/use-url-state'
import { useDecideExceptions } from '../api/decide-exceptions'
import { useExceptions } from '../api/list-exceptions'
import { EXCEPTIONS_TABS, exceptionsUrlSchema, listQueryOf, type ExceptionsTab } from '../lib/exception-tabs'
import { BulkDecisionBar } from './bulk-decision-bar'
import { exceptionColumns } from './exception-columns'

const getRowId = (row: VulnException) => row.exceptionId
const anyOption = { value: '', label: 'Any' }
const scopeOptions = [anyOption, ...vulnExceptionScope.options.map((v) => ({ value: v, label: v.toLowerCase() }))]
const kindOptions = [anyOption, ...vulnExceptionKind.options.map((v) => ({ value: v, label: v === 'FALSE_POSITIVE' ? 'false positive' : 'deferral' }))]

/** `/exceptions`: requests waiting for a decision, what holds, what ends soon and what ended; tab and filters in the URL. */
export function ExceptionsPage() {
  useDocumentTitle('Exceptions')
  const urlState = useUrlState(exceptionsUrlSchema)
  const { state, setState } = urlState
  const tab: ExceptionsTab = state.tab ?? 'pending'
  const query = useExceptions(listQueryOf(state))
  const decide = useDecideExceptions()
  const mayDecide = usePermitted('approveVulnException')
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const columns = useMemo(
    () =>
      exceptionColumns(
        mayDecide.allowed
          ? {
              selected,
              onToggle: (id, on) =>
                setSelected((prev) => {
                  const next = new Set(prev)
                  if (on) next.add(id)
                  else next.delete(id)
                  return next
                }),
            }
          : null,
      ),
    [selected, mayDecide.allowed],
  )
  const onDecide = (decision: 'approve' | 'deny', comment: string) =>
    decide.mutate({ decision, comment, exceptionIds: [...selected] }, { onSuccess: ({ failed }) => setSelected(new Set(failed.map((f) => f.exceptionId))) })

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Exceptions"
        description="Deferrals and false positives of vulnerability findings. Each needs an approver other than the person who asked; deferrals end on their date or when a fix is available."
      />
      <Tabs
        label="Exception lists"
        idPrefix="exceptions"
        tabs={EXCEPTIONS_TABS}
        value={tab}
        onChange={(next) => {
          setSelected(new Set())
          setState({ tab: next === 'pending' ? undefined : next })
        }}
      />
      <TabPanel idPrefix="exceptions" id={tab}>
        <div className="flex flex-col gap-4">
          <div className="flex flex-wrap items-end gap-2">
            <SearchInput label="CVE (exact id)" placeholder="CVE-2021-44228" value={state.cveName ?? ''} onValueChange={(cveName) => setState({ cveName: cveName || undefined })} className="w-56" />
            <Select label="Scope" options={scopeOptions} value={state.scope ?? ''} onChange={(e) => setState({ scope: vulnExceptionScope.safeParse(e.target.value).data })} />
            <Select label="Kind" options={kindOptions} value={state.kind ?? ''} onChange={(e) => setState({ kind: vulnExceptionKind.safeParse(e.target.value).data })} />
          </div>
          {/* Deciding is the approver's: other roles see the requests, not the controls. */}
          {tab === 'pending' && mayDecide.allowed ? <BulkDecisionBar count={selected.size} busy={decide.isPending} onDecide={onDecide} onClear={() => setSelected(new Set())} /> : null}
          <PagedDataTable
            caption="Vulnerability exceptions"
            itemLabel="exceptions"
            columns={columns}
            getRowId={getRowId}
            query={query}
            urlState={urlState}
            errorTitle="Could not load the exceptions"
            emptyState={<EmptyState title="Nothing here" description="Exceptions are requested from a scan report’s findings." />}
            filteredEmpty={{ title: 'No exceptions match', description: 'Nothing matches these filters.' }}
          />
        </div>
      </TabPanel>
    </div>
  )
}
