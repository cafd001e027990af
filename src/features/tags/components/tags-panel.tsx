import { repoTagSortBy, type RepoTag } from '@contract/repositories'
import { useMemo } from 'react'
import type { DataTableColumnDef } from '@/components/ui/data-table-features'
import { EmptyState } from '@/components/ui/empty-state'
import { PagedDataTable, urlSortProps } from '@/components/ui/paged-data-table'
import { SearchInput } from '@/components/ui/search-input'
import { useUrlState } from '@/hooks/use-url-state'
import { useRepoTags } from '../api/list-repo-tags'
import { tagUrlDefaults, tagUrlSchema } from '../lib/tag-url-state'
import { tagColumns } from './tag-columns'

export interface TagsPanelProps {
  instanceId: string
  repoId: string
  /** Columns the page adds after the tag's own (the last scan); keep the array stable. */
  extraColumns?: DataTableColumnDef<RepoTag>[]
}

const getRowId = (row: RepoTag) => row.tag

/** A repository's tags: search, sort and page in the URL, done by the server. */
export function TagsPanel({ instanceId, repoId, extraColumns }: TagsPanelProps) {
  const columns = useMemo(() => (extraColumns?.length ? [...tagColumns, ...extraColumns] : tagColumns), [extraColumns])
  const urlState = useUrlState(tagUrlSchema, { defaults: tagUrlDefaults })
  const { state, setState } = urlState
  const query = useRepoTags({ ...state, instanceId, repoId })

  return (
    <section aria-labelledby="tags-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="tags-heading" className="text-base font-semibold">
          Tags
        </h2>
        <SearchInput
          label="Search tags"
          placeholder="Search tags"
          value={state.tag ?? ''}
          onValueChange={(tag) => setState({ tag })}
          className="w-64"
        />
      </div>
      <PagedDataTable
        caption="Tags"
        itemLabel="tags"
        columns={columns}
        getRowId={getRowId}
        query={query}
        urlState={urlState}
        {...urlSortProps(urlState, repoTagSortBy, tagUrlDefaults)}
        errorTitle="Could not load tags"
        emptyState={<EmptyState title="No tags" description="The index holds no tags for this repository. A sync picks up new pushes." />}
        filteredEmpty={{ title: 'No tags match', description: 'No tag of this repository matches the search.', clearLabel: 'Clear search' }}
      />
    </section>
  )
}
