import type { AuditEvent } from '@contract/audit'
import { Badge } from '@/components/ui/badge'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { AbsoluteTime } from '@/components/ui/time'
import { describeAction, detailLines } from '../lib/describe-action'

const col = dataTableColumnHelper<AuditEvent>()

const viaLabel: Record<AuditEvent['actorVia'], string> = {
  loopback: 'local',
  session: 'signed in',
  token: 'API token',
  proxy: 'portal',
  cli: 'command line',
  acr: 'ACR endpoint',
  stackrox: 'StackRox endpoint',
  webhook: 'registry webhook',
}

/** Columns of the audit log (newest first; the API does not sort otherwise). */
export const auditColumns = col.columns([
  col.accessor('time', { meta: { label: 'Time', className: 'whitespace-nowrap' }, cell: (c) => <AbsoluteTime value={c.getValue()} /> }),
  col.accessor('actor', {
    meta: { label: 'Who' },
    cell: (c) => (
      <span className="flex flex-wrap items-center gap-1.5">
        <span className="font-medium">{c.getValue()}</span>
        <Badge>{viaLabel[c.row.original.actorVia]}</Badge>
      </span>
    ),
  }),
  col.accessor('action', {
    meta: { label: 'Action' },
    cell: (c) => (
      <span title={c.getValue()}>
        {describeAction(c.getValue())} <code className="sr-only">{c.getValue()}</code>
      </span>
    ),
  }),
  col.accessor('target', { meta: { label: 'Target', className: 'max-w-96' }, cell: (c) => <code className="block text-xs break-all text-fg-muted">{c.getValue() || '—'}</code> }),
  col.display({
    id: 'details',
    meta: { label: 'Details' },
    cell: (c) => {
      const lines = detailLines(c.row.original.details)
      if (lines.length === 0) return <span className="text-fg-muted">—</span>
      return (
        <details className="text-xs">
          <summary className="cursor-pointer text-fg-muted">{lines.length} fields</summary>
          <pre className="mt-1 max-w-96 whitespace-pre-wrap break-all">{lines.join('\n')}</pre>
          {c.row.original.requestId ? <p className="mt-1 text-fg-muted">Request {c.row.original.requestId}</p> : null}
        </details>
      )
    },
  }),
])
