import { useSearchParams } from 'react-router'
import type { ImageReportView, ScanSummary, ScanTaskType } from '@contract/scans'
import { TabPanel, Tabs } from '@/components/ui/tabs'
import { formatCount } from '@/lib/format'
import { reportTabFor, searchForReportTab, unavailableReason } from '../lib/report-tab-availability'
import { REPORT_TAB_ID_PREFIX, REPORT_TABS, reportTabLabel, type ReportTab } from '../lib/report-url-state'
import { BaselineTab } from './baseline-tab'
import { ComponentsTab } from './components-tab'
import { FixPlanTab } from './fix-plan-tab'
import { LayersTab } from './layers-tab'
import { MaliciousTab } from './malicious-tab'
import { NotesTab } from './notes-tab'
import { OverviewTab } from './overview/overview-tab'
import { SbomTab } from './sbom-tab'
import { UnavailableTab } from './unavailable-tab'
import { VulnerabilitiesTab } from './vulnerabilities-tab'

export interface ReportTabsProps {
  report: ImageReportView
  summary: ScanSummary | undefined
  /** An SBOM scan opens on its SBOM, and its vulnerability tabs say why they are empty. */
  scanType: ScanTaskType
}

const ID_PREFIX = REPORT_TAB_ID_PREFIX

function tabCount(tab: ReportTab, report: ImageReportView, summary: ScanSummary | undefined): number | null {
  if (tab === 'overview') return null
  if (tab === 'vulnerabilities') return summary?.totalSeverity ?? report.cves
  if (tab === 'components' || tab === 'sbom') return summary?.componentCount ?? report.components
  if (tab === 'layers') return report.metadata.layers.length
  if (tab === 'fixes') return null
  if (tab === 'baseline') return summary?.baselineCounts?.total ?? report.baselineCount
  if (tab === 'malicious') return summary?.maliciousCounts?.total ?? report.maliciousFileCount
  return report.scan.notes.length + report.scanNotes.length
}

/**
 * The report's sections as tabs; the tab is `?tab=` (left out for the scan's default), and each
 * tab keeps its own filters in the query string until another tab is chosen.
 */
export function ReportTabs({ report, summary, scanType }: ReportTabsProps) {
  const [params, setParams] = useSearchParams()
  const tab = reportTabFor(params, scanType)
  const unavailable = unavailableReason(tab, scanType)
  const tabs = REPORT_TABS.map((id) => {
    const count = unavailableReason(id, scanType) === null ? tabCount(id, report, summary) : null
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
      {/* Nine tabs are wider than a narrow window: they wrap onto a second row, so every tab, the
          selected one included, stays in view without a sideways scrollbar. */}
      <Tabs
        label="Report sections"
        idPrefix={ID_PREFIX}
        tabs={tabs}
        value={tab}
        onChange={(next) => setParams(searchForReportTab(params, next, scanType))}
        className="flex-wrap"
      />
      <TabPanel idPrefix={ID_PREFIX} id={tab}>
        {unavailable !== null ? <UnavailableTab title={`No ${reportTabLabel[tab].toLowerCase()} in an SBOM scan`} reason={unavailable} /> : null}
        {tab === 'overview' && unavailable === null ? <OverviewTab scanTaskId={report.scanTaskId} /> : null}
        {tab === 'vulnerabilities' && unavailable === null ? <VulnerabilitiesTab scanTaskId={report.scanTaskId} /> : null}
        {tab === 'fixes' && unavailable === null ? <FixPlanTab scanTaskId={report.scanTaskId} /> : null}
        {tab === 'components' ? <ComponentsTab report={report} /> : null}
        {tab === 'sbom' ? <SbomTab scanTaskId={report.scanTaskId} scanType={scanType} /> : null}
        {tab === 'layers' ? <LayersTab scanTaskId={report.scanTaskId} /> : null}
        {tab === 'baseline' && unavailable === null ? <BaselineTab scanTaskId={report.scanTaskId} /> : null}
        {tab === 'malicious' && unavailable === null ? <MaliciousTab scanTaskId={report.scanTaskId} /> : null}
        {tab === 'notes' ? <NotesTab report={report} /> : null}
      </TabPanel>
    </section>
  )
}
