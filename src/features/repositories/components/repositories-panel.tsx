import { repositorySortBy, type Repository } from '@contract/repositories'
import { Button } from '@/components/ui/button'
import { DataTable, type DataTableSort } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { SearchInput } from '@/components/ui/search-input'
import { getTableUIState } from '@/components/ui/table-ui-state'
import { useUrlState } from '@/hooks/use-url-state'
import { useRepositories } from '../api/list-repositories'
import { repositoryUrlDefaults, repositoryUrlSchema } from '../lib/repository-url-state'
import { NamespaceFilter } from './namespace-filter'
import { repositoryColumns } from './repository-columns'

export interface RepositoriesPanelProps {
  instanceId: string
}

const getRowId = (row: Repository) => row.repoId

/** The instance's repositories: search, namespace, sort and page all in the URL, all done by the server. */
export function RepositoriesPanel({ instanceId }: RepositoriesPanelProps) {
  const { state, setState, reset, isFiltered } = useUrlState(repositoryUrlSchema, { defaults: repositoryUrlDefaults })
  const query = useRepositories({ ...state, instanceId })
  const uiState = getTableUIState({
    rows: query.data?.items,
    error: query.error,
    isFetching: query.isFetching,
    isFiltered: isFiltered || state.pageNo > 1,
  })
  const sort: DataTableSort = { sortBy: state.sortBy ?? 'repoName', sortOrder: state.sortOrder ?? 'asc' }

  return (
    <section aria-labelledby="repositories-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="repositories-heading" className="text-base font-semibold">
          Repositories
        </h2>
        <div className="flex flex-wrap items-start gap-2">
          <NamespaceFilter
            instanceId={instanceId}
            value={state.repoNamespaceName}
            onChange={(repoNamespaceName) => setState({ repoNamespaceName })}
          />
          <SearchInput
            label="Search repositories"
            placeholder="Search namespace/name"
            value={state.repoName ?? ''}
            onValueChange={(repoName) => setState({ repoName })}
            className="w-64"
          />
        </div>
      </div>
      <DataTable
        caption="Repositories"
        itemLabel="repositories"
        columns={repositoryColumns}
        uiState={uiState}
        getRowId={getRowId}
        totalCount={query.data?.totalCount ?? 0}
        pageNo={state.pageNo}
        pageSize={state.pageSize}
        onPageChange={(pageNo) => setState({ pageNo })}
        onPageSizeChange={(pageSize) => setState({ pageSize })}
        sort={sort}
        onSortChange={(next) => {
          const sortBy = repositorySortBy.safeParse(next.sortBy)
          if (sortBy.success) setState({ sortBy: sortBy.data, sortOrder: next.sortOrder })
        }}
        onRetry={() => void query.refetch()}
        errorTitle="Could not load repositories"
        emptyState={
          <EmptyState
            title="No repositories yet"
            description="The index of this instance has no repositories. If the registry has some, run a sync."
          />
        }
        filteredEmptyState={
          <EmptyState
            title="No repositories match"
            description="No repository matches this search or namespace."
            action={<Button onClick={reset}>Clear filters</Button>}
          />
        }
      />
    </section>
  )
}
