import type { ScanComponentItem } from '@contract/report-overview'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { RowExpansionProvider } from '@/components/ui/row-expansion'
import { getTableUIState } from '@/components/ui/table-ui-state'
import { useUrlState } from '@/hooks/use-url-state'
import { useVulnerabilityGroups } from '../api/list-vulnerability-groups'
import { vulnerabilityUrlDefaults, vulnerabilityUrlSchema } from '../lib/report-url-state'
import { filtersNotInGroupCounts, vulnerabilityGroupQuery } from '../lib/vulnerability-groups'
import { useUrlRowExpansion } from '../lib/url-row-expansion'
import { GroupFindings } from './group-findings'
import { groupColumns, groupRowId } from './grouped-vulnerability-columns'

export interface GroupedVulnerabilitiesProps {
  scanTaskId: string
}

/**
 * The vulnerabilities tab grouped by package (`?group=component`): a page of packages, each
 * with its matching findings counted by severity, paged by the server like the flat list
 * and under the same filters. Expanding a package lists its findings (`?expanded=`).
 */
export function GroupedVulnerabilities({ scanTaskId }: GroupedVulnerabilitiesProps) {
  const { state, setState, reset, isFiltered } = useUrlState(vulnerabilityUrlSchema, { defaults: vulnerabilityUrlDefaults })
  const query = useVulnerabilityGroups({ ...vulnerabilityGroupQuery(state), scanTaskId })
  const expansion = useUrlRowExpansion()
  const uiState = getTableUIState<ScanComponentItem>({ rows: query.data?.items, error: query.error, isFetching: query.isFetching, isFiltered: isFiltered || state.pageNo > 1 })
  const uncounted = filtersNotInGroupCounts(state)

  return (
    <div className="flex flex-col gap-2">
      {uncounted.length > 0 ? (
        <p className="text-xs text-fg-muted">
          The package counts leave out the {uncounted.join(', ')} {uncounted.length === 1 ? 'filter' : 'filters'}; the findings listed inside each package apply every filter.
        </p>
      ) : null}
      <RowExpansionProvider value={expansion}>
        <DataTable
          caption="Vulnerabilities by package"
          itemLabel="packages"
          columns={groupColumns}
          uiState={uiState}
          getRowId={groupRowId}
          totalCount={query.data?.totalCount ?? 0}
          pageNo={state.pageNo}
          pageSize={state.pageSize}
          onPageChange={(pageNo) => setState({ pageNo })}
          onPageSizeChange={(pageSize) => setState({ pageSize })}
          renderRowDetail={(row: ScanComponentItem) => (expansion.isExpanded(groupRowId(row)) ? <GroupFindings scanTaskId={scanTaskId} group={row} filters={state} /> : null)}
          onRetry={() => void query.refetch()}
          errorTitle="Could not load the packages"
          emptyState={<EmptyState title="No vulnerable packages" description="No package in this image matched an advisory in the database the scan used." />}
          filteredEmptyState={
            <EmptyState
              title="No package has a matching vulnerability"
              description="No vulnerability of this scan matches these filters."
              action={<Button onClick={reset}>Clear filters</Button>}
            />
          }
        />
      </RowExpansionProvider>
    </div>
  )
}
