import type { ScanStatus, ScanTask } from '@contract/scans'
import { openDirectorySource } from '../../engine/acquire/directory-source'
import { startTestRegistry, type TestRegistry } from '../../engine/acquire/testing/test-registry'
import type { TestApp } from '../../testing/test-app'
import { layerDigestsOf, startRegistryGate, type RegistryGate } from './registry-gate'

/**
 * Polls until `check` returns a value (not undefined), or fails naming `what` with the
 * last value seen. Tests wait on conditions, never on fixed sleeps.
 *
 * @example
 * const task = await waitFor('task COMPLETE', () => statusIf(t, id, 'COMPLETE'))
 */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, opts: { timeoutMs?: number; intervalMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000)
  let last: Error | undefined
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined) return value
    } catch (err) {
      last = err instanceof Error ? err : new Error(String(err))
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${last.message}` : ''}`)
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 50))
  }
}

export async function taskStatus(t: TestApp, scanTaskId: string): Promise<ScanTask> {
  const res = await t.call('getRepoTagScanStatus', { scanTaskId })
  if (res.status !== 200) throw new Error(`getRepoTagScanStatus ${scanTaskId}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Waits until the task has one of `statuses`; fails early if it ends in another final state. */
export function waitForStatus(t: TestApp, scanTaskId: string, statuses: ScanStatus[], opts: { timeoutMs?: number; where?: (task: ScanTask) => boolean } = {}): Promise<ScanTask> {
  return waitFor(
    `scan task ${scanTaskId} to be ${statuses.join('|')}`,
    async () => {
      const task = await taskStatus(t, scanTaskId)
      if (statuses.includes(task.status) && (opts.where?.(task) ?? true)) return task
      if ((task.status === 'COMPLETE' || task.status === 'FAILED') && !statuses.includes(task.status)) {
        throw new Error(`ended ${task.status}: ${task.failureCode ?? ''} ${task.failureReason ?? ''}`)
      }
      return undefined
    },
    opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs },
  )
}

/** Waits until every task of the instance is COMPLETE or FAILED, and returns them. */
export async function waitForInstanceScans(t: TestApp, instanceId: string, opts: { atLeast?: number; timeoutMs?: number } = {}): Promise<ScanTask[]> {
  return waitFor(
    `scans of ${instanceId} to finish`,
    async () => {
      const res = await t.call('listScanTask', { instanceId, pageSize: 100 })
      const items = res.body.items
      if (items.length < (opts.atLeast ?? 1)) return undefined
      return items.every((i) => i.status === 'COMPLETE' || i.status === 'FAILED') ? items : undefined
    },
    { timeoutMs: opts.timeoutMs ?? 60_000 },
  )
}

export interface GatedRegistry {
  registry: TestRegistry
  gate: RegistryGate
  /** The URL to add as a REGISTRY instance: the gate, in front of the registry. */
  url: string
}

/**
 * The demo images (already written to `imagesDir`) served by the in-process test
 * registry behind a gate. Call inside a test: the registry stops when the test ends.
 */
export async function startGatedDemoRegistry(imagesDir: string): Promise<GatedRegistry> {
  const source = await openDirectorySource(imagesDir)
  let registry: TestRegistry
  try {
    registry = await startTestRegistry({ from: source })
  } finally {
    await source.close()
  }
  const gate = await startRegistryGate(registry.url, layerDigestsOf(registry.store))
  return { registry, gate, url: gate.url }
}

/** Adds a REGISTRY instance for `url` and waits for its index. */
export async function addRegistryInstance(t: TestApp, name: string, url: string): Promise<string> {
  const created = await t.call('createInstance', { kind: 'REGISTRY', instanceName: name, url })
  if (created.status !== 200) throw new Error(`createInstance: ${JSON.stringify(created.body)}`)
  await t.booted.sync.idle()
  return created.body.instanceId
}

/** The repoId of a repository by its full name (`demo/shop-app`). */
export async function repoIdOf(t: TestApp, instanceId: string, fullName: string): Promise<string> {
  const res = await t.call('listRepository', { instanceId, repoName: fullName, pageSize: 100 })
  const repo = res.body.items.find((r) => r.fullName === fullName)
  if (!repo) throw new Error(`no repository ${fullName} in ${instanceId}`)
  return repo.repoId
}
