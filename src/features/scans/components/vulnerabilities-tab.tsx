import { scanType } from '@contract/findings'
import { vulnerabilitySortBy, type VulnerabilityItem } from '@contract/scans'
import { EmptyState } from '@/components/ui/empty-state'
import { PagedDataTable, urlSortProps } from '@/components/ui/paged-data-table'
import { RowExpansionProvider } from '@/components/ui/row-expansion'
import { SearchInput } from '@/components/ui/search-input'
import { Select } from '@/components/ui/select'
import { useUrlState } from '@/hooks/use-url-state'
import { useScanSummary } from '../api/get-scan-summary'
import { useVulnerabilities } from '../api/list-vulnerabilities'
import { vulnerabilityUrlDefaults, vulnerabilityUrlSchema } from '../lib/report-url-state'
import { vulnerabilityFilterChips } from '../lib/vulnerability-filter-chips'
import { useUrlRowExpansion } from '../lib/url-row-expansion'
import { useVulnerabilityGrouping } from '../lib/vulnerability-grouping'
import { ActiveFilterChips } from './active-filter-chips'
import { CopyFixCommandsButton } from './copy-fix-commands-button'
import { FindingSelectionBar, useFindingSelection } from './exceptions/finding-selection'
import { FixableSwitch } from './fixable-switch'
import { GroupBySwitch } from './group-by-switch'
import { GroupedVulnerabilities } from './grouped-vulnerabilities'
import { SeverityFilter } from './severity-filter'
import { vulnerabilityColumns, vulnerabilityRowId } from './vulnerability-columns'
import { VulnerabilityDetails } from './vulnerability-details'

export interface VulnerabilitiesTabProps {
  scanTaskId: string
}

const scanTypeOptions = [
  { value: '', label: 'All packages' },
  { value: 'cve', label: 'OS packages (cve)' },
  { value: 'sca', label: 'Application dependencies (sca)' },
]

/** The vulnerabilities of a scan: severity, type and text filters, sort and page in the URL, done by the server. */
export function VulnerabilitiesTab({ scanTaskId }: VulnerabilitiesTabProps) {
  const urlState = useUrlState(vulnerabilityUrlSchema, { defaults: vulnerabilityUrlDefaults })
  const { state, setState } = urlState
  const params = { ...state, scanTaskId }
  const query = useVulnerabilities(params)
  // `?group=component`: the same filters, findings listed under their package instead (GroupedVulnerabilities).
  const { grouped } = useVulnerabilityGrouping()
  // The severity toggles count what the list shows: without snoozed findings unless the switch is on.
  const summary = useScanSummary(scanTaskId, { includeSnoozed: state.includeSnoozed }).data
  // In the URL, so a copied link (the `c` shortcut) reopens the same row.
  const expansion = useUrlRowExpansion()
  // Operators and up pick findings to request one exception for all of them.
  const selection = useFindingSelection(scanTaskId, vulnerabilityColumns)
  // A package filter names its package once a row of it is on screen.
  const shownPackage = state.componentId ? query.data?.items.find((v) => v.componentId === state.componentId) : undefined
  const chips = vulnerabilityFilterChips(state, shownPackage ? `${shownPackage.feature} ${shownPackage.version}` : undefined)

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <SeverityFilter value={state.severity} onChange={(severity) => setState({ severity })} counts={summary} />
        <Select
          label="Package type"
          hideLabel
          options={scanTypeOptions}
          value={state.scanType ?? ''}
          onChange={(e) => setState({ scanType: scanType.safeParse(e.target.value).data })}
          fieldClassName="w-60"
        />
        <SearchInput
          label="Search vulnerabilities"
          placeholder="CVE, package or text"
          value={state.vulQueryKey ?? ''}
          onValueChange={(vulQueryKey) => setState({ vulQueryKey })}
          className="w-56"
        />
        <FixableSwitch checked={state.fixable === true} onChange={(on) => setState({ fixable: on ? true : undefined })} />
        <SnoozedSwitch checked={state.includeSnoozed === true} onChange={(on) => setState({ includeSnoozed: on ? true : undefined })} />
        <GroupBySwitch />
        {!state.includeSnoozed && summary?.snoozedCount ? (
          <span className="text-xs text-fg-muted">
            {summary.snoozedCount} {summary.snoozedCount === 1 ? 'finding' : 'findings'} hidden by exceptions
          </span>
        ) : null}
        <span className="ml-auto">
          <CopyFixCommandsButton params={params} />
        </span>
      </div>
      <ActiveFilterChips chips={chips} onRemove={(chip) => setState(chip.clear)} />
      <FindingSelectionBar scanTaskId={scanTaskId} selection={selection} />
      {grouped ? (
        <GroupedVulnerabilities scanTaskId={scanTaskId} />
      ) : (
        <RowExpansionProvider value={expansion}>
          <PagedDataTable<VulnerabilityItem>
            caption="Vulnerabilities"
            itemLabel="vulnerabilities"
            columns={selection.columns}
            getRowId={vulnerabilityRowId}
            query={query}
            urlState={urlState}
            {...urlSortProps(urlState, vulnerabilitySortBy, { sortBy: 'severity', sortOrder: 'desc' })}
            renderRowDetail={(row: VulnerabilityItem) => (expansion.isExpanded(vulnerabilityRowId(row)) ? <VulnerabilityDetails item={row} scanTaskId={scanTaskId} /> : null)}
            errorTitle="Could not load vulnerabilities"
            emptyState={<EmptyState title="No vulnerabilities found" description="No package in this image matched an advisory in the database the scan used." />}
            filteredEmpty={{ title: 'No vulnerabilities match', description: 'No vulnerability of this scan matches these filters.' }}
          />
        </RowExpansionProvider>
      )}
    </div>
  )
}

interface SnoozedSwitchProps {
  /** True: also findings under an approved exception (`?includeSnoozed=true`). */
  checked: boolean
  onChange: (checked: boolean) => void
}

/** "Show findings under exception": the same switch as "Fixable only" (see FixableSwitch for its markup). */
function SnoozedSwitch({ checked, onChange }: SnoozedSwitchProps) {
  return (
    <label className="relative inline-flex h-8 cursor-pointer items-center gap-2 rounded-md border border-line-strong bg-surface px-2.5 text-xs font-medium text-fg">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="peer absolute inset-0 size-full cursor-pointer opacity-0"
      />
      <span
        aria-hidden="true"
        className="relative inline-block h-4 w-7 rounded-full bg-line-strong transition-colors peer-checked:bg-accent peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus after:absolute after:top-0.5 after:left-0.5 after:size-3 after:rounded-full after:bg-surface after:transition-transform peer-checked:after:translate-x-3"
      />
      Show findings under exception
    </label>
  )
}
