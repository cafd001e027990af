import { componentSortBy, type ScanComponentItem } from '@contract/report-overview'
import type { ImageReportView } from '@contract/scans'
import { EmptyState } from '@/components/ui/empty-state'
import { PagedDataTable, urlSortProps } from '@/components/ui/paged-data-table'
import { Select } from '@/components/ui/select'
import { useUrlState } from '@/hooks/use-url-state'
import { useScanComponents } from '../api/list-scan-components'
import { componentUrlDefaults, componentUrlSchema } from '../lib/report-url-state'
import { ComponentSearchFilters } from './component-search-filters'
import { componentColumns, componentRowId } from './components-tab-columns'

export interface ComponentsTabProps {
  report: ImageReportView
}

const vulnerableOptions = [
  { value: '', label: 'All packages' },
  { value: 'true', label: 'With vulnerabilities' },
  { value: 'false', label: 'Without vulnerabilities' },
]

/** The packages the scan found, with their findings by severity: filtered, sorted and paged by the server. */
export function ComponentsTab({ report }: ComponentsTabProps) {
  const urlState = useUrlState(componentUrlSchema, { defaults: componentUrlDefaults })
  const { state, setState } = urlState
  const query = useScanComponents({ ...state, scanTaskId: report.scanTaskId })
  const layerOptions = [
    { value: '', label: 'All layers' },
    ...report.metadata.layers.map((l) => ({ value: String(l.index), label: `Layer ${l.index}${l.instruction ? ` · ${l.instruction}` : ''}` })),
  ]
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <ComponentSearchFilters searchLabel="Search packages" state={state} setState={setState} />
        <Select
          label="Layer"
          hideLabel
          options={layerOptions}
          value={state.layerIndex === undefined ? '' : String(state.layerIndex)}
          onChange={(e) => setState({ layerIndex: e.target.value === '' ? undefined : Number(e.target.value) })}
          fieldClassName="w-44"
        />
        <Select
          label="Vulnerable"
          hideLabel
          options={vulnerableOptions}
          value={state.vulnerable === undefined ? '' : String(state.vulnerable)}
          onChange={(e) => setState({ vulnerable: e.target.value === '' ? undefined : e.target.value === 'true' })}
          fieldClassName="w-52"
        />
      </div>
      <PagedDataTable<ScanComponentItem>
        caption="Components"
        itemLabel="packages"
        columns={componentColumns}
        getRowId={componentRowId}
        query={query}
        urlState={urlState}
        {...urlSortProps(urlState, componentSortBy, { sortBy: 'severity', sortOrder: 'desc' })}
        errorTitle="Could not load packages"
        emptyState={<EmptyState title="No packages found" description="The scan found no package database or application dependency in this image." />}
        filteredEmpty={{ title: 'No packages match', description: 'No package of this scan matches these filters.' }}
      />
    </div>
  )
}
