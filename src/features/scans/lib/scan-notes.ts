import type { ImageScanNote } from '@contract/scans'
import type { ScanNote } from '@contract/findings'

/** What each of StackRox's image scan notes means for the report's reader. */
export const imageScanNoteText: Record<ImageScanNote, { title: string; text: string }> = {
  OS_UNAVAILABLE: { title: 'Operating system not identified', text: 'No os-release file was found, so OS packages could not be matched to a distribution’s advisories.' },
  PARTIAL_SCAN_DATA: { title: 'Partial scan', text: 'Some layers or files could not be read; the findings cover what was read.' },
  OS_CVES_UNAVAILABLE: { title: 'No OS advisories', text: 'The advisory database has no records for this operating system: OS packages were not matched.' },
  OS_CVES_STALE: { title: 'OS advisories out of date', text: 'This operating system release is past its end of life or its advisories are old.' },
  LANGUAGE_CVES_UNAVAILABLE: { title: 'No language advisories', text: 'Application dependencies were found, but the advisory database has no records for their ecosystem.' },
}

const levelOrder: Record<ScanNote['level'], number> = { error: 0, warning: 1, info: 2 }

/**
 * The engine's notes, most serious first and otherwise in the order they were written.
 *
 * @example
 * sortScanNotes([{ level: 'info', … }, { level: 'error', … }])[0].level // 'error'
 */
export function sortScanNotes(notes: readonly ScanNote[]): ScanNote[] {
  return notes
    .map((note, index) => ({ note, index }))
    .sort((a, b) => levelOrder[a.note.level] - levelOrder[b.note.level] || a.index - b.index)
    .map((x) => x.note)
}
