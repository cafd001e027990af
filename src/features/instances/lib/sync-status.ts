import type { Instance, SyncStatus } from '@contract/instances'
import type { Tone } from '@/components/ui/badge'

/** How often to ask again while an index is being built. */
export const SYNC_POLL_MS = 2_000

/** True while the server is still building the instance's index. */
export function isSyncBusy(instance: Pick<Instance, 'syncStatus'>): boolean {
  return instance.syncStatus === 'PENDING' || instance.syncStatus === 'SYNCING'
}

/**
 * The refetch interval for data holding instances: poll only while some sync runs.
 *
 * @example
 * refetchInterval: (query) => syncPollInterval(query.state.data?.items)
 */
export function syncPollInterval(instances: ReadonlyArray<Pick<Instance, 'syncStatus'>> | undefined): number | false {
  return instances?.some(isSyncBusy) ? SYNC_POLL_MS : false
}

export const syncStatusDisplay: Record<SyncStatus, { label: string; tone: Tone; busy: boolean }> = {
  PENDING: { label: 'Pending', tone: 'neutral', busy: false },
  SYNCING: { label: 'Syncing', tone: 'info', busy: true },
  READY: { label: 'Ready', tone: 'success', busy: false },
  FAILED: { label: 'Failed', tone: 'danger', busy: false },
}

export const instanceKindLabel: Record<Instance['kind'], string> = {
  REGISTRY: 'Registry',
  DIRECTORY: 'Directory',
  ACR: 'Alibaba Cloud ACR',
  STACKROX: 'StackRox Central',
}
