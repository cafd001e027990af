import type { Repository } from '@contract/repositories'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { RowLink } from '@/components/ui/row-link'
import { RelativeTime } from '@/components/ui/time'
import { formatCount } from '@/lib/format'

const col = dataTableColumnHelper<Repository>()

/** Column ids are the contract's `sortBy` values, so a header click maps straight to the URL. */
export const repositoryColumns = col.columns([
  col.accessor('repoName', {
    meta: { label: 'Repository' },
    cell: (c) => {
      const repo = c.row.original
      return (
        <RowLink to={`/instances/${repo.instanceId}/repositories/${repo.repoId}`}>
          <span className="font-normal text-fg-muted">{repo.repoNamespaceName}/</span>
          {repo.repoName}
        </RowLink>
      )
    },
  }),
  col.accessor('tagCount', {
    meta: { label: 'Tags', align: 'end', className: 'w-28' },
    sortDescFirst: true,
    cell: (c) => formatCount(c.getValue()),
  }),
  col.accessor('lastPushTime', {
    meta: { label: 'Last push', className: 'w-44 whitespace-nowrap' },
    sortDescFirst: true,
    cell: (c) => <RelativeTime value={c.getValue()} fallback="Never" />,
  }),
])
