import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BaselineFinding, ImageReport, MaliciousFile } from '@contract/findings'
import { buildDemoImages } from '../demo/demo-images'
import { importOsv } from '../engine/advisories/import-osv'
import { createMemoryLayerCache } from '../engine/layers/layer-cache'
import { sampleReport } from '../engine/report/testing/sample-report'
import { createLogger } from '../log'
import { startTestApp, type TestApp } from '../testing/test-app'
import { BUNDLED_ADVISORIES_DIR } from './demo-scans'
import { claimTask, completeTask, endAttempt, heartbeat } from './scan-queue'
import { repoIdOf, waitForStatus } from './testing/scan-helpers'
import { ScanWorkers } from './scan-workers'

/**
 * The queue itself: tasks wait QUEUED until a worker claims them, one unfinished task per
 * image, claims held by leases and every write fenced by the claim, results written all
 * or nothing. The app runs no workers of its own here; each test starts what it needs.
 */
let t: TestApp
let instanceId: string
const repos: Record<string, string> = {}

beforeAll(async () => {
  t = await startTestApp({ scans: { concurrency: 0 } })
  await importOsv(t.db, [BUNDLED_ADVISORIES_DIR])
  const imagesDir = path.join(t.dataDir, 'images')
  await buildDemoImages(imagesDir)
  instanceId = (await t.call('createInstance', { kind: 'DIRECTORY', instanceName: 'images', path: imagesDir })).body.instanceId
  await t.booted.sync.idle()
  for (const name of ['demo/ubuntu-web', 'demo/legacy-api', 'demo/alpine-base', 'demo/shop-app']) repos[name] = await repoIdOf(t, instanceId, name)
})
afterAll(() => t.close())

const image = (name: string, tag: string) => ({ instanceId, repoId: repos[name], tag })

function workers(name: string, concurrency = 2) {
  const w = new ScanWorkers(t.db, createLogger('silent'), createMemoryLayerCache(), { concurrency, leaseMs: 3_000, pollMs: 50, retryBaseMs: 200, retryMaxMs: 1_000, name })
  w.start()
  return w
}

async function create(input: Record<string, unknown>): Promise<{ scanTaskId: string; existing: boolean }> {
  const res = await t.call('createRepoTagScanTask', input)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

const attemptsOf = (taskId: string) => t.db.selectFrom('scan_task_attempts').selectAll().where('task_id', '=', taskId).orderBy('attempt').execute()
const rowCount = async (table: 'scan_vulnerabilities' | 'scan_components' | 'scan_reports' | 'scan_baseline' | 'scan_malicious', taskId: string) =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('task_id', '=', taskId).executeTakeFirstOrThrow()).n)

describe('queued tasks', () => {
  it('stay QUEUED until a worker claims them, and their results answer 409 meanwhile', async () => {
    const { scanTaskId, existing } = await create({ ...image('demo/shop-app', '1.0.0'), scanService: 'SAS_SCAN_SERVICE' })
    expect(existing).toBe(false)
    const status = await t.call('getRepoTagScanStatus', { scanTaskId })
    expect(status.body).toMatchObject({
      status: 'QUEUED',
      attempts: 0,
      maxAttempts: 5,
      progress: { layersDone: 0, layersTotal: 0 },
      startTime: null,
      finishTime: null,
      failureCode: null,
      workerId: null,
      counts: null,
      platform: null,
    })
    for (const [op, input] of [
      ['getRepoTagScanSummary', { scanTaskId }],
      ['listRepoTagScanResult', { scanTaskId }],
      ['listScanBaselineByTask', image('demo/shop-app', '1.0.0')],
      ['getImageReport', { scanTaskId }],
    ] as const) {
      const res = await t.call(op, input)
      expect(res.status, op).toBe(409)
      expect(res.body.code, op).toBe('SCAN_NOT_COMPLETE')
    }
  })

  it('give back the unfinished task of the same image instead of queueing a second', async () => {
    const first = await create({ ...image('demo/shop-app', '1.0.0'), scanService: 'SAS_SCAN_SERVICE' })
    expect(first.existing).toBe(true)
    // `latest` points to the same digest: the same image, the same task.
    const latest = await create({ ...image('demo/shop-app', 'latest'), scanService: 'SAS_SCAN_SERVICE' })
    expect(latest.scanTaskId).toBe(first.scanTaskId)
    const acr = await create(image('demo/shop-app', '1.0.0'))
    expect(acr.existing).toBe(false)
    expect(acr.scanTaskId).not.toBe(first.scanTaskId)
    const arm = await create({ ...image('demo/ubuntu-web', '22.04'), platform: 'linux/arm64' })
    const amd = await create(image('demo/ubuntu-web', '22.04'))
    expect(arm.scanTaskId).not.toBe(amd.scanTaskId)
  })

  it('are created once when requests race', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => create(image('demo/legacy-api', '2.3.1'))))
    expect(new Set(results.map((r) => r.scanTaskId)).size).toBe(1)
    expect(results.filter((r) => !r.existing).length).toBe(1)
    const rows = await t.db.selectFrom('scan_tasks').select('id').where('repo_id', '=', repos['demo/legacy-api']!).execute()
    expect(rows).toHaveLength(1)
  })

  it('are scanned by workers, each once, with one attempt in their history', async () => {
    const queued = (await t.call('listScanTask', { instanceId, status: 'QUEUED', pageSize: 100 })).body.items
    expect(queued.length).toBe(5)
    const w = workers('pool-a')
    try {
      for (const task of queued) {
        const done = await waitForStatus(t, task.scanTaskId, ['COMPLETE'])
        expect(done.attempts).toBe(1)
        expect(done.workerId).toMatch(/^pool-a#[01]$/)
        expect(await attemptsOf(task.scanTaskId)).toMatchObject([{ attempt: 1, worker_id: done.workerId, outcome: 'COMPLETE' }])
        expect(await rowCount('scan_vulnerabilities', task.scanTaskId)).toBe(done.counts?.totalSeverity)
      }
      const arm = queued.find((q) => q.platform === 'linux/arm64')
      const report = await t.call('getImageReport', { scanTaskId: arm?.scanTaskId })
      expect(report.body.metadata.platform).toBe('linux/arm64')
    } finally {
      await w.stop()
    }
  })

  it('can be queued again once the image’s last scan finished', async () => {
    const again = await create({ ...image('demo/shop-app', '1.0.0'), scanService: 'SAS_SCAN_SERVICE' })
    expect(again.existing).toBe(false)
    // Results by tag keep answering from the finished scan while the new one waits.
    const list = await t.call('listRepoTagScanResult', { ...image('demo/shop-app', '1.0.0'), pageSize: 1 })
    expect(list.status).toBe(200)
    expect(list.body.scanTaskId).not.toBe(again.scanTaskId)
    const status = await t.call('getRepoTagScanStatus', image('demo/shop-app', '1.0.0'))
    expect(status.body).toMatchObject({ scanTaskId: again.scanTaskId, status: 'QUEUED' })
    await t.db.deleteFrom('scan_tasks').where('id', '=', again.scanTaskId).execute()
  })
})

/** sampleReport() with baseline risks and malicious files, as the coming analyzers will add them. */
function reportWithFindings(): ImageReport {
  const layer = { layerIndex: 1, layerDigest: `sha256:${'1'.repeat(64)}` }
  const b = (checkId: string, level: BaselineFinding['level'], p: string): BaselineFinding => ({
    checkId,
    category: 'Credentials',
    title: `${checkId} check`,
    level,
    description: `${checkId} failed`,
    evidence: `${p}: AKIA****`,
    path: p,
    remediation: 'Remove it from the image.',
    ...layer,
  })
  const m = (filePath: string, level: MaliciousFile['level']): MaliciousFile => ({
    filePath,
    ...layer,
    type: 'test-file',
    maliciousName: 'Eicar-Test-Signature',
    signature: 'Eicar-Test-Signature',
    engine: 'hash',
    md5: '44d88612fea8a8f36de82e1278abb02f',
    sha256: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
    size: 68,
    level,
  })
  return {
    ...sampleReport(),
    baseline: [b('ak_leak', 'High', '/app/.env'), b('ak_leak', 'High', '/root/.aws/credentials'), b('ak_leak', 'High', '/srv/config.yml'), b('non_pwd_user', 'Medium', '/etc/shadow'), b('non_pwd_user', 'Medium', '/etc/shadow-'), b('duplicate_uid', 'Low', '/etc/passwd')],
    maliciousFiles: [m('/tmp/eicar.com', 'serious'), m('/opt/miner', 'suspicious'), { ...m('/var/www/shell.php', 'remind'), deletedInLayer: 2 }],
  }
}

describe('leases and fencing', () => {
  it('a claim whose lease expired is taken over; the old worker can then write nothing', async () => {
    const { scanTaskId } = await create({ ...image('demo/alpine-base', '3.18'), scanService: 'SAS_SCAN_SERVICE' })
    const first = await claimTask(t.db, 'old-worker', 400)
    expect(first?.task.id).toBe(scanTaskId)
    expect(await claimTask(t.db, 'bystander', 60_000)).toBeUndefined() // held, and nothing else is ready
    await new Promise((r) => setTimeout(r, 450))
    const second = await claimTask(t.db, 'new-worker', 60_000)
    expect(second).toMatchObject({ task: { id: scanTaskId, attempts: 2, worker_id: 'new-worker' }, takenOverFrom: 'old-worker' })
    const old = first!.task
    expect(await heartbeat(t.db, scanTaskId, 'old-worker', 60_000)).toBe(false)
    expect(await completeTask(t.db, old, 'old-worker', sampleReport())).toBe(false)
    expect(await endAttempt(t.db, old, 'old-worker', { status: 'FAILED', code: 'X', message: 'x' })).toBe(false)
    expect(await rowCount('scan_vulnerabilities', scanTaskId)).toBe(0)
    expect(await heartbeat(t.db, scanTaskId, 'new-worker', 60_000, { done: 1, total: 3 })).toBe(true)
    expect((await t.call('getRepoTagScanStatus', { scanTaskId })).body).toMatchObject({ status: 'SCANNING', progress: { layersDone: 1, layersTotal: 3 }, workerId: 'new-worker' })
    expect(await completeTask(t.db, second!.task, 'new-worker', reportWithFindings())).toBe(true)
    expect(await attemptsOf(scanTaskId)).toMatchObject([
      { attempt: 1, worker_id: 'old-worker', outcome: 'LOST', error_code: 'LEASE_EXPIRED' },
      { attempt: 2, worker_id: 'new-worker', outcome: 'COMPLETE' },
    ])
    expect(await rowCount('scan_vulnerabilities', scanTaskId)).toBe(sampleReport().findings.length)
  })

  it('a task whose worker keeps dying is FAILED with WORKER_LOST after maxAttempts', async () => {
    const { scanTaskId } = await create({ ...image('demo/alpine-base', '3.18'), scanService: 'SAS_SCAN_SERVICE' })
    await t.db.updateTable('scan_tasks').set({ max_attempts: 2 }).where('id', '=', scanTaskId).execute()
    expect((await claimTask(t.db, 'doomed-1', 100))?.task.id).toBe(scanTaskId)
    await new Promise((r) => setTimeout(r, 150))
    expect((await claimTask(t.db, 'doomed-2', 100))?.task.id).toBe(scanTaskId)
    await new Promise((r) => setTimeout(r, 150))
    expect(await claimTask(t.db, 'doomed-3', 60_000)).toBeUndefined()
    const status = (await t.call('getRepoTagScanStatus', { scanTaskId })).body
    expect(status).toMatchObject({ status: 'FAILED', failureCode: 'WORKER_LOST', attempts: 2 })
    const res = await t.call('listRepoTagScanResult', { scanTaskId })
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('SCAN_FAILED')
    expect(String(res.body.message)).toContain('Gave up after 2 attempts')
  })

  it('results are written all or nothing', async () => {
    const { scanTaskId } = await create(image('demo/alpine-base', '3.18'))
    const claimed = await claimTask(t.db, 'w', 60_000)
    const broken = sampleReport()
    const last = broken.findings.at(-1)!
    broken.findings[broken.findings.length - 1] = { ...last, description: 'a NUL \u0000 PostgreSQL refuses' }
    await expect(completeTask(t.db, claimed!.task, 'w', broken)).rejects.toThrow()
    for (const table of ['scan_vulnerabilities', 'scan_components', 'scan_reports'] as const) expect(await rowCount(table, scanTaskId), table).toBe(0)
    expect((await t.call('getRepoTagScanStatus', { scanTaskId })).body.status).toBe('SCANNING')
    expect(await endAttempt(t.db, claimed!.task, 'w', { status: 'FAILED', code: 'SCAN_ERROR', message: 'test' })).toBe(true)
  })
})

describe('baseline risks and malicious files', () => {
  let scanTaskId: string
  beforeAll(async () => {
    const task = (await t.call('listScanTask', { instanceId, repoId: repos['demo/alpine-base'], scanService: 'SAS_SCAN_SERVICE', status: 'COMPLETE' })).body.items
    scanTaskId = task[0]!.scanTaskId
  })

  it('are stored and listed with ACR’s fields, highest level first', async () => {
    const res = await t.call('listScanBaselineByTask', { scanTaskId })
    expect(res.body).toMatchObject({ totalCount: 6, scanService: 'SAS_SCAN_SERVICE' })
    const items = res.body.items
    expect(items.map((i) => i.baselineNameLevel)).toEqual(['high', 'high', 'high', 'medium', 'medium', 'low'])
    expect(items[0]).toMatchObject({
      scanTaskId,
      baselineNameKey: 'ak_leak',
      baselineClassAlias: 'Credentials',
      baselineNameAlias: 'ak_leak check',
      baselineItemCount: 3,
      highRiskItemCount: 3,
      middleRiskItemCount: 0,
      lowRiskItemCount: 0,
      baselineDetailPrompt: '/app/.env: AKIA****',
      baselineDetailAdvice: 'Remove it from the image.',
      path: '/app/.env',
      layerIndex: 1,
    })
    expect(items[0]?.createTime).toBeGreaterThan(0)
  })

  it('filter baseline by level in any case, and page stably', async () => {
    for (const level of ['medium', 'MEDIUM', 'Medium']) {
      const res = await t.call('listScanBaselineByTask', { scanTaskId, level })
      expect((res.body.items).map((i) => i.path)).toEqual(['/etc/shadow', '/etc/shadow-'])
    }
    const paged: string[] = []
    for (const pageNo of [1, 2, 3]) paged.push(...((await t.call('listScanBaselineByTask', { scanTaskId, pageSize: 4, pageNo })).body.items).map((i) => i.path ?? ''))
    const whole = ((await t.call('listScanBaselineByTask', { scanTaskId, pageSize: 100 })).body.items).map((i) => i.path ?? '')
    expect(paged).toEqual(whole)
    expect(new Set(paged).size).toBe(6)
  })

  it('list malicious files by level (High, Medium, Low map onto serious, suspicious, remind)', async () => {
    const all = await t.call('listScanMaliciousFileByTask', { scanTaskId })
    expect((all.body.items).map((i) => i.level)).toEqual(['serious', 'suspicious', 'remind'])
    expect(all.body.items[0]).toMatchObject({ maliciousName: 'Eicar-Test-Signature', maliciousMd5: '44d88612fea8a8f36de82e1278abb02f', filePath: '/tmp/eicar.com', type: 'test-file', layerIndex: 1, size: 68, deletedInLayer: null })
    const remind = await t.call('listScanMaliciousFileByTask', { scanTaskId, level: 'low' })
    expect(remind.body.items).toMatchObject([{ filePath: '/var/www/shell.php', deletedInLayer: 2 }])
    expect((await t.call('listScanMaliciousFileByTask', { scanTaskId, level: 'SERIOUS' })).body.totalCount).toBe(1)
    const page2 = await t.call('listScanMaliciousFileByTask', { scanTaskId, pageSize: 2, pageNo: 2 })
    expect(page2.body).toMatchObject({ totalCount: 3, items: [{ level: 'remind' }] })
  })

  it('are counted in the summary and the report', async () => {
    const summary = await t.call('getRepoTagScanSummary', { scanTaskId })
    expect(summary.body).toMatchObject({ baselineCounts: { total: 6, high: 3, medium: 2, low: 1 }, maliciousCounts: { total: 3, serious: 1, suspicious: 1, remind: 1 } })
    const report = await t.call('getImageReport', { scanTaskId })
    expect(report.body).toMatchObject({ baselineCount: 6, maliciousFileCount: 3 })
  })

  it('an ACR_SCAN_SERVICE scan keeps none of them, as ACR reports vulnerabilities only', async () => {
    const { scanTaskId: acrTask } = await create(image('demo/alpine-base', '3.18'))
    const claimed = await claimTask(t.db, 'w', 60_000)
    expect(claimed?.task.id).toBe(acrTask)
    await completeTask(t.db, claimed!.task, 'w', reportWithFindings())
    expect(await rowCount('scan_baseline', acrTask)).toBe(0)
    expect((await t.call('listScanBaselineByTask', { scanTaskId: acrTask })).body).toMatchObject({ totalCount: 0, scanService: 'ACR_SCAN_SERVICE' })
    // By tag, baseline and malicious lists prefer the newest SAS scan of the image.
    const byTag = await t.call('listScanMaliciousFileByTask', image('demo/alpine-base', '3.18'))
    expect(byTag.body).toMatchObject({ scanTaskId, totalCount: 3 })
  })
})

describe('failures', () => {
  it('a permanent error fails the task at once with its reason', async () => {
    const dir = path.join(t.dataDir, 'vanishing')
    await buildDemoImages(dir)
    const created = await t.call('createInstance', { kind: 'DIRECTORY', instanceName: 'vanishing', path: dir })
    await t.booted.sync.idle()
    const vanishing = created.body.instanceId
    const repoId = await repoIdOf(t, vanishing, 'demo/alpine-base')
    await fs.rm(dir, { recursive: true })
    const { scanTaskId } = await create({ instanceId: vanishing, repoId, tag: '3.18' })
    const w = workers('pool-b', 1)
    try {
      const failed = await waitForStatus(t, scanTaskId, ['FAILED'])
      expect(failed).toMatchObject({ failureCode: 'DIRECTORY_INVALID', attempts: 1, nextRetryTime: null })
      expect(failed.failureReason).toMatch(/Not a readable directory/)
      expect(failed.finishTime).not.toBeNull()
      const res = await t.call('getImageReport', { scanTaskId })
      expect(res.body.code).toBe('SCAN_FAILED')
    } finally {
      await w.stop()
    }
    // Deleting an instance takes its scans and results with it.
    await t.call('deleteInstance', { instanceId: vanishing })
    expect((await t.call('getRepoTagScanStatus', { scanTaskId })).body.code).toBe('SCAN_TASK_NOT_EXIST')
    expect(await attemptsOf(scanTaskId)).toEqual([])
  })
})
