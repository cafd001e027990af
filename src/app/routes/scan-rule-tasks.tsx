import { z } from 'zod'
import { pageQuery } from '@contract/common'
import type { ScanTask, ScanTriggerKind } from '@contract/scans'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { EmptyState } from '@/components/ui/empty-state'
import { PagedDataTable } from '@/components/ui/paged-data-table'
import { useScanTasks } from '@/features/scans/api/list-scan-tasks'
import { scanTaskColumns } from '@/features/scans/components/scan-task-columns'
import { scanListPollInterval } from '@/features/scans/lib/scan-status'
import { useUrlState } from '@/hooks/use-url-state'

export interface ScanRuleTasksProps {
  instanceId: string
  scanRuleId: string
}

// The rule page's own URL keys: only the task list pages (it has no filters, and the
// server lists tasks newest first without a sort choice), so its page survives a reload.
const taskPageSchema = z.object({
  pageNo: pageQuery.shape.pageNo,
  pageSize: pageQuery.shape.pageSize.default(10),
})
const getRowId = (row: ScanTask) => row.scanTaskId

/** How a rule starts a scan, in the words of the rule page. */
const triggerLabel: Record<ScanTriggerKind, string> = {
  USER: 'By hand',
  RULE: 'Run now',
  PUSH: 'Push',
  POLL: 'Poll',
  ADVISORY_UPDATE: 'Advisory update',
  DEMO: 'Demo',
}
const col = dataTableColumnHelper<ScanTask>()
// The scan tasks table plus what started each task: a rule starts scans in several ways.
const columns = [
  ...scanTaskColumns.slice(0, 1),
  col.accessor('trigger', {
    id: 'trigger',
    meta: { label: 'Started by', className: 'whitespace-nowrap' },
    cell: (c) => {
      const { kind, actor } = c.getValue()
      return actor ? `${triggerLabel[kind]} (${actor})` : triggerLabel[kind]
    },
  }),
  ...scanTaskColumns.slice(1),
]

/** The scan tasks a rule started (run now, push, poll or advisory rescans), newest first; live while any runs. */
export function ScanRuleTasks({ instanceId, scanRuleId }: ScanRuleTasksProps) {
  const urlState = useUrlState(taskPageSchema)
  const { state } = urlState
  const query = useScanTasks({ instanceId, scanRuleId, pageNo: state.pageNo, pageSize: state.pageSize })
  const live = scanListPollInterval(query.data?.items.map((t) => t.status)) !== false
  return (
    <section aria-labelledby="rule-tasks-title" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="rule-tasks-title" className="text-base font-semibold">
          Scans started by this rule
        </h2>
        <p className="text-fg-muted text-xs" aria-live="polite">
          {live ? 'Scans are running: this list refreshes by itself.' : ''}
        </p>
      </div>
      <PagedDataTable
        caption="Scans started by this rule"
        itemLabel="scan tasks"
        columns={columns}
        getRowId={getRowId}
        query={query}
        urlState={urlState}
        errorTitle="Could not load the rule's scans"
        emptyState={
          <EmptyState
            title="No scans yet"
            description="Run the rule, or push a matching tag to an On push rule, and its scans appear here."
          />
        }
        // Only a page past the last can be empty while the rule has scans: the way back is page 1.
        filteredEmpty={{ title: 'No scans on this page', description: 'This page is past the last scan.', clearLabel: 'First page' }}
      />
    </section>
  )
}
