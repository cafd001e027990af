import type { ScanRule } from '@contract/scan-rules'
import { Button } from '@/components/ui/button'
import { RefreshIcon } from '@/components/ui/icons'
import { usePermitted } from '@/hooks/use-permitted'
import { useRunScanRule } from '../api/run-scan-rule'
import { describeRun } from '../lib/run-result'

export interface RunScanRuleButtonProps {
  rule: Pick<ScanRule, 'instanceId' | 'scanRuleId' | 'ruleName' | 'scanType'>
  /** After a run: refresh what shows the queued scans. */
  onRan?: (() => Promise<unknown> | void) | undefined
}

/**
 * "Run now": queues a scan of every tag the rule matches and says how many were queued
 * in a status region beside the button. SBOM rules cannot run yet, and say so.
 */
export function RunScanRuleButton({ rule, onRan }: RunScanRuleButtonProps) {
  const run = useRunScanRule(onRan)
  const runnable = rule.scanType === 'VUL'
  const permitted = usePermitted('runScanRule')
  return (
    <div className="flex items-center gap-2">
      <p role="status" className="text-sm text-fg-muted">
        {run.data ? describeRun(run.data) : runnable ? '' : 'SBOM rules cannot be run yet.'}
      </p>
      <Button variant="primary" onClick={() => run.mutate(rule)} disabled={!runnable || run.isPending || !permitted.allowed} title={permitted.reason ?? undefined}>
        <RefreshIcon className={run.isPending ? 'size-3.5 animate-spin' : 'size-3.5'} />
        {run.isPending ? 'Running…' : 'Run now'}
        {permitted.reason ? <span className="sr-only">{` (${permitted.reason})`}</span> : null}
      </Button>
    </div>
  )
}
