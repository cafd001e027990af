import type { LayerFindings } from '@contract/report-overview'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { formatBytes, formatCount, plural, shortenDigest } from '@/lib/format'
import { severityBuckets } from '../lib/severity'
import { FilterLink } from './overview/filter-link'
import { SeverityBadge } from './severity-badge'

const col = dataTableColumnHelper<LayerFindings>()

export const layerRowId = (l: LayerFindings) => String(l.index)

/** Column ids that sort are the Layers tab's `sortBy` values (index, size, findings, components). */
export const layerColumns = col.columns([
  col.accessor('index', {
    meta: { label: 'Layer', align: 'end' },
    cell: (c) => c.getValue(),
  }),
  col.accessor('instruction', {
    meta: { label: 'Instruction', className: 'min-w-72' },
    enableSorting: false,
    cell: (c) => {
      const l = c.row.original
      return (
        <span className="flex flex-col gap-0.5">
          <span>
            {l.instruction ? <span className="mr-1.5 rounded bg-surface-muted px-1 text-xs font-semibold">{l.instruction}</span> : null}
            <code className="text-xs break-all">{l.value ?? l.createdBy ?? 'No history entry'}</code>
          </span>
          <code className="text-xs text-fg-muted">{shortenDigest(l.digest)}</code>
        </span>
      )
    },
  }),
  col.accessor('size', {
    meta: { label: 'Size', align: 'end', className: 'whitespace-nowrap' },
    sortDescFirst: true,
    cell: (c) => formatBytes(c.getValue()),
  }),
  col.accessor((l) => l.counts.totalSeverity, {
    id: 'findings',
    meta: { label: 'Vulnerabilities' },
    sortDescFirst: true,
    cell: (c) => {
      const l = c.row.original
      const n = l.counts.totalSeverity
      if (n === 0) return <span className="text-xs text-fg-muted">None</span>
      return (
        <span className="flex flex-wrap items-center gap-1">
          {severityBuckets(l.counts)
            .filter((b) => b.count > 0)
            .map((b) => (
              <span key={b.severity} className="inline-flex items-center gap-1 text-xs">
                <SeverityBadge severity={b.severity} />
                <span className="tabular-nums">×{b.count}</span>
              </span>
            ))}
          <FilterLink
            bar={{ tab: 'vulnerabilities', filters: { layerIndex: l.index } }}
            name={`Show ${formatCount(n)} ${plural(n, 'vulnerability', 'vulnerabilities')} of layer ${l.index}`}
            className="ml-1 text-xs font-medium text-accent underline-offset-2 hover:underline"
          >
            Show {formatCount(n)}
          </FilterLink>
        </span>
      )
    },
  }),
  col.accessor('componentCount', {
    id: 'components',
    meta: { label: 'Packages', align: 'end' },
    sortDescFirst: true,
    cell: (c) => {
      const l = c.row.original
      if (l.componentCount === 0) return <span className="text-fg-muted">0</span>
      return (
        <FilterLink
          bar={{ tab: 'components', filters: { layerIndex: l.index } }}
          name={`${formatCount(l.componentCount)} ${plural(l.componentCount, 'package', 'packages')} added by layer ${l.index}`}
          className="font-medium text-accent tabular-nums underline-offset-2 hover:underline"
        >
          {formatCount(l.componentCount)}
        </FilterLink>
      )
    },
  }),
])
