import type { ScanComponentItem } from '@contract/report-overview'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { formatCount, plural } from '@/lib/format'
import { severityBuckets } from '../lib/severity'
import { FilterLink } from './overview/filter-link'
import { SeverityBadge } from './severity-badge'

const col = dataTableColumnHelper<ScanComponentItem>()

export const componentRowId = (c: ScanComponentItem) => c.componentId

/** Column ids that sort are listScanComponent's `sortBy` values (name, layer, severity, findings). */
export const componentColumns = col.columns([
  col.accessor('name', {
    meta: { label: 'Package' },
    cell: (c) => {
      const p = c.row.original
      return (
        <span className="flex flex-col">
          <span className="font-medium">{p.group ? `${p.group}:${p.name}` : p.name}</span>
          <span className="text-xs break-all text-fg-muted">{p.purl}</span>
        </span>
      )
    },
  }),
  col.accessor('version', {
    meta: { label: 'Version', className: 'whitespace-nowrap' },
    enableSorting: false,
    cell: (c) => <code className="text-xs">{c.getValue()}</code>,
  }),
  col.accessor('source', {
    meta: { label: 'Type', className: 'whitespace-nowrap' },
    enableSorting: false,
    cell: (c) => (
      <span className="text-xs">
        {c.getValue()} · {c.row.original.format}
      </span>
    ),
  }),
  col.accessor('layerIndex', {
    id: 'layer',
    meta: { label: 'Layer', align: 'end' },
    cell: (c) => c.getValue(),
  }),
  col.accessor('location', {
    meta: { label: 'Path', className: 'min-w-40 max-w-64' },
    enableSorting: false,
    cell: (c) => <code className="text-xs break-all">{c.getValue()}</code>,
  }),
  col.accessor('licenses', {
    meta: { label: 'Licence', className: 'max-w-40' },
    enableSorting: false,
    cell: (c) => (c.getValue().length ? <span className="text-xs break-words">{c.getValue().join(', ')}</span> : <span className="text-xs text-fg-muted">Unknown</span>),
  }),
  // Sorted by the server on every bucket, worst first; the accessor only makes the header a sort button.
  col.accessor((p) => p.counts.criticalSeverity, {
    id: 'severity',
    meta: { label: 'Vulnerabilities' },
    sortDescFirst: true,
    cell: (c) => {
      const buckets = severityBuckets(c.row.original.counts).filter((b) => b.count > 0)
      if (buckets.length === 0) return <span className="text-xs text-fg-muted">None</span>
      return (
        <span className="flex flex-wrap gap-1">
          {buckets.map((b) => (
            <span key={b.severity} className="inline-flex items-center gap-1 text-xs">
              <SeverityBadge severity={b.severity} />
              <span className="tabular-nums">×{b.count}</span>
            </span>
          ))}
        </span>
      )
    },
  }),
  col.accessor((p) => p.counts.totalSeverity, {
    id: 'findings',
    meta: { label: 'Total', align: 'end' },
    sortDescFirst: true,
    cell: (c) => {
      const p = c.row.original
      const n = p.counts.totalSeverity
      if (n === 0) return <span className="text-fg-muted">0</span>
      return (
        <FilterLink
          bar={{ tab: 'vulnerabilities', filters: { componentId: p.componentId } }}
          name={`${formatCount(n)} ${plural(n, 'vulnerability', 'vulnerabilities')} of ${p.name} ${p.version}`}
          className="font-medium text-accent tabular-nums underline-offset-2 hover:underline"
        >
          {formatCount(n)}
        </FilterLink>
      )
    },
  }),
  col.accessor('fixedBy', {
    meta: { label: 'Fixed by', className: 'whitespace-nowrap' },
    enableSorting: false,
    cell: (c) => {
      const p = c.row.original
      if (c.getValue()) return <code className="text-xs">{c.getValue()}</code>
      return <span className="text-xs text-fg-muted">{p.counts.totalSeverity > 0 ? 'No fix yet' : '—'}</span>
    },
  }),
])
