import { scanService, type ScanTask } from '@contract/scans'
import { EmptyState } from '@/components/ui/empty-state'
import { CloseIcon } from '@/components/ui/icons'
import { InstanceProviderBadge } from '@/components/ui/instance-provider-badge'
import { PageHeader } from '@/components/ui/page-header'
import { PagedDataTable } from '@/components/ui/paged-data-table'
import { Select } from '@/components/ui/select'
import { useUrlState } from '@/hooks/use-url-state'
import { useScanTasks } from '../api/list-scan-tasks'
import { scanListPollInterval, scanServiceDisplay } from '../lib/scan-status'
import { scanTaskUrlSchema, statusFilterList, statusFilterOptions, statusFilterValue } from '../lib/scan-task-url-state'
import { scanTaskColumns } from './scan-task-columns'

export interface ScanTasksPageProps {
  instanceId: string
  /** The instance's name for the description, once known. */
  instanceName?: string | undefined
}

const getRowId = (row: ScanTask) => row.scanTaskId
const serviceOptions = [{ value: '', label: 'All services' }, ...scanService.options.map((s) => ({ value: s, label: scanServiceDisplay[s].short }))]

/** `/instances/:instanceId/scans`: every scan task of the instance, newest first, filters and page in the URL. */
export function ScanTasksPage({ instanceId, instanceName }: ScanTasksPageProps) {
  const urlState = useUrlState(scanTaskUrlSchema)
  const { state, setState } = urlState
  const query = useScanTasks({ ...state, instanceId })
  const live = scanListPollInterval(query.data?.items.map((t) => t.status)) !== false
  const repoName = state.repoId ? query.data?.items.find((t) => t.repoId === state.repoId)?.repository : undefined

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        eyebrow={instanceName ?? 'Instance'}
        title="Scan tasks"
        description="Every scan of this instance's images, newest first. Each opens its report, pinned to the image it scanned."
      >
        <div>
          <InstanceProviderBadge instanceId={instanceId} />
        </div>
      </PageHeader>
      <div className="flex flex-wrap items-center gap-2">
        <Select
          label="Status"
          hideLabel
          options={statusFilterOptions}
          value={statusFilterValue(state.status)}
          onChange={(e) => setState({ status: statusFilterList(e.target.value) })}
          fieldClassName="w-64"
        />
        <Select
          label="Scan service"
          hideLabel
          options={serviceOptions}
          value={state.scanService ?? ''}
          onChange={(e) => setState({ scanService: scanService.safeParse(e.target.value).data })}
          fieldClassName="w-56"
        />
        {state.repoId ? (
          <FilterChip label={`Repository: ${repoName ?? state.repoId}`} onClear={() => setState({ repoId: undefined, tag: undefined })} />
        ) : null}
        {state.tag ? <FilterChip label={`Tag: ${state.tag}`} onClear={() => setState({ tag: undefined })} /> : null}
        <p className="ml-auto text-xs text-fg-muted" aria-live="polite">
          {live ? 'Scans are running: this list refreshes by itself.' : ''}
        </p>
      </div>
      <PagedDataTable
        caption="Scan tasks"
        itemLabel="scan tasks"
        columns={scanTaskColumns}
        getRowId={getRowId}
        query={query}
        urlState={urlState}
        errorTitle="Could not load scan tasks"
        emptyState={
          <EmptyState title="No scans yet" description="Open a tag and press Scan, or scan every tag of a repository from its page." />
        }
        filteredEmpty={{ title: 'No scan tasks match', description: 'No scan task matches these filters.' }}
      />
    </div>
  )
}

function FilterChip({ label, onClear }: { label: string; onClear: () => void }) {
  return (
    <span className="inline-flex h-8 items-center gap-1 rounded-md border border-line-strong bg-surface pr-1 pl-2.5 text-sm">
      {label}
      <button type="button" onClick={onClear} className="rounded p-0.5 text-fg-muted hover:bg-surface-muted hover:text-fg">
        <CloseIcon className="size-3.5" />
        <span className="sr-only">Clear filter {label}</span>
      </button>
    </span>
  )
}
