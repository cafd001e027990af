import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanOverview } from '@contract/report-overview'
import type { ScanSummary, VulnerabilityItem } from '@contract/scans'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { repoIdOf, waitForInstanceScans } from '../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../testing/test-app'
import { VulnExceptionService } from './exception-service'
import { getTaskRow } from '../scans/scan-store'
import { findingStatesByKey } from './finding-states'
import { people } from './testing/exception-fixtures'

/**
 * includeSnoozed over the demo's shop-app scan, as StackRox reads it: findings under an
 * approved exception leave the list, the summary, the overview and the exports unless
 * asked for, come back marked with their state when asked, and count again once the
 * exception has ended.
 */
let t: TestApp
const DAY = 86_400_000
let clock = Date.now()
let service: VulnExceptionService
let shopTask: string
let before: { list: VulnerabilityItem[]; summary: ScanSummary; overview: ScanOverview }
let falsePositive: VulnerabilityItem
let deferred: VulnerabilityItem
let expired: VulnerabilityItem
let exceptionIds: string[] = []
/** How many findings findingStatesByKey answered before any exception existed. */
let statesBefore: number

const key = (v: Pick<VulnerabilityItem, 'cveName' | 'componentId'>) => `${v.cveName} ${v.componentId}`

async function listAll(
  extra: Record<string, unknown> = {},
): Promise<{ items: VulnerabilityItem[]; totalCount: number }> {
  const res = await t.call('listRepoTagScanResult', { scanTaskId: shopTask, pageSize: 100, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  const items = res.body.items as VulnerabilityItem[]
  expect(items.length).toBe(res.body.totalCount)
  return { items, totalCount: res.body.totalCount }
}
async function summary(extra: Record<string, unknown> = {}): Promise<ScanSummary> {
  const res = await t.call('getRepoTagScanSummary', { scanTaskId: shopTask, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}
async function overview(extra: Record<string, unknown> = {}): Promise<ScanOverview> {
  const res = await t.call('getScanOverview', { scanTaskId: shopTask, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}
/** The findings the Components tab counts, over every vulnerable package. */
async function componentFindings(extra: Record<string, unknown> = {}): Promise<number> {
  const res = await t.call('listScanComponent', {
    scanTaskId: shopTask,
    vulnerable: 'true',
    pageSize: 100,
    ...extra,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  expect(res.body.items.length).toBe(res.body.totalCount)
  return res.body.items.reduce((n, c) => n + c.counts.totalSeverity, 0)
}
/** The CSV export's rows as CVE, package, version and state. */
async function csvRows(extra: Record<string, string> = {}): Promise<string[][]> {
  const res = await t.request(
    `/api/v1/exportRepoTagScanResult?${new URLSearchParams({ scanTaskId: shopTask, ...extra }).toString()}`,
  )
  expect(res.status).toBe(200)
  // Demo rows hold no quoted commas or line breaks in these columns; split on CRLF and commas outside quotes.
  const lines = (await res.text()).split('\r\n').filter(Boolean)
  const cells = lines.map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/))
  const header = cells[0] ?? []
  const state = header.indexOf('State')
  expect(state).toBeGreaterThan(0)
  return cells.slice(1).map((r) => [r[0] ?? '', r[3] ?? '', r[4] ?? '', r[state] ?? ''])
}
const csvKey = (v: VulnerabilityItem, state: string) => [v.cveName, v.feature, v.version, state]

async function approve(v: VulnerabilityItem, over: Record<string, unknown>) {
  const [created] = await service.create(
    {
      scanTaskId: shopTask,
      findings: [{ cveName: v.cveName, componentId: v.componentId }],
      kind: 'FALSE_POSITIVE',
      scope: 'DIGEST',
      reason: 'Not reachable in this service.',
      justification: 'vulnerable_code_not_in_execute_path',
      ...over,
    },
    people.alice,
  )
  if (!created) throw new Error('nothing created')
  return service.approve({ exceptionId: created.exceptionId, comment: 'Agreed.' }, people.bob)
}

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  const tasks = await waitForInstanceScans(t, DEMO_INSTANCE_ID, { atLeast: 5 })
  const shopRepo = await repoIdOf(t, DEMO_INSTANCE_ID, 'demo/shop-app')
  const shop = tasks.find((x) => x.repoId === shopRepo)
  if (!shop) throw new Error('no shop-app scan')
  shopTask = shop.scanTaskId
  service = new VulnExceptionService(t.db, { now: () => new Date(clock) })
  before = { list: (await listAll()).items, summary: await summary(), overview: await overview() }
  statesBefore = (await findingStatesByKey(t.db, await getTaskRow(t.db, shopTask), new Date())).size
  // Three findings of distinct CVE, package and version, so CSV rows name them unambiguously.
  const distinct = before.list.filter(
    (v, i, all) =>
      all.findIndex(
        (w) => w.cveName === v.cveName || (w.feature === v.feature && w.version === v.version),
      ) === i,
  )
  const [a, b, c] = distinct
  if (!a || !b || !c) throw new Error('shop-app needs three distinct findings')
  ;[falsePositive, deferred, expired] = [a, b, c]
}, 180_000)
afterAll(() => t.close())

describe('includeSnoozed', () => {
  it('before any exception: every row is OBSERVED and nothing is snoozed', () => {
    expect(before.summary.snoozedCount).toBe(0)
    // No open exception for the image: the states map stays empty, the scan's rows unread.
    expect(statesBefore).toBe(0)
    expect(before.list.every((v) => v.state === 'OBSERVED' && !v.suppressed && v.exceptionId === null)).toBe(true)
    expect(before.summary.totalSeverity).toBe(before.list.length)
    expect(
      before.list.every((v) => v.state === 'OBSERVED' && v.suppressed === false && v.exceptionId === null),
    ).toBe(true)
  })

  it('an approved false positive and deferral leave the list, summary, overview and CSV by default', async () => {
    exceptionIds = [
      (await approve(falsePositive, {})).exceptionId,
      (await approve(deferred, { kind: 'DEFERRAL', expiry: 'THIRTY_DAYS' })).exceptionId,
    ]
    // Approved three weeks ago for two weeks: ended a week ago.
    clock = Date.now() - 21 * DAY
    await approve(expired, { kind: 'DEFERRAL', expiry: 'TWO_WEEKS' })
    clock = Date.now()

    const hidden = new Set([key(falsePositive), key(deferred)])
    const list = await listAll()
    expect(list.items.map(key)).toEqual(before.list.map(key).filter((k) => !hidden.has(k)))

    const s = await summary()
    expect(s.snoozedCount).toBe(2)
    expect(s.totalSeverity).toBe(before.summary.totalSeverity - 2)
    expect(s.totalSeverity).toBe(list.totalCount)
    for (const sev of ['Critical', 'High', 'Medium', 'Low', 'Unknown'] as const) {
      const field = `${sev.toLowerCase()}Severity` as 'criticalSeverity'
      const gone = [falsePositive, deferred].filter((v) => v.severity === sev).length
      expect(s[field], sev).toBe(before.summary[field] - gone)
    }

    const o = await overview()
    expect(o.counts).toEqual(pickCounts(s))
    expect(o.layers.reduce((n, l) => n + l.counts.totalSeverity, 0)).toBe(s.totalSeverity)
    expect(await componentFindings()).toBe(s.totalSeverity)

    const csv = await csvRows()
    expect(csv).toHaveLength(list.totalCount)
    expect(csv).not.toContainEqual(csvKey(falsePositive, 'FALSE_POSITIVE'))
    expect(csv.map((r) => r.slice(0, 3).join(' '))).not.toContain(
      [falsePositive.cveName, falsePositive.feature, falsePositive.version].join(' '),
    )
    expect(csv.map((r) => r.slice(0, 3).join(' '))).not.toContain(
      [deferred.cveName, deferred.feature, deferred.version].join(' '),
    )
  })

  it('includeSnoozed=true brings them back, marked, and counts them', async () => {
    const list = await listAll({ includeSnoozed: 'true' })
    expect(list.items.map(key)).toEqual(before.list.map(key))
    const fp = list.items.find((v) => key(v) === key(falsePositive))
    const def = list.items.find((v) => key(v) === key(deferred))
    expect(fp).toMatchObject({
      state: 'FALSE_POSITIVE',
      suppressed: true,
      suppressExpiry: null,
      exceptionId: exceptionIds[0],
    })
    expect(fp?.suppressActivation).toEqual(expect.any(Number))
    expect(def).toMatchObject({ state: 'DEFERRED', suppressed: true, exceptionId: exceptionIds[1] })
    expect(def?.suppressExpiry).toBeGreaterThan(Date.now() + 29 * DAY)

    const s = await summary({ includeSnoozed: 'true' })
    expect(s).toMatchObject({ snoozedCount: 2, totalSeverity: before.summary.totalSeverity })
    expect(s.totalSeverity).toBe(list.totalCount)
    expect((await overview({ includeSnoozed: 'true' })).counts).toEqual(before.overview.counts)
    expect(await componentFindings({ includeSnoozed: 'true' })).toBe(before.summary.totalSeverity)

    const csv = await csvRows({ includeSnoozed: 'true' })
    expect(csv).toHaveLength(list.totalCount)
    expect(csv).toContainEqual(csvKey(falsePositive, 'FALSE_POSITIVE'))
    expect(csv).toContainEqual(csvKey(deferred, 'DEFERRED'))
  })

  it('an expired deferral counts again, as OBSERVED', async () => {
    const row = (await listAll()).items.find((v) => key(v) === key(expired))
    expect(row).toMatchObject({ state: 'OBSERVED', suppressed: false, exceptionId: null })
    expect(await csvRows()).toContainEqual(csvKey(expired, 'OBSERVED'))
  })
})

function pickCounts(s: ScanSummary) {
  const {
    totalSeverity,
    criticalSeverity,
    highSeverity,
    mediumSeverity,
    lowSeverity,
    unknownSeverity,
    fixableCount,
  } = s
  return {
    totalSeverity,
    criticalSeverity,
    highSeverity,
    mediumSeverity,
    lowSeverity,
    unknownSeverity,
    fixableCount,
  }
}
