import { setTimeout as sleep } from 'node:timers/promises'
import type { Db } from '../../db/database'
import { ApiError } from '../../errors'
import { findingKey, findingStatesByKey } from '../../exceptions/finding-states'
import { getImageReport } from '../../scans/scan-results'
import type { ScanTaskService } from '../../scans/scan-service'
import { getTaskRow, resolveTask } from '../../scans/scan-store'
import { parseImageName } from './image-name'
import { resolveImage, type ResolvedImage } from './resolve-image'
import { StackRoxError } from './stackrox-errors'
import type { ScanImageRequest, StorageImage } from '../../providers/stackrox/storage-image-model'
import { toStorageImage } from './to-storage-image'

export interface ScanImageDeps {
  db: Db
  scans: ScanTaskService
  /** How long a request waits for a scan it queued before answering DEADLINE_EXCEEDED. */
  scanTimeoutMs: number
  /** How often the task is looked at while waiting (workers may run in other processes). */
  pollMs: number
}

/** A scan this request queued (force, or no COMPLETE scan yet), for the audit log. */
export interface QueuedScan {
  input: { instanceId: string; repoId: string; tag: string; digest: string; imageName: string; force: boolean }
  output: { scanTaskId: string }
}

/** The newest COMPLETE scan of the image, or undefined when there is none to answer from. */
async function completedScan(db: Db, image: ResolvedImage): Promise<string | undefined> {
  try {
    const task = await resolveTask(db, { instanceId: image.instanceId, repoId: image.repoId, tag: image.tag, digest: image.digest }, 'complete')
    return task.id
  } catch (err) {
    // Never scanned, still running, or the last attempt failed: a scan is queued instead.
    if (err instanceof ApiError && (err.code === 'SCAN_NOT_FOUND' || err.code === 'SCAN_NOT_COMPLETE' || err.code === 'SCAN_FAILED')) return undefined
    throw err
  }
}

async function waitForTask(deps: ScanImageDeps, scanTaskId: string, signal: AbortSignal | undefined): Promise<void> {
  const deadline = Date.now() + deps.scanTimeoutMs
  for (;;) {
    const task = await getTaskRow(deps.db, scanTaskId)
    if (task.status === 'COMPLETE') return
    if (task.status === 'FAILED') {
      throw new StackRoxError('INTERNAL', `image scan failed (scan task ${scanTaskId}): ${task.error_message ?? task.error_code ?? 'unknown error'}`)
    }
    if (Date.now() >= deadline) {
      throw new StackRoxError(
        'DEADLINE_EXCEEDED',
        `image scan did not finish within ${Math.round(deps.scanTimeoutMs / 1000)}s (scan task ${scanTaskId} is ${task.status}); it keeps running: ask again without force for its result`,
      )
    }
    try {
      await sleep(deps.pollMs, undefined, signal ? { signal } : {})
    } catch {
      // The client has gone; stop polling (the scan itself goes on).
      throw new StackRoxError('UNAVAILABLE', 'the request was cancelled while the scan ran')
    }
  }
}

/**
 * StackRox's ScanImage over the local scans: the newest COMPLETE scan of the image the
 * name resolves to, or, with `force` or when there is none, a new scan (ACR_SCAN_SERVICE,
 * vulnerabilities: what the image model carries) awaited up to the timeout. A scan of
 * the same image already running is joined rather than duplicated.
 */
export async function scanImage(
  deps: ScanImageDeps,
  req: ScanImageRequest,
  signal?: AbortSignal,
  onQueued?: (scan: QueuedScan) => Promise<void>,
): Promise<StorageImage> {
  // Delegated scanning through a secured cluster has no counterpart here; saying so beats ignoring it.
  if (req.cluster) throw new StackRoxError('INVALID_ARGUMENT', 'cluster: delegated scanning through secured clusters is not supported; leave cluster empty')
  const image = await resolveImage(deps.db, parseImageName(req.imageName))
  let scanTaskId = req.force ? undefined : await completedScan(deps.db, image)
  if (!scanTaskId) {
    const queued = await deps.scans.create({
      instanceId: image.instanceId,
      repoId: image.repoId,
      tag: image.tag,
      digest: image.digest,
      scanService: 'ACR_SCAN_SERVICE',
      trigger: { kind: 'USER', scanRuleId: null, actor: null, detail: `StackRox ScanImage${req.force ? ' (force)' : ''}` },
    })
    // Audited once queued: the scan runs on even if the wait below times out.
    await onQueued?.({
      input: { instanceId: image.instanceId, repoId: image.repoId, tag: image.tag, digest: image.digest, imageName: req.imageName, force: req.force },
      output: { scanTaskId: queued.scanTaskId },
    })
    await waitForTask(deps, queued.scanTaskId, signal)
    scanTaskId = queued.scanTaskId
  }
  const view = await getImageReport(deps.db, scanTaskId)
  // Each vulnerability's state from our approved exceptions, as listRepoTagScanResult sets it.
  const states = await findingStatesByKey(deps.db, await getTaskRow(deps.db, scanTaskId), new Date())
  return toStorageImage(view, image.requested, {
    stateOf: (cve, componentId) => states.get(findingKey(cve, componentId)),
    includeSnoozed: req.includeSnoozed,
  })
}
