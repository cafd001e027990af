import { listInstanceQuery, type Instance } from '@contract/instances'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { LayersIcon } from '@/components/ui/icons'
import { PageHeader } from '@/components/ui/page-header'
import { SearchInput } from '@/components/ui/search-input'
import { getTableUIState } from '@/components/ui/table-ui-state'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useUrlState } from '@/hooks/use-url-state'
import { useInstances } from '../api/list-instances'
import { AddInstanceButton } from './add-instance-dialog'
import { instanceColumns } from './instance-columns'

const getRowId = (row: Instance) => row.instanceId

/** `/instances`: every registry and directory Layerscope knows, with search and paging in the URL. */
export function InstancesPage() {
  useDocumentTitle('Instances')
  const { state, setState, reset, isFiltered } = useUrlState(listInstanceQuery)
  const query = useInstances(state)
  const uiState = getTableUIState({
    rows: query.data?.items,
    error: query.error,
    isFetching: query.isFetching,
    isFiltered: isFiltered || state.pageNo > 1,
  })

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Instances"
        description="Registries and image directories whose repositories and tags Layerscope indexes."
        actions={<AddInstanceButton />}
      />
      <div className="flex flex-wrap items-center gap-2">
        <SearchInput
          label="Search instances by name"
          placeholder="Search by name"
          value={state.instanceName ?? ''}
          onValueChange={(instanceName) => setState({ instanceName })}
          className="w-72"
        />
      </div>
      <DataTable
        caption="Instances"
        itemLabel="instances"
        columns={instanceColumns}
        uiState={uiState}
        getRowId={getRowId}
        totalCount={query.data?.totalCount ?? 0}
        pageNo={state.pageNo}
        pageSize={state.pageSize}
        onPageChange={(pageNo) => setState({ pageNo })}
        onPageSizeChange={(pageSize) => setState({ pageSize })}
        onRetry={() => void query.refetch()}
        errorTitle="Could not load instances"
        emptyState={
          <EmptyState
            icon={<LayersIcon className="size-6" />}
            title="No instances yet"
            description="Add a registry or an image directory to browse its repositories and tags."
            action={<AddInstanceButton />}
          />
        }
        filteredEmptyState={
          <EmptyState
            title="No instances match"
            description="Nothing on this page matches the search. Clear it to see every instance."
            action={<Button onClick={reset}>Clear search</Button>}
          />
        }
      />
    </div>
  )
}
