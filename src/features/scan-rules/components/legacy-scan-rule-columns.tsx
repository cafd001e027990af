import type { LegacyScanRule } from '@contract/scan-rules'
import { Badge } from '@/components/ui/badge'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { scanTypeDisplay, scopeDisplay, triggerDisplay } from '../lib/rule-display'
import { LegacyRuleActions } from './legacy-rule-actions'
import { RuleSelectors } from './rule-selectors'

const col = dataTableColumnHelper<LegacyScanRule>()

/** Columns of the legacy rules table: what the rule did, and what can be done with it. */
export const legacyScanRuleColumns = col.columns([
  col.accessor('ruleName', {
    meta: { label: 'Name' },
    cell: (c) => <span className="font-medium">{c.getValue()}</span>,
  }),
  col.accessor('scanScope', {
    meta: { label: 'Scope', className: 'max-w-80' },
    cell: (c) => (
      <span className="flex flex-col gap-1">
        <span>{scopeDisplay[c.getValue()].label}</span>
        {/* The index is not asked about a legacy rule's names: none is flagged as unknown. */}
        <RuleSelectors rule={{ ...c.row.original, unknownNamespaces: [], unknownRepos: [] }} compact />
        <code className="text-xs break-all">{c.row.original.repoTagFilterPattern}</code>
      </span>
    ),
  }),
  col.accessor('triggerType', {
    meta: { label: 'Trigger', className: 'whitespace-nowrap' },
    cell: (c) => triggerDisplay[c.getValue()].label,
  }),
  col.accessor('scanType', {
    meta: { label: 'Scan type', className: 'whitespace-nowrap' },
    cell: (c) => <Badge tone={c.getValue() === 'VUL' ? 'info' : 'neutral'}>{scanTypeDisplay[c.getValue()].label}</Badge>,
  }),
  col.display({
    id: 'actions',
    meta: { label: 'Actions', align: 'end' },
    cell: (c) => <LegacyRuleActions rule={c.row.original} />,
  }),
])
