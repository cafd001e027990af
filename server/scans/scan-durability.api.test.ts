import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDemoImages } from '../demo/demo-images'
import { importOsv } from '../engine/advisories/import-osv'
import { createMemoryLayerCache } from '../engine/layers/layer-cache'
import { createLogger } from '../log'
import { startTestApp, type TestApp } from '../testing/test-app'
import { BUNDLED_ADVISORIES_DIR } from './demo-scans'
import { ScanWorkers } from './scan-workers'
import { addRegistryInstance, repoIdOf, startGatedDemoRegistry, waitFor, waitForStatus } from './testing/scan-helpers'

/**
 * Scans that meet trouble, as one story on one database: a registry answering 503 for a
 * while, one that stays down, a server restarted in the middle of a scan, and one that
 * dies without a word (its lease expires). The demo images are served by the in-process
 * test registry behind a gate that can hold layer downloads (so a scan stops mid-way,
 * its layers counted) or fail every request.
 */
const settings = { concurrency: 1, retryBaseMs: 300, maxAttempts: 4 }
let imagesDir: string
/** The server of the moment: restarts replace it, on the same database. */
let t: TestApp

beforeAll(async () => {
  imagesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-durability-'))
  await buildDemoImages(imagesDir)
  t = await startTestApp({ persistent: true, scans: settings })
  await importOsv(t.db, [BUNDLED_ADVISORIES_DIR])
})
afterAll(async () => {
  await t.close()
  await fs.rm(imagesDir, { recursive: true, force: true })
})

const attemptsOf = (app: TestApp, taskId: string) => app.db.selectFrom('scan_task_attempts').selectAll().where('task_id', '=', taskId).orderBy('attempt').execute()
const vulnerabilityRows = async (app: TestApp, taskId: string) =>
  Number((await app.db.selectFrom('scan_vulnerabilities').select((eb) => eb.fn.countAll<number>().as('n')).where('task_id', '=', taskId).executeTakeFirstOrThrow()).n)

async function queueScan(app: TestApp, instanceId: string, repository = 'demo/shop-app', tag = '1.0.0') {
  const repoId = await repoIdOf(app, instanceId, repository)
  const res = await app.call('createRepoTagScanTask', { instanceId, repoId, tag })
  expect(res.status).toBe(200)
  return res.body.scanTaskId
}

describe('a registry in trouble', () => {
  it('503: the task is RETRYING with the reason, then COMPLETE once the registry recovers', async () => {
    const { gate, url } = await startGatedDemoRegistry(imagesDir)
    const instanceId = await addRegistryInstance(t, 'flaky', url)
    gate.failWith(503)
    try {
      const id = await queueScan(t, instanceId)
      const retrying = await waitForStatus(t, id, ['RETRYING'])
      expect(retrying).toMatchObject({ failureCode: 'UNREACHABLE', attempts: 1 })
      expect(retrying.failureReason).toMatch(/503/)
      expect(retrying.nextRetryTime).toBeGreaterThan(retrying.createTime)
      gate.failWith(null)
      const done = await waitForStatus(t, id, ['COMPLETE'])
      expect(done.failureCode).toBeNull()
      expect(done.counts?.totalSeverity).toBe(24)
      const history = await attemptsOf(t, id)
      expect(history.at(-1)).toMatchObject({ outcome: 'COMPLETE' })
      expect(history.slice(0, -1).every((a) => a.outcome === 'RETRYING' && a.error_code === 'UNREACHABLE')).toBe(true)
      expect(await vulnerabilityRows(t, id)).toBe(24)
    } finally {
      await gate.stop()
    }
  })

  it('a registry that stays down fails the task after maxAttempts, with the reason', async () => {
    const { gate, url } = await startGatedDemoRegistry(imagesDir)
    const instanceId = await addRegistryInstance(t, 'down', url)
    gate.failWith(429)
    try {
      const id = await queueScan(t, instanceId)
      // Whether or not the first attempt already runs, the second is the last.
      await t.db.updateTable('scan_tasks').set({ max_attempts: 2 }).where('id', '=', id).execute()
      const failed = await waitForStatus(t, id, ['FAILED'])
      expect(failed).toMatchObject({ failureCode: 'RATE_LIMITED', attempts: 2, nextRetryTime: null })
      expect(failed.failureReason).toMatch(/rate limited/)
      expect((await attemptsOf(t, id)).map((a) => a.outcome)).toEqual(['RETRYING', 'FAILED'])
    } finally {
      await gate.stop()
    }
  })
})

describe('restarts', () => {
  it('a server stopped mid-scan gives the task back; after boot it completes exactly once', async () => {
    const { gate, url } = await startGatedDemoRegistry(imagesDir)
    try {
      const instanceId = await addRegistryInstance(t, 'restarted', url)
      gate.shut()
      // An image this server has not cached yet, so its layers are downloaded (and held).
      const id = await queueScan(t, instanceId, 'demo/ubuntu-web', '22.04')
      const scanning = await waitForStatus(t, id, ['SCANNING'], { where: (s) => s.progress.layersTotal > 0 })
      expect(scanning.progress).toMatchObject({ layersDone: 0, layersTotal: 5 })
      await waitFor('a layer download held at the gate', () => Promise.resolve(gate.held > 0 ? true : undefined))
      await t.close({ keepDatabase: true })

      t = await startTestApp({ reuse: t.database, scans: settings })
      gate.open()
      const done = await waitForStatus(t, id, ['COMPLETE'])
      expect(done.workerId).not.toBe(scanning.workerId)
      expect(await attemptsOf(t, id)).toMatchObject([
        { attempt: 1, worker_id: scanning.workerId, outcome: 'RELEASED' },
        { attempt: 2, worker_id: done.workerId, outcome: 'COMPLETE' },
      ])
      // The attempt given back on shutdown does not count against the task.
      expect(done).toMatchObject({ attempts: 2, maxAttempts: 5 })
      expect(await vulnerabilityRows(t, id)).toBe(24)
      expect(done.counts?.totalSeverity).toBe(24)
    } finally {
      await gate.stop()
    }
  })

  it('a server that dies mid-scan leaves its lease to expire; the next worker takes the task over and completes it once', async () => {
    const { gate, url } = await startGatedDemoRegistry(imagesDir)
    try {
      const instanceId = await addRegistryInstance(t, 'crashed', url)
      gate.shut()
      const id = await queueScan(t, instanceId)
      const scanning = await waitForStatus(t, id, ['SCANNING'], { where: (s) => s.progress.layersTotal > 0 })
      await t.close({ keepDatabase: true, abandon: true })

      // The next server boots without workers first, to see the task as the crash left it.
      t = await startTestApp({ reuse: t.database, scans: { concurrency: 0 } })
      expect((await t.call('getRepoTagScanStatus', { scanTaskId: id })).body).toMatchObject({ status: 'SCANNING', workerId: scanning.workerId, attempts: 1 })
      const workers = new ScanWorkers(t.db, createLogger('silent'), createMemoryLayerCache(), { concurrency: 1, leaseMs: 1_500, pollMs: 50, retryBaseMs: 200, retryMaxMs: 1_000, name: 'after-crash' })
      workers.start()
      try {
        const takenOver = await waitForStatus(t, id, ['SCANNING'], { where: (s) => s.workerId !== scanning.workerId })
        expect(takenOver).toMatchObject({ attempts: 2, workerId: 'after-crash#0' })
        gate.open()
        const done = await waitForStatus(t, id, ['COMPLETE'])
        expect(await attemptsOf(t, id)).toMatchObject([
          { attempt: 1, worker_id: scanning.workerId, outcome: 'LOST', error_code: 'LEASE_EXPIRED' },
          { attempt: 2, worker_id: done.workerId, outcome: 'COMPLETE' },
        ])
        expect(await vulnerabilityRows(t, id)).toBe(24)
      } finally {
        await workers.stop()
      }
    } finally {
      await gate.stop()
    }
  })
})
