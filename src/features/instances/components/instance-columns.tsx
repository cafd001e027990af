import type { Instance } from '@contract/instances'
import { Badge } from '@/components/ui/badge'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { ProviderBadge } from '@/components/ui/provider-badge'
import { RowLink } from '@/components/ui/row-link'
import { RelativeTime } from '@/components/ui/time'
import { formatCount } from '@/lib/format'
import { instanceKindLabel } from '../lib/sync-status'
import { InstanceActions } from './instance-actions'
import { SyncStatusChip } from './sync-status-chip'

const col = dataTableColumnHelper<Instance>()

/** Columns of the instances table (the list API does not sort, so none are sortable). */
export const instanceColumns = col.columns([
  col.accessor('instanceName', {
    meta: { label: 'Name' },
    cell: (c) => <RowLink to={`/instances/${c.row.original.instanceId}`}>{c.getValue()}</RowLink>,
  }),
  col.accessor('provider', {
    meta: { label: 'Provider' },
    cell: (c) => <ProviderBadge provider={c.getValue()} />,
  }),
  col.accessor('kind', {
    meta: { label: 'Kind' },
    cell: (c) => <Badge>{instanceKindLabel[c.getValue()]}</Badge>,
  }),
  col.accessor('endpoint', {
    meta: { label: 'Endpoint', className: 'max-w-72' },
    cell: (c) => (
      <code className="block truncate text-xs text-fg-muted" title={c.getValue()}>
        {c.getValue()}
      </code>
    ),
  }),
  col.accessor('syncStatus', {
    meta: { label: 'Sync status' },
    cell: (c) => <SyncStatusChip instance={c.row.original} showError />,
  }),
  col.accessor('repoCount', {
    meta: { label: 'Repositories', align: 'end' },
    cell: (c) => formatCount(c.getValue()),
  }),
  col.accessor('tagCount', {
    meta: { label: 'Tags', align: 'end' },
    cell: (c) => formatCount(c.getValue()),
  }),
  col.accessor('lastSyncTime', {
    meta: { label: 'Last sync', className: 'whitespace-nowrap' },
    cell: (c) => <RelativeTime value={c.getValue()} fallback="Never" />,
  }),
  col.display({
    id: 'actions',
    meta: { label: 'Actions', align: 'end', className: 'w-px' },
    cell: (c) => <InstanceActions instance={c.row.original} compact />,
  }),
])
