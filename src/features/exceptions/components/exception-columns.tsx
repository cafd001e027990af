import type { VulnException } from '@contract/exceptions'
import { Badge, type Tone } from '@/components/ui/badge'
import { dataTableColumnHelper, type DataTableColumnDef } from '@/components/ui/data-table-features'
import { AbsoluteTime } from '@/components/ui/time'

const col = dataTableColumnHelper<VulnException>()

const statusTone: Record<VulnException['status'], Tone> = { PENDING: 'info', APPROVED: 'success', DENIED: 'danger', WITHDRAWN: 'neutral', EXPIRED: 'warning' }
const scopeLabel: Record<VulnException['scope'], string> = { DIGEST: 'This image', REPOSITORY: 'Repository', COMPONENT: 'Every image with the package' }
const expiryLabel: Record<NonNullable<VulnException['expiry']>, string> = {
  TWO_WEEKS: '2 weeks',
  THIRTY_DAYS: '30 days',
  NINETY_DAYS: '90 days',
  UNTIL_FIXED: 'Until a fix is available',
  DATE: 'Until a date',
}

export interface SelectionProps {
  selected: ReadonlySet<string>
  onToggle: (exceptionId: string, on: boolean) => void
}

const scopeTarget = (e: VulnException) => (e.scope === 'DIGEST' ? `${e.repository ?? ''}@${(e.digest ?? '').slice(7, 19)}` : e.scope === 'REPOSITORY' ? (e.repository ?? '') : 'all repositories')

/**
 * Columns of the exceptions list. With `selected` (approvers only), the first selects
 * pending rows for a bulk decision; others get no checkbox they could not use.
 */
export function exceptionColumns(selection: SelectionProps | null): DataTableColumnDef<VulnException>[] {
  const columns = col.columns([
    col.display({
      id: 'select',
      meta: { label: 'Select' },
      cell: (c) => {
        const e = c.row.original
        if (e.status !== 'PENDING' || !selection) return null
        const { selected, onToggle } = selection
        return (
          <input
            type="checkbox"
            className="size-4"
            aria-label={`Select ${e.cveName} in ${e.feature} ${e.version}`}
            checked={selected.has(e.exceptionId)}
            onChange={(event) => onToggle(e.exceptionId, event.target.checked)}
          />
        )
      },
    }),
    col.accessor('cveName', {
      meta: { label: 'Finding' },
      cell: (c) => (
        <span className="flex flex-col">
          <span className="font-medium">{c.getValue()}</span>
          <span className="text-xs text-fg-muted">
            {c.row.original.feature} {c.row.original.version}
          </span>
        </span>
      ),
    }),
    col.accessor('kind', {
      meta: { label: 'Exception' },
      cell: (c) => (
        <span className="flex flex-col gap-0.5">
          <span>{c.getValue() === 'FALSE_POSITIVE' ? 'False positive' : 'Deferral'}</span>
          {c.row.original.expiry ? <span className="text-xs text-fg-muted">{expiryLabel[c.row.original.expiry]}</span> : null}
        </span>
      ),
    }),
    col.accessor('scope', {
      meta: { label: 'Scope' },
      cell: (c) => (
        <span className="flex flex-col gap-0.5">
          <span>{scopeLabel[c.row.original.scope]}</span>
          <code className="text-xs break-all text-fg-muted">{scopeTarget(c.row.original)}</code>
        </span>
      ),
    }),
    col.accessor('reason', {
      meta: { label: 'Reason', className: 'max-w-80' },
      cell: (c) => (
        <span className="flex flex-col gap-0.5">
          <span className="break-words">{c.getValue()}</span>
          <code className="text-xs text-fg-muted">{c.row.original.justification}</code>
        </span>
      ),
    }),
    col.accessor('requestedBy', {
      meta: { label: 'Requested', className: 'whitespace-nowrap' },
      cell: (c) => (
        <span className="flex flex-col">
          <span>{c.row.original.requestedBy.name}</span>
          <AbsoluteTime value={c.row.original.requestTime} className="text-xs text-fg-muted" />
        </span>
      ),
    }),
    col.accessor('status', {
      meta: { label: 'Status' },
      cell: (c) => {
        const e = c.row.original
        return (
          <span className="flex flex-col gap-0.5">
            <Badge tone={statusTone[e.status]}>{e.status.toLowerCase()}</Badge>
            {e.decidedBy ? <span className="text-xs text-fg-muted">by {e.decidedBy.name}</span> : null}
            {/* Sign-in off lets the one local operator approve their own request (ADR 0007): say so, it is no second review. */}
            {e.selfApproval ? <span className="text-xs text-fg-muted">self-approved while sign-in was off</span> : null}
            {e.expiresAt !== null ? (
              <span className="text-xs text-fg-muted">
                ends <AbsoluteTime value={e.expiresAt} />
              </span>
            ) : null}
          </span>
        )
      },
    }),
  ])
  return selection ? columns : columns.slice(1)
}
