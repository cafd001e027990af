import type { ScanOverview } from '@contract/report-overview'
import { formatCount, plural } from '@/lib/format'
import { fixHeadline } from '../../lib/overview-charts'
import { severityBuckets } from '../../lib/severity'
import { SeverityBadge } from '../severity-badge'
import { FilterLink } from './filter-link'

export interface FixableComponentsProps {
  fixable: ScanOverview['fixable']
}

/** The upgrades that remove the most critical findings, each linking to the findings it fixes. */
export function FixableComponents({ fixable }: FixableComponentsProps) {
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm font-medium">{fixHeadline(fixable)}.</p>
      {fixable.top.length > 0 ? (
        <table className="w-full text-sm">
          <caption className="sr-only">Top fixable packages</caption>
          <thead className="text-left text-xs text-fg-muted">
            <tr>
              <th scope="col" className="py-1.5 pr-3 font-medium">Package</th>
              <th scope="col" className="py-1.5 pr-3 font-medium">Upgrade</th>
              <th scope="col" className="py-1.5 pr-3 font-medium">Fixes</th>
            </tr>
          </thead>
          <tbody>
            {fixable.top.map((c) => (
              <tr key={c.componentId} className="border-t border-line">
                <td className="py-1.5 pr-3">
                  <span className="font-medium">{c.name}</span>
                  <span className="ml-1.5 text-xs text-fg-muted">{c.format} · layer {c.layerIndex}</span>
                </td>
                <td className="py-1.5 pr-3 whitespace-nowrap">
                  <code className="text-xs">{c.version}</code>
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only"> to </span>
                  <code className="text-xs">{c.fixedBy ?? 'a fixed version'}</code>
                </td>
                <td className="py-1.5 pr-3">
                  <span className="flex flex-wrap items-center gap-1">
                    {severityBuckets(c.counts)
                      .filter((b) => b.count > 0)
                      .map((b) => (
                        <span key={b.severity} className="inline-flex items-center gap-1 text-xs">
                          <SeverityBadge severity={b.severity} />
                          <span className="tabular-nums">×{b.count}</span>
                        </span>
                      ))}
                    <FilterLink
                      bar={{ tab: 'vulnerabilities', filters: { componentId: c.componentId, fixable: true } }}
                      name={`Show ${formatCount(c.counts.totalSeverity)} fixable ${plural(c.counts.totalSeverity, 'finding', 'findings')} of ${c.name} ${c.version}`}
                      className="ml-1 text-xs font-medium text-accent underline-offset-2 hover:underline"
                    >
                      Show {formatCount(c.counts.totalSeverity)}
                    </FilterLink>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {fixable.componentCount > fixable.top.length ? (
        <p className="text-xs text-fg-muted">
          {formatCount(fixable.componentCount - fixable.top.length)} more {plural(fixable.componentCount - fixable.top.length, 'package has', 'packages have')} a fix;{' '}
          <FilterLink bar={{ tab: 'vulnerabilities', filters: { fixable: true } }} name={`List all ${formatCount(fixable.findingCount)} fixable findings`} className="text-accent underline underline-offset-2">
            list all {formatCount(fixable.findingCount)} fixable findings
          </FilterLink>
          .
        </p>
      ) : null}
    </div>
  )
}
