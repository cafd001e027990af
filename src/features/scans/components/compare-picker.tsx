import { Select, type SelectOption } from '@/components/ui/select'
import { shortenDigest } from '@/lib/format'
import { useCompareCandidates } from '../api/list-compare-candidates'

export interface ComparePickerProps {
  instanceId: string
  repoId: string
  /** The scan's own digest: comparing it with itself says nothing. */
  digest: string
  value: string
  onChange: (choice: string) => void
}

/** Picks the other scan: a tag of the repository (its current image) or a digest the repository had scanned. */
export function ComparePicker({ instanceId, repoId, digest, value, onChange }: ComparePickerProps) {
  const candidates = useCompareCandidates({ instanceId, repoId }).data
  const options: SelectOption[] = [
    { value: '', label: candidates ? 'Choose a tag or digest…' : 'Loading tags and scans…' },
    ...(candidates?.tags.map((tag) => ({ value: `tag:${tag}`, label: `Tag ${tag} (its newest scan)` })) ?? []),
    ...(candidates?.digests.filter((d) => d.digest !== digest).map((d) => ({ value: `digest:${d.digest}`, label: `Digest ${shortenDigest(d.digest)} (scanned as ${d.tag})` })) ?? []),
  ]
  // A choice from the URL that the lists do not hold (a scan of another repository) still shows.
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value.replace(/^task:/, 'Scan task ') })
  return <Select label="Compare with" options={options} value={value} onChange={(e) => onChange(e.target.value)} fieldClassName="w-96 max-w-full" />
}
