import { componentSource, type ComponentSource } from '@contract/findings'
import { SearchInput } from '@/components/ui/search-input'
import { Select } from '@/components/ui/select'

const sourceOptions = [{ value: '', label: 'All types' }, ...componentSource.options.map((s) => ({ value: s, label: s }))]

export interface ComponentSearchFiltersProps {
  /** The search box's name, e.g. "Search packages". */
  searchLabel: string
  state: { componentQueryKey?: string | undefined; source?: ComponentSource | undefined }
  setState: (patch: { componentQueryKey?: string | undefined; source?: ComponentSource | undefined }) => void
}

/** The text search and package-type filter every listScanComponent table starts with (Components, SBOM). */
export function ComponentSearchFilters({ searchLabel, state, setState }: ComponentSearchFiltersProps) {
  return (
    <>
      <SearchInput
        label={searchLabel}
        placeholder="Name, purl or path"
        value={state.componentQueryKey ?? ''}
        onValueChange={(componentQueryKey) => setState({ componentQueryKey })}
        className="w-56"
      />
      <Select
        label="Package type"
        hideLabel
        options={sourceOptions}
        value={state.source ?? ''}
        onChange={(e) => setState({ source: componentSource.safeParse(e.target.value).data })}
        fieldClassName="w-40"
      />
    </>
  )
}
