import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanTask } from '@contract/scans'
import { buildDemoImages } from '../demo/demo-images'
import { importOsv } from '../engine/advisories/import-osv'
import { startTestApp, testDatabaseUrl, type TestApp } from '../testing/test-app'
import { BUNDLED_ADVISORIES_DIR } from './demo-scans'
import { addRegistryInstance, repoIdOf, startGatedDemoRegistry, waitFor, waitForInstanceScans, waitForStatus } from './testing/scan-helpers'

/**
 * `npm run worker` processes against the same PostgreSQL as the API: a worker killed
 * with SIGKILL mid-scan loses its task to another when the lease expires, and a batch
 * spreads over every process with no task run twice. PGlite serves one process, so
 * this file runs in the PostgreSQL pass only.
 */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const LEASE_SECONDS = 2

interface WorkerProcess {
  child: ChildProcess
  /** The worker-id prefix it logs when ready: `<host>:<pid>:<random>`. */
  name: string
  lines: string[]
  exited: Promise<number | null>
}

async function spawnWorker(t: TestApp, concurrency: number): Promise<WorkerProcess> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-worker-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/worker.ts'], {
    cwd: REPO_ROOT,
    env: {
       
      ...process.env,
      DATABASE_URL: testDatabaseUrl(),
      DATABASE_SCHEMA: t.database.schema,
      DATA_DIR: dataDir,
      SCAN_WORKERS: String(concurrency),
      SCAN_LEASE_SECONDS: String(LEASE_SECONDS),
      SCAN_POLL_MS: '100',
      SCAN_RETRY_BASE_SECONDS: '0.2',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let buffered = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  void exited.then(() => fs.rm(dataDir, { recursive: true, force: true }))
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const parts = buffered.split('\n')
      buffered = parts.pop() ?? ''
      for (const line of parts) {
        lines.push(line)
        try {
          const entry = JSON.parse(line) as { msg?: string; worker?: string }
          if (entry.msg === 'worker ready' && entry.worker) resolve(entry.worker)
        } catch {
          // not a log line
        }
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => lines.push(`stderr: ${chunk.toString('utf8')}`))
    void exited.then((code) => reject(new Error(`worker exited (${code}) before it was ready:\n${lines.join('\n')}`)))
  })
  return { child, name: await ready, lines, exited }
}

const processOf = (workerId: string | null) => workerId?.replace(/#\d+$/, '') ?? null

describe.skipIf(!testDatabaseUrl())('worker processes on PostgreSQL', () => {
  let imagesDir: string
  const children: WorkerProcess[] = []
  beforeAll(async () => {
    imagesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-processes-'))
    await buildDemoImages(imagesDir)
  })
  afterAll(async () => {
    for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL')
    await fs.rm(imagesDir, { recursive: true, force: true })
  })

  it('a worker killed with SIGKILL mid-scan loses its task to another worker, which completes it once', async () => {
    const t = await startTestApp({ scans: { concurrency: 0 } })
    const { gate, url } = await startGatedDemoRegistry(imagesDir)
    try {
      await importOsv(t.db, [BUNDLED_ADVISORIES_DIR])
      const instanceId = await addRegistryInstance(t, 'registry', url)
      const doomed = await spawnWorker(t, 1)
      children.push(doomed)
      gate.shut()
      const repoId = await repoIdOf(t, instanceId, 'demo/shop-app')
      const id = (await t.call('createRepoTagScanTask', { instanceId, repoId, tag: '1.0.0' })).body.scanTaskId
      const scanning = await waitForStatus(t, id, ['SCANNING'], { where: (s) => s.progress.layersTotal > 0 })
      expect(processOf(scanning.workerId)).toBe(doomed.name)

      doomed.child.kill('SIGKILL')
      expect(await doomed.exited).toBeNull()
      const survivor = await spawnWorker(t, 1)
      children.push(survivor)
      const takenOver = await waitForStatus(t, id, ['SCANNING'], { where: (s) => processOf(s.workerId) === survivor.name, timeoutMs: 20_000 })
      expect(takenOver.attempts).toBe(2)
      gate.open()
      const done = await waitForStatus(t, id, ['COMPLETE'])
      expect(processOf(done.workerId)).toBe(survivor.name)
      const history = await t.db.selectFrom('scan_task_attempts').selectAll().where('task_id', '=', id).orderBy('attempt').execute()
      expect(history.map((a) => [processOf(a.worker_id), a.outcome])).toEqual([
        [doomed.name, 'LOST'],
        [survivor.name, 'COMPLETE'],
      ])
      const rows = await t.db.selectFrom('scan_vulnerabilities').select('id').where('task_id', '=', id).execute()
      expect(rows).toHaveLength(24)
      survivor.child.kill('SIGTERM')
      expect(await survivor.exited).toBe(0)
    } finally {
      await gate.stop()
      await t.close()
    }
  })

  it('the API and two worker processes share a batch of 12 scans: every process gets some, none runs twice', async () => {
    const t = await startTestApp({ scans: { concurrency: 1, leaseMs: LEASE_SECONDS * 1000 } })
    const { gate, url } = await startGatedDemoRegistry(imagesDir)
    try {
      await importOsv(t.db, [BUNDLED_ADVISORIES_DIR])
      // Three instances over the same registry: 3 × 4 images = 12 distinct scans.
      const instances = [await addRegistryInstance(t, 'reg-a', url), await addRegistryInstance(t, 'reg-b', url), await addRegistryInstance(t, 'reg-c', url)]
      const workers = await Promise.all([spawnWorker(t, 2), spawnWorker(t, 2)])
      children.push(...workers)
      gate.shut()
      const ids: string[] = []
      for (const instanceId of instances) {
        for (const name of ['demo/ubuntu-web', 'demo/legacy-api', 'demo/alpine-base', 'demo/shop-app']) {
          const repoId = await repoIdOf(t, instanceId, name)
          const tag = (await t.call('listRepoTag', { instanceId, repoId, sortBy: 'tag' })).body.items[0]!.tag
          const res = await t.call('createRepoTagScanTask', { instanceId, repoId, tag })
          expect(res.body.existing).toBe(false)
          ids.push(res.body.scanTaskId)
        }
      }
      expect(new Set(ids).size).toBe(12)
      // With layer downloads held, every slot (1 in the API, 2 + 2 in the workers) holds one task.
      const holders = await waitFor('five tasks held by five workers', async () => {
        const rows = await t.db.selectFrom('scan_tasks').select('worker_id').where('status', '=', 'SCANNING').execute()
        return rows.length === 5 ? rows.map((r) => r.worker_id) : undefined
      })
      expect(new Set(holders).size).toBe(5)
      expect(new Set(holders.map(processOf))).toEqual(new Set([t.booted.workers.name, ...workers.map((w) => w.name)]))
      gate.open()
      const tasks = (await Promise.all(instances.map((i) => waitForInstanceScans(t, i, { atLeast: 4 })))).flat()
      expect(tasks).toHaveLength(12)
      expect(tasks.every((task: ScanTask) => task.status === 'COMPLETE' && task.attempts === 1)).toBe(true)
      const attempts = await t.db.selectFrom('scan_task_attempts').selectAll().where('task_id', 'in', ids).execute()
      expect(attempts).toHaveLength(12)
      expect(attempts.every((a) => a.outcome === 'COMPLETE')).toBe(true)
      const byProcess = new Map<string, number>()
      for (const a of attempts) byProcess.set(processOf(a.worker_id)!, (byProcess.get(processOf(a.worker_id)!) ?? 0) + 1)
      expect([...byProcess.keys()].sort()).toEqual([t.booted.workers.name, ...workers.map((w) => w.name)].sort())
      // Each task's results were written once: its rows match its counts.
      for (const task of tasks) {
        const n = await t.db.selectFrom('scan_vulnerabilities').select((eb) => eb.fn.countAll<number>().as('n')).where('task_id', '=', task.scanTaskId).executeTakeFirstOrThrow()
        expect(Number(n.n), task.repository).toBe(task.counts?.totalSeverity)
      }
      for (const w of workers) w.child.kill('SIGTERM')
      expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0])
    } finally {
      await gate.stop()
      await t.close()
    }
  })
})
