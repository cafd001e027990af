import type { ComparedVulnerability, ScanComparison } from '@contract/compare'
import { formatCount } from '@/lib/format'
import { formatCvss } from '../lib/cvss'
import { SeverityBadge } from './severity-badge'

export interface CompareResultsProps {
  comparison: ScanComparison
}

const SECTIONS = [
  { key: 'added', title: 'New', description: 'In this scan, not in the other.' },
  { key: 'fixed', title: 'Fixed', description: 'In the other scan, no longer in this one.' },
  { key: 'unchanged', title: 'Unchanged', description: 'In both scans.' },
] as const

const th = 'px-3 py-2 text-left text-xs font-medium text-fg-muted'

/** New, fixed and unchanged vulnerabilities, each a table of CVE, severity, package and the versions on both sides. */
export function CompareResults({ comparison }: CompareResultsProps) {
  return (
    <div className="flex flex-col gap-5">
      {SECTIONS.map((s) => {
        const list = comparison[s.key]
        const headingId = `compare-${s.key}`
        return (
          <section key={s.key} aria-labelledby={headingId} className="flex flex-col gap-2">
            <h2 id={headingId} className="text-base font-semibold">
              {s.title} <span className="text-sm font-normal text-fg-muted tabular-nums">({formatCount(list.length)})</span>
            </h2>
            <p className="text-sm text-fg-muted">{s.description}</p>
            {list.length === 0 ? <p className="rounded-lg border border-line bg-surface px-4 py-3 text-sm text-fg-muted">None.</p> : <CompareTable caption={`${s.title} vulnerabilities`} rows={list} />}
          </section>
        )
      })}
    </div>
  )
}

function CompareTable({ caption, rows }: { caption: string; rows: ComparedVulnerability[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line">
          <tr>
            {['CVE', 'Severity', 'CVSS', 'Package', 'This scan', 'Other scan', 'Fixed in'].map((h) => (
              <th key={h} scope="col" className={h === 'CVSS' ? `${th} text-right` : th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={`${v.cveName}|${v.feature}`} className="border-b border-line last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                {v.cveName}
              </th>
              <td className="px-3 py-2">
                <SeverityBadge severity={v.severity} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatCvss(v.cvssScore)}</td>
              <td className="px-3 py-2">{v.feature}</td>
              <td className="px-3 py-2">{v.version ? <code className="text-xs">{v.version}</code> : <span className="text-xs text-fg-muted">—</span>}</td>
              <td className="px-3 py-2">{v.baseVersion ? <code className="text-xs">{v.baseVersion}</code> : <span className="text-xs text-fg-muted">—</span>}</td>
              <td className="px-3 py-2">{v.versionFixed ? <code className="text-xs">{v.versionFixed}</code> : <span className="text-xs text-fg-muted">No fix yet</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
