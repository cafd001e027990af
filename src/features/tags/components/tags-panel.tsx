import { repoTagSortBy, type RepoTag } from '@contract/repositories'
import { useMemo } from 'react'
import { Button } from '@/components/ui/button'
import { DataTable, type DataTableSort } from '@/components/ui/data-table'
import type { DataTableColumnDef } from '@/components/ui/data-table-features'
import { EmptyState } from '@/components/ui/empty-state'
import { SearchInput } from '@/components/ui/search-input'
import { getTableUIState } from '@/components/ui/table-ui-state'
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
  const { state, setState, reset, isFiltered } = useUrlState(tagUrlSchema, { defaults: tagUrlDefaults })
  const query = useRepoTags({ ...state, instanceId, repoId })
  const uiState = getTableUIState({
    rows: query.data?.items,
    error: query.error,
    isFetching: query.isFetching,
    isFiltered: isFiltered || state.pageNo > 1,
  })
  const sort: DataTableSort = { sortBy: state.sortBy ?? 'pushTime', sortOrder: state.sortOrder ?? 'desc' }

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
      <DataTable
        caption="Tags"
        itemLabel="tags"
        columns={columns}
        uiState={uiState}
        getRowId={getRowId}
        totalCount={query.data?.totalCount ?? 0}
        pageNo={state.pageNo}
        pageSize={state.pageSize}
        onPageChange={(pageNo) => setState({ pageNo })}
        onPageSizeChange={(pageSize) => setState({ pageSize })}
        sort={sort}
        onSortChange={(next) => {
          const sortBy = repoTagSortBy.safeParse(next.sortBy)
          if (sortBy.success) setState({ sortBy: sortBy.data, sortOrder: next.sortOrder })
        }}
        onRetry={() => void query.refetch()}
        errorTitle="Could not load tags"
        emptyState={<EmptyState title="No tags" description="The index holds no tags for this repository. A sync picks up new pushes." />}
        filteredEmptyState={
          <EmptyState
            title="No tags match"
            description="No tag of this repository matches the search."
            action={<Button onClick={reset}>Clear search</Button>}
          />
        }
      />
    </section>
  )
}
