import { listInstanceQuery, type Instance } from '@contract/instances'
import { EmptyState } from '@/components/ui/empty-state'
import { LayersIcon } from '@/components/ui/icons'
import { PageHeader } from '@/components/ui/page-header'
import { PagedDataTable } from '@/components/ui/paged-data-table'
import { SearchInput } from '@/components/ui/search-input'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useUrlState } from '@/hooks/use-url-state'
import { useInstances } from '../api/list-instances'
import { AddInstanceButton } from './add-instance-dialog'
import { instanceColumns } from './instance-columns'

const getRowId = (row: Instance) => row.instanceId

/** `/instances`: every registry and directory Layerscope knows, with search and paging in the URL. */
export function InstancesPage() {
  useDocumentTitle('Instances')
  const urlState = useUrlState(listInstanceQuery)
  const { state, setState } = urlState
  const query = useInstances(state)

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
      <PagedDataTable
        caption="Instances"
        itemLabel="instances"
        columns={instanceColumns}
        getRowId={getRowId}
        query={query}
        urlState={urlState}
        errorTitle="Could not load instances"
        emptyState={
          <EmptyState
            icon={<LayersIcon className="size-6" />}
            title="No instances yet"
            description="Add a registry or an image directory to browse its repositories and tags."
            action={<AddInstanceButton />}
          />
        }
        filteredEmpty={{
          title: 'No instances match',
          description: 'Nothing on this page matches the search. Clear it to see every instance.',
          clearLabel: 'Clear search',
        }}
      />
    </div>
  )
}
