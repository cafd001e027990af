import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { ImageReportView, ScanTask } from '@contract/scans'
import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { CopyButton } from '@/components/ui/copy-button'
import { InstanceProviderBadge } from '@/components/ui/instance-provider-badge'
import { PageHeader } from '@/components/ui/page-header'
import { AbsoluteTime } from '@/components/ui/time'
import { formatBytes, formatCount, formatDuration } from '@/lib/format'
import { describeAdvisoryAge } from '../lib/advisory-age'
import { compareScanPath } from '../lib/compare-url-state'
import { scanReportPath } from '../lib/paths'
import { describeTrigger } from '../lib/scan-trigger'
import { scanServiceDisplay } from '../lib/scan-status'
import { ExportMenu } from './export-menu'
import { KeyboardShortcuts } from './keyboard-shortcuts'

export interface ReportHeaderProps {
  report: ImageReportView
  /** The scan task, for who or what started it. */
  task?: ScanTask | undefined
}

/** The report's header: which image (pinned by digest), its platform and OS, when and how it was scanned. */
export function ReportHeader({ report, task }: ReportHeaderProps) {
  const { metadata, scan, advisoryDb } = report
  const age = describeAdvisoryAge(advisoryDb)
  const tagPath = `/instances/${report.instanceId}/repositories/${report.repoId}/tags/${encodeURIComponent(report.tag)}`
  return (
    <PageHeader
      eyebrow="Scan report"
      title={report.name.fullName}
      description={
        <span className="inline-flex flex-wrap items-center gap-x-1">
          Pinned to <code className="text-xs break-all text-fg">{metadata.digest}</code>
          <CopyButton value={metadata.digest} label="Copy image digest" />
          <InstanceProviderBadge instanceId={report.instanceId} className="ml-2" />
        </span>
      }
      actions={
        <>
          <Link to={tagPath} className={buttonClasses({ variant: 'secondary' })}>
            Open tag {report.tag}
          </Link>
          <Link to={compareScanPath(scanReportPath(report.instanceId, report.scanTaskId))} className={buttonClasses({ variant: 'secondary' })} data-print-hidden>
            Compare
          </Link>
          <ExportMenu scanTaskId={report.scanTaskId} vulnerabilities={task?.scanType !== 'SBOM'} />
          {/* With the other actions, so it takes no row of its own above the tabs. */}
          <KeyboardShortcuts />
        </>
      }
    >
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-line bg-surface p-4 sm:grid-cols-3 xl:grid-cols-6">
        <Item term="Platform" value={metadata.platform} />
        <Item term="OS" value={metadata.os?.prettyName ?? (scan.operatingSystem === 'unknown' ? 'Unknown' : scan.operatingSystem)} />
        <Item
          term="Scanned"
          value={
            <span>
              <AbsoluteTime value={scan.scanTime} />
              {task ? <span className="block text-xs text-fg-muted">Started by {describeTrigger(task.trigger)}</span> : null}
            </span>
          }
        />
        <Item
          term="Advisory database"
          value={
            <span className="inline-flex flex-wrap items-center gap-1">
              {age.text}
              {age.stale ? <Badge tone="warning">Stale</Badge> : null}
              <span className="block w-full text-xs text-fg-muted">{formatCount(advisoryDb.recordCount)} advisories</span>
            </span>
          }
        />
        <Item
          term="Service"
          value={<span title={report.scanService}>{task?.scanType === 'SBOM' ? 'SBOM only (package inventory)' : scanServiceDisplay[report.scanService].label}</span>}
        />
        <Item
          term="Image"
          value={
            <span>
              {formatBytes(metadata.size)}, {formatCount(metadata.layers.length)} {metadata.layers.length === 1 ? 'layer' : 'layers'}
              <span className="block text-xs text-fg-muted">
                {formatCount(report.components)} packages · scanned in {formatDuration(scan.durationMs)}
              </span>
            </span>
          }
        />
      </dl>
    </PageHeader>
  )
}

function Item({ term, value }: { term: string; value: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-fg-muted">{term}</dt>
      <dd className="mt-0.5 text-sm break-words text-fg">{value}</dd>
    </div>
  )
}
