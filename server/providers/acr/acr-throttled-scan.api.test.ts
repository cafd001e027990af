import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { repoIdOf, waitForStatus } from '../../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../../testing/test-app'
import { bindProviders, createProviderRegistry } from '../provider-registry'
import { ACR_INSTANCE_ID, ACR_REGION } from './testing/acr-fixtures'
import { startFakeAcr, type FakeAcr } from './testing/fake-acr'

/**
 * A scan the upstream throttles (UPSTREAM_THROTTLED) waits and is tried again by the
 * queue, with backoff and the upstream's Retry-After, within a time budget; then fails
 * saying so. The client's own retries are off (no budget), so every 429 reaches the queue.
 */
const KEY_ID = 'LTAI5tThrottleTest01'
const KEY_SECRET = 'fake-acr-throttle-secret-0123456789'
// Six pauses of at most 120 ms (and a claim each) take about a second: the budget leaves room
// for a loaded machine, and the give-up test waits it out once. The 1 s Retry-After is far
// above any backoff pause, so a wait that long can only come from honouring it.
const BUDGET_MS = 3_000
const RETRY_AFTER_S = 1

let t: TestApp
let acr: FakeAcr
let instanceId: string
let repoId: string

beforeAll(async () => {
  // More throttled attempts than maxAttempts (5) still fit the budget: throttling does not use attempts up.
  t = await startTestApp({ scans: { throttleBaseMs: 50, throttleMaxMs: 100, throttleBudgetMs: BUDGET_MS } })
  acr = await startFakeAcr({ [KEY_ID]: KEY_SECRET })
  bindProviders(t.db, createProviderRegistry({ acr: { envAccessKey: null, timing: { requestTimeoutMs: 10_000, retryBudgetMs: 0, retryBaseMs: 50 }, scanPollMs: 50, scanTimeoutMs: 15_000 } }))
  const created = await t.call('createInstance', { kind: 'ACR', regionId: ACR_REGION, acrInstanceId: ACR_INSTANCE_ID, accessKeyId: KEY_ID, accessKeySecret: KEY_SECRET, endpoint: acr.endpoint, instanceName: 'acr throttled' })
  expect(created.status, JSON.stringify(created.body)).toBe(200)
  instanceId = created.body.instanceId
  await t.booted.sync.idle()
  repoId = await repoIdOf(t, instanceId, 'team/app')
}, 180_000)
afterEach(() => {
  // A failed test must not leave the fake throttling the next one.
  acr.faults.throttle = 0
  acr.faults.retryAfter = null
})
afterAll(async () => {
  await t.close()
  await acr.close()
})

async function attemptsOf(scanTaskId: string) {
  const { rows } = await sql<{ attempt: number; outcome: string | null; error_code: string | null; started_at: Date; ended_at: Date | null }>`
    select attempt, outcome, error_code, started_at, ended_at from scan_task_attempts where task_id = ${scanTaskId} order by attempt`.execute(t.db)
  return rows
}

/** A fresh scan of the tag: the previous one finished, so a new task is queued. */
async function scan(): Promise<string> {
  const created = await t.call('createRepoTagScanTask', { instanceId, repoId, tag: '1' })
  expect(created.status, JSON.stringify(created.body)).toBe(200)
  return created.body.scanTaskId
}

describe('scans throttled upstream', () => {
  it('waits and retries after 429s (more of them than maxAttempts), then completes', async () => {
    acr.faults.throttle = 6
    const id = await scan()
    const task = await waitForStatus(t, id, ['COMPLETE', 'FAILED'], { timeoutMs: 30_000 })
    expect(task.status, task.failureReason ?? '').toBe('COMPLETE')
    const attempts = await attemptsOf(id)
    expect(attempts.filter((a) => a.error_code === 'UPSTREAM_THROTTLED')).toHaveLength(6)
    expect(attempts.at(-1)).toMatchObject({ outcome: 'COMPLETE' })
    expect(acr.faults.throttle).toBe(0)
  }, 45_000)

  it('shows it is waiting while throttled, then fails with a clear message once the budget is spent', async () => {
    acr.faults.throttle = 1_000_000
    const started = Date.now()
    const id = await scan()
    const waiting = await waitForStatus(t, id, ['RETRYING', 'FAILED'], { timeoutMs: 10_000 })
    expect(waiting).toMatchObject({ status: 'RETRYING', failureCode: 'UPSTREAM_THROTTLED' })
    expect(waiting.failureReason).toMatch(/^Waiting: throttled by the upstream, retrying at \d{4}-\d\d-\d\dT/)
    expect(waiting.failureReason).toContain('Throttling.User')
    expect(waiting.nextRetryTime).toEqual(expect.any(Number))
    const failed = await waitForStatus(t, id, ['FAILED', 'COMPLETE'], { timeoutMs: 30_000 })
    acr.faults.throttle = 0
    expect(failed).toMatchObject({ status: 'FAILED', failureCode: 'UPSTREAM_THROTTLED' })
    expect(failed.failureReason).toMatch(/^Gave up: the upstream kept throttling this scan for \d+ s over \d+ attempts \(limit 3 s\)/)
    // Bounded: no later than the budget plus one pause and a claim.
    expect(Date.now() - started).toBeLessThan(BUDGET_MS + 5_000)
  }, 45_000)

  it('waits at least as long as the upstream’s Retry-After', async () => {
    acr.faults.throttle = 1
    acr.faults.retryAfter = String(RETRY_AFTER_S)
    const id = await scan()
    const waiting = await waitForStatus(t, id, ['RETRYING', 'COMPLETE', 'FAILED'], { timeoutMs: 10_000 })
    expect(waiting.status).toBe('RETRYING')
    const done = await waitForStatus(t, id, ['COMPLETE', 'FAILED'], { timeoutMs: 10_000 })
    acr.faults.retryAfter = null
    expect(done.status).toBe('COMPLETE')
    const [first, second] = await attemptsOf(id)
    expect(first?.error_code).toBe('UPSTREAM_THROTTLED')
    expect(new Date(second?.started_at ?? 0).getTime() - new Date(first?.ended_at ?? 0).getTime()).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1_000 - 100)
  }, 45_000)
})
