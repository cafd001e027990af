import type { FixPlanUpgrade } from '@contract/fix-plan'
import { Badge } from '@/components/ui/badge'
import { CopyButton } from '@/components/ui/copy-button'
import { formatCount } from '@/lib/format'
import { SeverityBadge } from './severity-badge'

export interface FixPlanTableProps {
  upgrades: FixPlanUpgrade[]
  totalFindings: number
}

const th = 'px-3 py-2 text-left text-xs font-medium text-fg-muted'

/** The upgrades in plan order: what to run, what it closes, and what is still open after it. */
export function FixPlanTable({ upgrades, totalFindings }: FixPlanTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Upgrades, most risk removed first</caption>
        <thead className="border-b border-line">
          <tr>
            <th scope="col" className={th}>
              #
            </th>
            <th scope="col" className={th}>
              Package
            </th>
            <th scope="col" className={th}>
              Command
            </th>
            <th scope="col" className={th}>
              Closes
            </th>
            <th scope="col" className={`${th} text-right`}>
              Risk removed
            </th>
            <th scope="col" className={`${th} text-right`}>
              Open after
            </th>
          </tr>
        </thead>
        <tbody>
          {upgrades.map((u, i) => (
            <tr key={u.componentId} className="border-b border-line align-top last:border-0">
              <td className="px-3 py-2 text-fg-muted tabular-nums">{i + 1}</td>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <span className="font-medium">{u.name}</span>
                <span className="block text-xs text-fg-muted">
                  <code>{u.installedVersion}</code> → <code>{u.targetVersion}</code>
                </span>
                <span className="mt-1 flex flex-wrap gap-1">
                  <Badge>{u.manager}</Badge>
                  {u.inBaseImage ? <Badge tone="info">base image</Badge> : null}
                </span>
              </th>
              <td className="max-w-80 px-3 py-2">
                <span className="flex min-w-0 items-start gap-0.5">
                  <code className="text-xs [overflow-wrap:anywhere]">{u.command}</code>
                  <CopyButton value={u.command} label={`Copy the upgrade command for ${u.name}`} />
                </span>
              </td>
              <td className="px-3 py-2">
                <ul className="flex flex-col gap-1" aria-label={`Findings closed by upgrading ${u.name}`}>
                  {u.closes.map((f) => (
                    <li key={f.cveName} className="flex items-center gap-2 whitespace-nowrap">
                      <SeverityBadge severity={f.severity} />
                      <span className="text-xs">{f.cveName}</span>
                    </li>
                  ))}
                </ul>
                {u.remainsInPackage.length > 0 ? (
                  <p className="mt-1 text-xs text-fg-muted">Still open in {u.name}: {u.remainsInPackage.map((f) => f.cveName).join(', ')} (no fix yet)</p>
                ) : null}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{u.riskRemoved.toFixed(1)}</td>
              <td className="px-3 py-2 text-right tabular-nums" title={`${formatCount(u.remainingAfter)} of ${formatCount(totalFindings)} findings open after upgrades 1–${i + 1}`}>
                {formatCount(u.remainingAfter)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
