import type { z } from 'zod'
import { Link, useSearchParams } from 'react-router'
import type { ScanComponentItem } from '@contract/report-overview'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { formatCount, plural } from '@/lib/format'
import { useVulnerabilities } from '../api/list-vulnerabilities'
import { formatCvss } from '../lib/cvss'
import type { vulnerabilityUrlSchema } from '../lib/report-url-state'
import { withGrouping } from '../lib/vulnerability-grouping'
import { groupDetailId } from './grouped-vulnerability-columns'
import { SeverityBadge } from './severity-badge'

export interface GroupFindingsProps {
  scanTaskId: string
  group: ScanComponentItem
  /** The tab's filters and sort: the group lists what its counts counted. */
  filters: z.output<typeof vulnerabilityUrlSchema>
}

/** Advisories write Markdown; two clamped lines read better without its heading marks and link targets. */
const plainSummary = (text: string) => text.replace(/^#+\s*/gm, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')

/** One group is rarely long; the flat list filtered to the package shows any beyond this. */
const GROUP_PAGE_SIZE = 50

/** An expanded package of the grouped view: its findings under the tab's filters, and a way to the flat list of them. */
export function GroupFindings({ scanTaskId, group, filters }: GroupFindingsProps) {
  const query = useVulnerabilities({ ...filters, scanTaskId, componentId: group.componentId, pageNo: 1, pageSize: GROUP_PAGE_SIZE })
  const [params] = useSearchParams()
  const listSearch = withGrouping(params, false)
  listSearch.set('componentId', group.componentId)
  const page = query.data
  const name = `${group.name} ${group.version}`

  let body
  if (query.error && !page) body = <ErrorState error={query.error} title={`Could not load the findings of ${name}`} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  else if (!page) body = <LoadingState label={`Loading the findings of ${name}`} lines={2} />
  else
    body = (
      <table className="w-full text-sm">
        <caption className="sr-only">Findings of {name}</caption>
        <thead>
          <tr className="text-left text-xs text-fg-muted">
            <th scope="col" className="py-1 pr-3 font-medium">CVE</th>
            <th scope="col" className="py-1 pr-3 font-medium">Severity</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">CVSS</th>
            <th scope="col" className="py-1 pr-3 font-medium">Fixed in</th>
            <th scope="col" className="py-1 font-medium">Summary</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((v) => (
            <tr key={v.cveName} className="border-t border-line align-top">
              <th scope="row" className="py-1.5 pr-3 text-left font-medium whitespace-nowrap">
                {v.cveLink ? (
                  <a href={v.cveLink} target="_blank" rel="noreferrer" className="text-accent underline-offset-2 hover:underline">
                    {v.cveName}
                    <span className="sr-only"> (opens in a new tab)</span>
                  </a>
                ) : (
                  v.cveName
                )}
              </th>
              <td className="py-1.5 pr-3">
                <SeverityBadge severity={v.severity} />
              </td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{formatCvss(v.cvssScore)}</td>
              <td className="py-1.5 pr-3 whitespace-nowrap">{v.versionFixed ? <code className="text-xs">{v.versionFixed}</code> : <span className="text-xs text-fg-muted">None yet</span>}</td>
              <td className="py-1.5 text-xs text-fg-muted">
                <span className="line-clamp-2">{plainSummary(v.description)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )

  return (
    <div id={groupDetailId(group)} className="flex flex-col gap-2 rounded-md border border-line bg-surface p-3">
      {body}
      {page ? (
        <p className="text-xs text-fg-muted">
          {page.totalCount > page.items.length ? `${formatCount(page.items.length)} of ${formatCount(page.totalCount)} shown. ` : null}
          <Link to={{ search: `?${listSearch.toString()}` }} className="font-medium text-accent underline-offset-2 hover:underline">
            Open {plural(page.totalCount, 'this finding', `these ${formatCount(page.totalCount)} findings`)} in the list
          </Link>
        </p>
      ) : null}
    </div>
  )
}
