import type { ScanRule } from '@contract/scan-rules'
import { Badge } from '@/components/ui/badge'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { RowLink } from '@/components/ui/row-link'
import { RelativeTime } from '@/components/ui/time'
import { scanRulePath } from '../lib/paths'
import { scanTypeDisplay, scopeDisplay, triggerDisplay } from '../lib/rule-display'
import { RuleSelectors } from './rule-selectors'

const col = dataTableColumnHelper<ScanRule>()

/** Columns of the scan rules table; the list is newest first and not sortable. */
export const scanRuleColumns = col.columns([
  col.accessor('ruleName', {
    meta: { label: 'Name' },
    cell: (c) => <RowLink to={scanRulePath(c.row.original.instanceId, c.row.original.scanRuleId)}>{c.getValue()}</RowLink>,
  }),
  col.accessor('scanScope', {
    meta: { label: 'Scope', className: 'max-w-80' },
    cell: (c) => (
      <span className="flex flex-col gap-1">
        <span>{scopeDisplay[c.getValue()].label}</span>
        <RuleSelectors rule={c.row.original} compact />
      </span>
    ),
  }),
  col.accessor('repoTagFilterPattern', {
    meta: { label: 'Tag pattern' },
    cell: (c) => <code className="text-xs break-all">{c.getValue()}</code>,
  }),
  col.accessor('triggerType', {
    meta: { label: 'Trigger', className: 'whitespace-nowrap' },
    cell: (c) => triggerDisplay[c.getValue()].label,
  }),
  col.accessor('scanType', {
    meta: { label: 'Scan type', className: 'whitespace-nowrap' },
    cell: (c) => <Badge tone={c.getValue() === 'VUL' ? 'info' : 'neutral'}>{scanTypeDisplay[c.getValue()].label}</Badge>,
  }),
  col.accessor('updateTime', {
    meta: { label: 'Updated', className: 'whitespace-nowrap' },
    cell: (c) => <RelativeTime value={c.getValue()} />,
  }),
])
