import type { ReactNode } from 'react'
import { CopyButton } from '@/components/ui/copy-button'
import { DetailList } from '@/components/ui/detail-list'
import { formatCount, plural } from '@/lib/format'
import type { SbomCount, SbomSummary } from '../lib/sbom-summary'

export interface SbomSummaryPanelProps {
  summary: SbomSummary
}

/** How many licences the card lists before "and N more": the long tail is in the table and the file. */
const LICENCES_SHOWN = 12

/** The SBOM document's identity and what it inventories, counted by type, ecosystem and licence. */
export function SbomSummaryPanel({ summary }: SbomSummaryPanelProps) {
  const licences = summary.licences.slice(0, LICENCES_SHOWN)
  const moreLicences = summary.licences.length - licences.length
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,4fr)]">
      <section aria-labelledby="sbom-document-heading" className="rounded-lg border border-line bg-surface p-4">
        <h3 id="sbom-document-heading" className="mb-3 text-sm font-semibold text-fg">
          Document
        </h3>
        <DetailList
          items={[
            { term: 'Format', value: `CycloneDX ${summary.specVersion} JSON${summary.version !== null ? `, version ${summary.version}` : ''}` },
            {
              term: 'Serial number',
              value: summary.serialNumber ? (
                <span className="inline-flex items-center gap-1">
                  <code className="text-xs break-all">{summary.serialNumber}</code>
                  <CopyButton value={summary.serialNumber} label="Copy serial number" />
                </span>
              ) : (
                'None'
              ),
            },
            { term: 'Made by', value: summary.tools.length ? summary.tools.join(', ') : 'Not stated' },
            { term: 'Components', value: formatCount(summary.componentCount) },
          ]}
        />
      </section>
      <section aria-labelledby="sbom-inventory-heading" className="rounded-lg border border-line bg-surface p-4">
        <h3 id="sbom-inventory-heading" className="mb-3 text-sm font-semibold text-fg">
          Inventory
        </h3>
        <div className="grid gap-4 sm:grid-cols-3">
          <CountList title="By type" counts={summary.byType} />
          <CountList title="By ecosystem (purl type)" counts={summary.byEcosystem} />
          <CountList
            title="Licences"
            counts={licences}
            footer={
              <>
                {moreLicences > 0 ? <span className="block">and {formatCount(moreLicences)} more</span> : null}
                {summary.withoutLicence > 0 ? <span className="block">{formatCount(summary.withoutLicence)} {plural(summary.withoutLicence, 'component declares', 'components declare')} none</span> : null}
              </>
            }
          />
        </div>
      </section>
    </div>
  )
}

function CountList({ title, counts, footer }: { title: string; counts: SbomCount[]; footer?: ReactNode }) {
  return (
    <div className="min-w-0">
      <h4 className="text-xs font-medium text-fg-muted">{title}</h4>
      {counts.length === 0 ? (
        <p className="mt-1 text-sm text-fg-muted">None</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-0.5 text-sm">
          {counts.map((c) => (
            <li key={c.key} className="flex items-baseline justify-between gap-2">
              <span className="min-w-0 break-words">{c.key}</span>
              <span className="text-fg-muted tabular-nums">{formatCount(c.count)}</span>
            </li>
          ))}
        </ul>
      )}
      {footer ? <p className="mt-1 text-xs text-fg-muted">{footer}</p> : null}
    </div>
  )
}
