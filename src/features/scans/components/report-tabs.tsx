import { useSearchParams } from 'react-router'
import type { ImageReportView, ScanSummary } from '@contract/scans'
import { TabPanel, Tabs } from '@/components/ui/tabs'
import { formatCount } from '@/lib/format'
import { currentReportTab, REPORT_TAB_ID_PREFIX, REPORT_TABS, reportTabLabel, searchForTab, type ReportTab } from '../lib/report-url-state'
import { BaselineTab } from './baseline-tab'
import { ComponentsTab } from './components-tab'
import { FixPlanTab } from './fix-plan-tab'
import { LayersTab } from './layers-tab'
import { MaliciousTab } from './malicious-tab'
import { NotesTab } from './notes-tab'
import { OverviewTab } from './overview/overview-tab'
import { VulnerabilitiesTab } from './vulnerabilities-tab'

export interface ReportTabsProps {
  report: ImageReportView
  summary: ScanSummary | undefined
}

const ID_PREFIX = REPORT_TAB_ID_PREFIX

function tabCount(tab: ReportTab, report: ImageReportView, summary: ScanSummary | undefined): number | null {
  if (tab === 'overview') return null
  if (tab === 'vulnerabilities') return summary?.totalSeverity ?? report.cves
  if (tab === 'components') return summary?.componentCount ?? report.components
  if (tab === 'layers') return report.metadata.layers.length
  if (tab === 'fixes') return null
  if (tab === 'baseline') return summary?.baselineCounts?.total ?? report.baselineCount
  if (tab === 'malicious') return summary?.maliciousCounts?.total ?? report.maliciousFileCount
  return report.scan.notes.length + report.scanNotes.length
}

/**
 * The report's sections as tabs; the tab is `?tab=` (left out for the first), and each
 * tab keeps its own filters in the query string until another tab is chosen.
 */
export function ReportTabs({ report, summary }: ReportTabsProps) {
  const [params, setParams] = useSearchParams()
  const tab = currentReportTab(params)
  const tabs = REPORT_TABS.map((id) => {
    const count = tabCount(id, report, summary)
    return {
      id,
      label: (
        <>
          {reportTabLabel[id]}
          {count !== null ? <span className="rounded-full bg-surface-muted px-1.5 text-xs text-fg-muted tabular-nums">{formatCount(count)}</span> : null}
        </>
      ),
    }
  })
  return (
    <section aria-label="Findings" className="flex flex-col gap-3">
      <Tabs label="Report sections" idPrefix={ID_PREFIX} tabs={tabs} value={tab} onChange={(next) => setParams(searchForTab(params, next))} />
      <TabPanel idPrefix={ID_PREFIX} id={tab}>
        {tab === 'overview' ? <OverviewTab scanTaskId={report.scanTaskId} /> : null}
        {tab === 'vulnerabilities' ? <VulnerabilitiesTab scanTaskId={report.scanTaskId} /> : null}
        {tab === 'fixes' ? <FixPlanTab scanTaskId={report.scanTaskId} /> : null}
        {tab === 'components' ? <ComponentsTab report={report} /> : null}
        {tab === 'layers' ? <LayersTab scanTaskId={report.scanTaskId} /> : null}
        {tab === 'baseline' ? <BaselineTab scanTaskId={report.scanTaskId} /> : null}
        {tab === 'malicious' ? <MaliciousTab scanTaskId={report.scanTaskId} /> : null}
        {tab === 'notes' ? <NotesTab report={report} /> : null}
      </TabPanel>
    </section>
  )
}
