import { repositorySortBy, type Repository } from '@contract/repositories'
import { EmptyState } from '@/components/ui/empty-state'
import { PagedDataTable, urlSortProps } from '@/components/ui/paged-data-table'
import { SearchInput } from '@/components/ui/search-input'
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
  const urlState = useUrlState(repositoryUrlSchema, { defaults: repositoryUrlDefaults })
  const { state, setState } = urlState
  const query = useRepositories({ ...state, instanceId })

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
      <PagedDataTable
        caption="Repositories"
        itemLabel="repositories"
        columns={repositoryColumns}
        getRowId={getRowId}
        query={query}
        urlState={urlState}
        {...urlSortProps(urlState, repositorySortBy, repositoryUrlDefaults)}
        errorTitle="Could not load repositories"
        emptyState={
          <EmptyState
            title="No repositories yet"
            description="The index of this instance has no repositories. If the registry has some, run a sync."
          />
        }
        filteredEmpty={{ title: 'No repositories match', description: 'No repository matches this search or namespace.' }}
      />
    </section>
  )
}
