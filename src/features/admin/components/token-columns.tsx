import type { ApiToken } from '@contract/auth'
import { Badge } from '@/components/ui/badge'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { AbsoluteTime, RelativeTime } from '@/components/ui/time'
import { RevokeTokenButton } from './revoke-token-button'

const col = dataTableColumnHelper<ApiToken>()

/** Columns of the tokens table (the list API does not sort). */
export const tokenColumns = col.columns([
  col.accessor('name', { meta: { label: 'Name' }, cell: (c) => <span className="font-medium">{c.getValue()}</span> }),
  col.accessor('role', { meta: { label: 'Role' }, cell: (c) => <Badge tone={c.getValue() === 'admin' ? 'warning' : 'neutral'}>{c.getValue()}</Badge> }),
  col.accessor('tokenId', { meta: { label: 'ID' }, cell: (c) => <code className="text-xs text-fg-muted">{c.getValue()}</code> }),
  col.accessor('createdBy', { meta: { label: 'Created by' } }),
  col.accessor('createTime', { meta: { label: 'Created', className: 'whitespace-nowrap' }, cell: (c) => <AbsoluteTime value={c.getValue()} /> }),
  col.accessor('lastUsedTime', { meta: { label: 'Last used', className: 'whitespace-nowrap' }, cell: (c) => <RelativeTime value={c.getValue()} fallback="Never" /> }),
  col.accessor('expireTime', { meta: { label: 'Expires', className: 'whitespace-nowrap' }, cell: (c) => <AbsoluteTime value={c.getValue()} fallback="Never" /> }),
  col.display({
    id: 'actions',
    meta: { label: 'Actions', align: 'end', className: 'w-px' },
    cell: (c) => (c.row.original.revoked ? <Badge tone="danger">Revoked</Badge> : <RevokeTokenButton token={c.row.original} />),
  }),
])
