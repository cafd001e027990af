import { useState } from 'react'
import type { LegacyScanRule } from '@contract/scan-rules'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorState } from '@/components/ui/error-state'
import { getTableUIState } from '@/components/ui/table-ui-state'
import { useLegacyScanRules } from '../api/list-legacy-scan-rules'
import { legacyRulesSummary, RULES_UPSTREAM } from '../lib/legacy-rules'
import { legacyScanRuleColumns } from './legacy-scan-rule-columns'

export interface LegacyScanRulesProps {
  instanceId: string
}

const getRowId = (row: LegacyScanRule) => row.scanRuleId

/**
 * The rules saved in Layerscope for an instance before its rules moved upstream (ACR),
 * which no longer run: a notice above the instance's rules with each one to create
 * upstream or delete. Most instances have none, so nothing shows while it loads or when
 * the list is empty. Its page is local state: the URL's page belongs to the rules list.
 */
export function LegacyScanRules({ instanceId }: LegacyScanRulesProps) {
  const [paging, setPaging] = useState({ pageNo: 1, pageSize: 10 })
  const query = useLegacyScanRules({ instanceId, ...paging })
  if (query.error && !query.data) {
    return (
      <ErrorState
        className="rounded-md border border-line py-4"
        error={query.error}
        title="Could not check for rules saved before this instance’s rules moved upstream"
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    )
  }
  const total = query.data?.totalCount ?? 0
  if (total === 0) return null
  const uiState = getTableUIState({ rows: query.data?.items, error: query.error, isFetching: query.isFetching, isFiltered: paging.pageNo > 1 })
  return (
    <section aria-labelledby="legacy-rules-title" className="flex flex-col gap-3 rounded-md border border-warning/40 bg-warning-soft p-4">
      <div className="flex flex-col gap-1">
        <h2 id="legacy-rules-title" className="text-base font-semibold">
          Rules saved in Layerscope
        </h2>
        <p className="text-sm">
          {legacyRulesSummary(total)} They no longer run. Create each in {RULES_UPSTREAM} to keep it, or delete it.{' '}
          {RULES_UPSTREAM} has no advisory rescans, so that setting is not carried over.
        </p>
      </div>
      <DataTable
        caption="Rules saved in Layerscope"
        itemLabel="rules"
        columns={legacyScanRuleColumns}
        uiState={uiState}
        getRowId={getRowId}
        totalCount={total}
        pageNo={paging.pageNo}
        pageSize={paging.pageSize}
        onPageChange={(pageNo) => setPaging((p) => ({ ...p, pageNo }))}
        onPageSizeChange={(pageSize) => setPaging({ pageNo: 1, pageSize })}
        onRetry={() => void query.refetch()}
        errorTitle="Could not load the rules saved in Layerscope"
        emptyState={<EmptyState title="No rules saved in Layerscope" />}
        filteredEmptyState={
          <EmptyState
            title="No rules on this page"
            description="This page is past the last rule."
            action={<Button onClick={() => setPaging((p) => ({ ...p, pageNo: 1 }))}>First page</Button>}
          />
        }
      />
    </section>
  )
}
