import { SCAN_STATUSES_RUNNING, listScanTaskQuery, scanStatus, type ScanStatus } from '@contract/scans'
import type { SelectOption } from '@/components/ui/select'
import { scanStatusDisplay } from './scan-status'

/** The scan tasks page's URL state: the list operation's query minus the instance in the path. */
export const scanTaskUrlSchema = listScanTaskQuery.omit({ instanceId: true })

/** The status filter's choices: all, every running status at once, or one status. */
export const statusFilterOptions: SelectOption[] = [
  { value: '', label: 'All statuses' },
  { value: 'running', label: 'Running (queued, scanning, retrying)' },
  ...scanStatus.options.map((s) => ({ value: s, label: scanStatusDisplay[s].label })),
]

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x))

/**
 * The select's value for the `status` list in the URL; a combination the select does not
 * offer shows as "all" (the URL still filters, and choosing again replaces it).
 *
 * @example
 * statusFilterValue(['QUEUED', 'SCANNING', 'RETRYING']) // 'running'
 */
export function statusFilterValue(status: readonly ScanStatus[] | undefined): string {
  if (!status?.length) return ''
  if (sameSet(status, SCAN_STATUSES_RUNNING)) return 'running'
  return status.length === 1 ? (status[0] ?? '') : ''
}

/**
 * The `status` list for a select value.
 *
 * @example
 * statusFilterList('running') // ['QUEUED', 'SCANNING', 'RETRYING']
 * statusFilterList('') // undefined
 */
export function statusFilterList(value: string): ScanStatus[] | undefined {
  if (value === 'running') return [...SCAN_STATUSES_RUNNING]
  const parsed = scanStatus.safeParse(value)
  return parsed.success ? [parsed.data] : undefined
}
