import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SEVERITIES, type Severity } from '@contract/findings'
import type { ScanSummary, VulnerabilityItem } from '@contract/scans'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { repoIdOf, waitForInstanceScans } from '../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../testing/test-app'
import { VulnExceptionService } from './exception-service'
import { people } from './testing/exception-fixtures'

/**
 * The vulnerabilities tab's severity toggles show getRepoTagScanSummary's counts, asked
 * with the list's includeSnoozed: each count must be the number of rows the list answers
 * for that severity and the same includeSnoozed, with an approved exception in place.
 */
let t: TestApp
let shopTask: string
let snoozed: VulnerabilityItem

const field = (s: Severity) => `${s.toLowerCase()}Severity` as 'criticalSeverity'

async function rowCount(q: Record<string, unknown>): Promise<number> {
  const res = await t.call('listRepoTagScanResult', { scanTaskId: shopTask, pageSize: 1, ...q })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.totalCount
}
async function summary(q: Record<string, unknown>): Promise<ScanSummary> {
  const res = await t.call('getRepoTagScanSummary', { scanTaskId: shopTask, ...q })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  const tasks = await waitForInstanceScans(t, DEMO_INSTANCE_ID, { atLeast: 5 })
  const shopRepo = await repoIdOf(t, DEMO_INSTANCE_ID, 'demo/shop-app')
  const shop = tasks.find((x) => x.repoId === shopRepo)
  if (!shop) throw new Error('no shop-app scan')
  shopTask = shop.scanTaskId
  const list = await t.call('listRepoTagScanResult', { scanTaskId: shopTask, pageSize: 100 })
  // A fixable Critical or High finding, so the severity and fixable counts both move.
  const pick = (list.body.items as VulnerabilityItem[]).find((v) => (v.severity === 'Critical' || v.severity === 'High') && v.versionFixed)
  if (!pick) throw new Error('shop-app needs a fixable Critical or High finding')
  snoozed = pick
  const service = new VulnExceptionService(t.db)
  const [created] = await service.create(
    {
      scanTaskId: shopTask,
      findings: [{ cveName: snoozed.cveName, componentId: snoozed.componentId }],
      kind: 'FALSE_POSITIVE',
      scope: 'REPOSITORY',
      reason: 'Not reachable in this service.',
      justification: 'vulnerable_code_not_in_execute_path',
    },
    people.alice,
  )
  if (!created) throw new Error('nothing created')
  await service.approve({ exceptionId: created.exceptionId, comment: 'Agreed.' }, people.bob)
}, 180_000)
afterAll(() => t.close())

describe('severity filter counts', () => {
  for (const includeSnoozed of [undefined, true] as const) {
    it(`equal the list's rows per severity ${includeSnoozed ? 'with' : 'without'} includeSnoozed`, async () => {
      const q = includeSnoozed ? { includeSnoozed: 'true' } : {}
      const s = await summary(q)
      expect(s.snoozedCount).toBe(1)
      for (const severity of SEVERITIES) expect(s[field(severity)], severity).toBe(await rowCount({ ...q, severity: [severity] }))
      expect(s.totalSeverity).toBe(await rowCount(q))
      expect(s.fixableCount).toBe(await rowCount({ ...q, fixable: 'true' }))
      // The snoozed finding's severity is where the two differ.
      const shown = await rowCount({ ...q, severity: [snoozed.severity] })
      const all = await rowCount({ includeSnoozed: 'true', severity: [snoozed.severity] })
      expect(shown).toBe(includeSnoozed ? all : all - 1)
    })
  }
})
