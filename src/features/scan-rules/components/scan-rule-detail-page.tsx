import { useState, type ReactNode } from 'react'
import { Link, useNavigate } from 'react-router'
import type { ScanRule } from '@contract/scan-rules'
import { Button, buttonClasses } from '@/components/ui/button'
import { DetailList } from '@/components/ui/detail-list'
import { TrashIcon } from '@/components/ui/icons'
import { PageHeader } from '@/components/ui/page-header'
import { AbsoluteTime } from '@/components/ui/time'
import { usePermitted } from '@/hooks/use-permitted'
import { editScanRulePath, scanRulesPath } from '../lib/paths'
import { scanTypeDisplay, scopeDisplay, triggerDisplay } from '../lib/rule-display'
import { DeleteScanRuleDialog } from './delete-scan-rule-dialog'
import { RulePreviewPanel } from './rule-preview-panel'
import { RuleSelectors } from './rule-selectors'
import { RunScanRuleButton } from './run-scan-rule-button'
import { ScanRuleLoader } from './scan-rule-loader'
import { useLivePreview } from './use-live-preview'

export interface ScanRuleDetailPageProps {
  instanceId: string
  scanRuleId: string
  /** What the rule started (the scans feature's task list), composed by the route. */
  children?: (rule: ScanRule) => ReactNode
  /** After "Run now": refresh the views of the scans it queued. */
  onRan?: () => Promise<unknown> | void
}

/** `/instances/:instanceId/rules/:scanRuleId`: the rule, what it matches now, Run now, Edit and Delete. */
export function ScanRuleDetailPage({ instanceId, scanRuleId, children, onRan }: ScanRuleDetailPageProps) {
  return (
    <ScanRuleLoader instanceId={instanceId} scanRuleId={scanRuleId}>
      {(rule) => (
        <div className="flex flex-col gap-4">
          <ScanRuleDetail rule={rule} onRan={onRan} />
          {children?.(rule)}
        </div>
      )}
    </ScanRuleLoader>
  )
}

function ScanRuleDetail({ rule, onRan }: { rule: ScanRule; onRan?: (() => Promise<unknown> | void) | undefined }) {
  const navigate = useNavigate()
  const [confirming, setConfirming] = useState(false)
  const canEdit = usePermitted('updateScanRule')
  const canDelete = usePermitted('deleteScanRule')
  const preview = useLivePreview(
    { instanceId: rule.instanceId, scanScope: rule.scanScope, namespaces: rule.namespaces, repoNames: rule.repoNames, repoTagFilterPattern: rule.repoTagFilterPattern },
    0,
  )
  const items = [
    { term: 'Scope', value: scopeDisplay[rule.scanScope].label },
    ...(rule.scanScope === 'INSTANCE' ? [] : [{ term: rule.scanScope === 'REPO' ? 'Repositories' : 'Namespaces', value: <RuleSelectors rule={rule} /> }]),
    { term: 'Tag pattern', value: <code className="break-all">{rule.repoTagFilterPattern}</code> },
    {
      term: 'Trigger',
      value: (
        <>
          {triggerDisplay[rule.triggerType].label} <span className="text-fg-muted">({triggerDisplay[rule.triggerType].hint})</span>
        </>
      ),
    },
    { term: 'Scan type', value: scanTypeDisplay[rule.scanType].label },
    { term: 'Rescan on advisory updates', value: rule.rescanOnAdvisoryUpdate ? 'Yes' : 'No' },
    { term: 'Created', value: <AbsoluteTime value={rule.createTime} /> },
    { term: 'Updated', value: <AbsoluteTime value={rule.updateTime} /> },
  ]
  return (
    <>
      <PageHeader
        eyebrow="Scan rule"
        title={rule.ruleName}
        actions={
          <>
            <RunScanRuleButton rule={rule} onRan={onRan} />
            {canEdit.allowed ? (
              <Link to={editScanRulePath(rule.instanceId, rule.scanRuleId)} className={buttonClasses()}>
                Edit
              </Link>
            ) : (
              <Button disabled title={canEdit.reason ?? undefined}>
                Edit<span className="sr-only">{` (${canEdit.reason ?? ''})`}</span>
              </Button>
            )}
            <Button onClick={() => setConfirming(true)} className="text-danger" disabled={!canDelete.allowed} title={canDelete.reason ?? undefined}>
              <TrashIcon className="size-3.5" />
              Delete
              {canDelete.reason ? <span className="sr-only">{` (${canDelete.reason})`}</span> : null}
            </Button>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <section aria-label="Rule" className="rounded-lg border border-line bg-surface p-4">
          <DetailList items={items} />
        </section>
        <RulePreviewPanel preview={preview} className="self-start" />
      </div>
      <DeleteScanRuleDialog
        rule={rule}
        open={confirming}
        onClose={() => setConfirming(false)}
        onDeleted={() => void navigate(scanRulesPath(rule.instanceId))}
      />
    </>
  )
}
