import type { ImageReportView } from '@contract/scans'
import { StatusChip, type Tone } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { imageScanNoteText, sortScanNotes } from '../lib/scan-notes'

export interface NotesTabProps {
  report: ImageReportView
}

const levelTone: Record<string, Tone> = { error: 'danger', warning: 'warning', info: 'info' }

/** What the scan could not cover (StackRox's notes) and what the engine noted on the way. */
export function NotesTab({ report }: NotesTabProps) {
  const imageNotes = report.scan.notes
  const engineNotes = sortScanNotes(report.scanNotes)
  if (imageNotes.length === 0 && engineNotes.length === 0) {
    return (
      <div className="rounded-lg border border-line bg-surface">
        <EmptyState title="No notes" description="The scan read every layer and identified the operating system; nothing limited its coverage." />
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-4">
      {imageNotes.length ? (
        <section aria-labelledby="coverage-notes-heading" className="rounded-lg border border-line bg-surface p-4">
          <h3 id="coverage-notes-heading" className="mb-2 text-sm font-semibold">
            Coverage
          </h3>
          <ul className="flex flex-col gap-2">
            {imageNotes.map((note) => (
              <li key={note} className="text-sm">
                <span className="font-medium">{imageScanNoteText[note].title}</span> <code className="text-xs text-fg-muted">{note}</code>
                <p className="text-fg-muted">{imageScanNoteText[note].text}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {engineNotes.length ? (
        <section aria-labelledby="engine-notes-heading" className="rounded-lg border border-line bg-surface p-4">
          <h3 id="engine-notes-heading" className="mb-2 text-sm font-semibold">
            Scan notes
          </h3>
          <ul className="flex flex-col divide-y divide-line">
            {engineNotes.map((note, index) => (
              <li key={`${note.code}-${index}`} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2 text-sm first:pt-0 last:pb-0">
                <StatusChip tone={levelTone[note.level] ?? 'neutral'} label={note.level} />
                <span className="min-w-0 flex-1">
                  {note.message}
                  <span className="block text-xs text-fg-muted">
                    <code>{note.code}</code>
                    {note.layerIndex !== undefined ? ` · layer ${note.layerIndex}` : ''}
                    {note.path ? (
                      <>
                        {' · '}
                        <code className="break-all">{note.path}</code>
                      </>
                    ) : null}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
