import type { BaselineItem } from '@contract/scans'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { LevelBadge } from './level-badge'

const col = dataTableColumnHelper<BaselineItem>()

export const baselineRowId = (b: BaselineItem, index: number) => `${b.baselineNameKey}|${b.path ?? ''}|${b.layerIndex ?? ''}|${index}`

/** Columns of the baseline risks table (the server orders by level, highest first). */
export const baselineColumns = col.columns([
  col.accessor('baselineNameLevel', {
    meta: { label: 'Level' },
    cell: (c) => <LevelBadge level={c.getValue()} />,
  }),
  col.accessor('baselineNameAlias', {
    meta: { label: 'Check' },
    cell: (c) => (
      <span className="flex flex-col">
        <span className="font-medium">{c.getValue()}</span>
        <code className="text-xs text-fg-muted">{c.row.original.baselineNameKey}</code>
      </span>
    ),
  }),
  col.accessor('baselineClassAlias', { meta: { label: 'Category' } }),
  col.accessor('baselineDetailPrompt', {
    meta: { label: 'Found', className: 'max-w-80' },
    cell: (c) => {
      const b = c.row.original
      return (
        <span className="flex min-w-0 flex-col">
          <span className="text-xs break-words">{c.getValue() || '—'}</span>
          {b.path ? <code className="truncate text-xs text-fg-muted" title={b.path}>{b.path}</code> : null}
        </span>
      )
    },
  }),
  col.accessor('layerIndex', {
    meta: { label: 'Layer', align: 'end' },
    cell: (c) => <span title={c.row.original.layerDigest ?? undefined}>{c.getValue() ?? '—'}</span>,
  }),
  col.accessor('baselineDetailAdvice', {
    meta: { label: 'Advice', className: 'max-w-96' },
    cell: (c) => <span className="text-xs text-fg-muted">{c.getValue()}</span>,
  }),
])
