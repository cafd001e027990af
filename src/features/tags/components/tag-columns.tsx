import type { RepoTag } from '@contract/repositories'
import { Badge } from '@/components/ui/badge'
import { CopyButton } from '@/components/ui/copy-button'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { RowLink } from '@/components/ui/row-link'
import { RelativeTime } from '@/components/ui/time'
import { formatBytes, formatCount, shortenDigest } from '@/lib/format'
import { tagPath } from '../lib/tag-url-state'

const col = dataTableColumnHelper<RepoTag>()

function Platforms({ platforms }: { platforms: string[] }) {
  if (platforms.length === 0) return <span className="text-fg-muted">—</span>
  const shown = platforms.slice(0, 2)
  const rest = platforms.length - shown.length
  return (
    <span className="flex flex-wrap gap-1" title={platforms.join(', ')}>
      {shown.map((p) => (
        <Badge key={p}>{p}</Badge>
      ))}
      {rest > 0 ? (
        <Badge>
          +{rest}
          <span className="sr-only"> more: {platforms.slice(2).join(', ')}</span>
        </Badge>
      ) : null}
    </span>
  )
}

/** Column ids that the server can sort by are the contract's `sortBy` values. */
export const tagColumns = col.columns([
  col.accessor('tag', {
    meta: { label: 'Tag' },
    cell: (c) => {
      const t = c.row.original
      return <RowLink to={tagPath(t.instanceId, t.repoId, t.tag)}>{t.tag}</RowLink>
    },
  }),
  col.accessor('digest', {
    meta: { label: 'Digest', className: 'whitespace-nowrap' },
    enableSorting: false,
    cell: (c) => (
      <span className="relative z-10 inline-flex items-center gap-0.5">
        <code className="text-xs text-fg-muted" title={c.getValue()}>
          {shortenDigest(c.getValue())}
        </code>
        <CopyButton value={c.getValue()} label={`Copy digest of ${c.row.original.tag}`} />
      </span>
    ),
  }),
  col.accessor('platforms', {
    meta: { label: 'Platforms' },
    enableSorting: false,
    cell: (c) => <Platforms platforms={c.getValue()} />,
  }),
  col.accessor('imageSize', {
    meta: { label: 'Size', align: 'end', className: 'whitespace-nowrap' },
    sortDescFirst: true,
    cell: (c) => formatBytes(c.getValue()),
  }),
  col.accessor('layerCount', {
    meta: { label: 'Layers', align: 'end' },
    enableSorting: false,
    cell: (c) => formatCount(c.getValue()),
  }),
  col.accessor('imageCreate', {
    meta: { label: 'Image created', className: 'whitespace-nowrap' },
    sortDescFirst: true,
    cell: (c) => <RelativeTime value={c.getValue()} fallback="Unknown" />,
  }),
  col.accessor('pushTime', {
    meta: { label: 'Pushed', className: 'whitespace-nowrap' },
    sortDescFirst: true,
    cell: (c) => <RelativeTime value={c.getValue()} />,
  }),
])
