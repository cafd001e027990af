import { SCAN_STATUSES_RUNNING, type ScanService, type ScanStatus, type ScanTask } from '@contract/scans'
import type { Tone } from '@/components/ui/badge'

type ScanProgress = ScanTask['progress']

/** How often a running scan is asked about: scans of small images finish within a second or two. */
export const SCAN_POLL_MS = 1_000
/** Lists holding running tasks refresh more gently. */
export const SCAN_LIST_POLL_MS = 2_000

/** True while a worker still has to (or may again) work on the task. */
export function isScanRunning(status: ScanStatus): boolean {
  return SCAN_STATUSES_RUNNING.includes(status)
}

/**
 * The refetch interval of a list holding scans: poll only while one of them runs.
 *
 * @example
 * refetchInterval: (query) => scanListPollInterval(query.state.data?.items.map((t) => t.status))
 */
export function scanListPollInterval(statuses: ReadonlyArray<ScanStatus | undefined> | undefined): number | false {
  return statuses?.some((s) => s !== undefined && isScanRunning(s)) ? SCAN_LIST_POLL_MS : false
}

export const scanStatusDisplay: Record<ScanStatus, { label: string; tone: Tone; busy: boolean }> = {
  QUEUED: { label: 'Queued', tone: 'neutral', busy: false },
  SCANNING: { label: 'Scanning', tone: 'info', busy: true },
  RETRYING: { label: 'Retrying', tone: 'warning', busy: false },
  COMPLETE: { label: 'Complete', tone: 'success', busy: false },
  FAILED: { label: 'Failed', tone: 'danger', busy: false },
}

export const scanServiceDisplay: Record<ScanService, { label: string; short: string; description: string }> = {
  ACR_SCAN_SERVICE: {
    label: 'Vulnerabilities',
    short: 'Vulnerabilities',
    description: 'OS packages and application dependencies matched against the advisory database.',
  },
  SAS_SCAN_SERVICE: {
    label: 'Vulnerabilities, baseline and malicious files',
    short: 'Full (baseline + malware)',
    description: 'Everything above, plus configuration (baseline) checks and a search for malicious files.',
  },
}

/**
 * Layers done out of the total, as a whole percentage; null while the total is unknown
 * (the worker has not read the manifest yet).
 *
 * @example
 * progressPercent({ layersDone: 3, layersTotal: 4 }) // 75
 * progressPercent({ layersDone: 0, layersTotal: 0 }) // null
 */
export function progressPercent(progress: ScanProgress): number | null {
  if (progress.layersTotal <= 0) return null
  return Math.min(100, Math.round((progress.layersDone / progress.layersTotal) * 100))
}

/**
 * The progress in words: "3 of 4 layers", or what is happening before layers are counted.
 *
 * @example
 * progressLabel('SCANNING', { layersDone: 3, layersTotal: 4 }) // '3 of 4 layers'
 */
export function progressLabel(status: ScanStatus, progress: ScanProgress): string {
  if (progress.layersTotal > 0) return `${progress.layersDone} of ${progress.layersTotal} ${progress.layersTotal === 1 ? 'layer' : 'layers'}`
  if (status === 'QUEUED') return 'Waiting for a worker'
  if (status === 'RETRYING') return 'Waiting to retry'
  if (status === 'SCANNING') return 'Reading the manifest'
  return '—'
}

/**
 * How long a task ran (or has been running), in milliseconds; null before it started.
 *
 * @example
 * taskDurationMs({ startTime: 1000, finishTime: 4000 }, 9000) // 3000
 */
export function taskDurationMs(task: { startTime: number | null; finishTime: number | null }, now: number): number | null {
  if (task.startTime === null) return null
  return Math.max(0, (task.finishTime ?? now) - task.startTime)
}
