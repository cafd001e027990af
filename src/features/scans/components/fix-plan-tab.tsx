import type { ScanFixPlan } from '@contract/fix-plan'
import { CopyButton } from '@/components/ui/copy-button'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { formatCount, plural } from '@/lib/format'
import { useScanFixPlan } from '../api/get-scan-fix-plan'
import { FixPlanTable } from './fix-plan-tab-table'

export interface FixPlanTabProps {
  scanTaskId: string
}

/** The fix plan: one upgrade per package, the most risk removed first, and the whole plan as Dockerfile lines. */
export function FixPlanTab({ scanTaskId }: FixPlanTabProps) {
  const query = useScanFixPlan(scanTaskId)
  const plan = query.data
  if (query.error && !plan) return <ErrorState error={query.error} title="Could not load the fix plan" onRetry={() => void query.refetch()} retrying={query.isFetching} />
  if (!plan) return <LoadingState label="Loading the fix plan" lines={5} />
  if (plan.totalFindings === 0) return <EmptyState title="Nothing to fix" description="This scan found no vulnerable package." />
  return (
    <div className="flex flex-col gap-4">
      <PlanSummary plan={plan} />
      {plan.baseImage?.mostFindings ? <BaseImageNote baseImage={plan.baseImage} total={plan.totalFindings} /> : null}
      {plan.upgrades.length > 0 ? (
        <>
          <FixPlanTable upgrades={plan.upgrades} totalFindings={plan.totalFindings} />
          <section aria-labelledby="fix-plan-dockerfile" className="rounded-lg border border-line bg-surface">
            <div className="flex items-center justify-between gap-2 border-b border-line px-4 py-2">
              <h3 id="fix-plan-dockerfile" className="text-sm font-semibold">
                Dockerfile
              </h3>
              <span className="inline-flex items-center gap-1 text-xs text-fg-muted">
                Copy all
                <CopyButton value={plan.dockerfile} label="Copy all upgrades as Dockerfile lines" />
              </span>
            </div>
            {/* Wrapped, not scrolled: every line stays readable without a keyboard-unreachable scroll box. */}
            <pre className="p-4 text-xs leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere]">
              <code>{plan.dockerfile}</code>
            </pre>
          </section>
        </>
      ) : null}
      {plan.unfixable.length > 0 ? (
        <section aria-labelledby="fix-plan-unfixable" className="rounded-lg border border-line bg-surface p-4">
          <h3 id="fix-plan-unfixable" className="text-sm font-semibold">
            No fix yet
          </h3>
          <ul className="mt-2 flex flex-col gap-1 text-sm">
            {plan.unfixable.map((u) => (
              <li key={u.componentId}>
                <span className="font-medium">{u.name}</span> <code className="text-xs">{u.version}</code>:{' '}
                <span className="text-fg-muted">{u.findings.map((f) => f.cveName).join(', ')}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}

function PlanSummary({ plan }: { plan: ScanFixPlan }) {
  const open = plan.totalFindings - plan.fixableFindings
  return (
    <p className="text-sm text-fg">
      {formatCount(plan.upgrades.length)} {plural(plan.upgrades.length, 'upgrade closes', 'upgrades close')} {formatCount(plan.fixableFindings)} of{' '}
      {formatCount(plan.totalFindings)} {plural(plan.totalFindings, 'finding', 'findings')}
      {open > 0 ? `; ${formatCount(open)} ${plural(open, 'has', 'have')} no fix yet.` : '.'}
    </p>
  )
}

function BaseImageNote({ baseImage, total }: { baseImage: NonNullable<ScanFixPlan['baseImage']>; total: number }) {
  const layers = baseImage.lastLayerIndex === 0 ? 'layer 0' : `layers 0–${baseImage.lastLayerIndex}`
  return (
    <div role="note" className="rounded-lg border border-warning/30 bg-warning-soft px-4 py-3 text-sm text-fg">
      <p className="font-semibold">Most findings come from the base image</p>
      <p className="mt-1">
        {formatCount(baseImage.findings)} of {formatCount(total)} findings are in packages of the base image ({layers}, judged from the layers’ build
        history). Rebuilding on a newer base image fixes them at the source; the upgrades below patch them on top.
      </p>
    </div>
  )
}
