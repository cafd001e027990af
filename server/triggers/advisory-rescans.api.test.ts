import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { importOsv } from '../engine/advisories/import-osv'
import { BUNDLED_ADVISORIES_DIR } from '../scans/demo-scans'
import { waitForInstanceScans, waitForStatus } from '../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../testing/test-app'

/**
 * Rescans on advisory updates, over the demo instance. An import stamps the store, as
 * `npm run vulndb:import` does from its own process; the server's timers are off
 * (triggerCheckMs 0) and the test ticks the watcher itself.
 */
let t: TestApp
const instanceId = DEMO_INSTANCE_ID
let importClock = Date.now()

beforeAll(async () => {
  t = await startTestApp({ demo: true, scans: { triggerCheckMs: 0 } })
  await t.booted.seeded
  await waitForInstanceScans(t, instanceId, { atLeast: 5, timeoutMs: 110_000 })
  // The demo seeding's own import: handled before any rule opted in, so it rescans nothing.
  const seeded = await t.booted.advisoryRescans.tick()
  expect(seeded?.queued ?? 0).toBe(0)
}, 120_000)
afterAll(() => t.close())

/** A new import of the bundled records, stamped later than the last (the records themselves are unchanged). */
const importAdvisories = () => importOsv(t.db, [BUNDLED_ADVISORIES_DIR], { now: () => new Date((importClock += 60_000)) })

async function createRule(over: Record<string, unknown>): Promise<string> {
  const res = await t.call('createScanRule', { instanceId, scanScope: 'REPO', namespaces: ['demo'], triggerType: 'MANUAL', repoTagFilterPattern: '.*', ...over })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.scanRuleId
}

const tasksOf = async (scanRuleId: string) => (await t.call('listScanTask', { instanceId, scanRuleId, pageSize: 100 })).body.items

describe('an advisory update', () => {
  it('rescans the tags of opted-in rules once per store change (ADVISORY_UPDATE), and leaves other rules alone', async () => {
    const optedIn = await createRule({ ruleName: 'legacy rescans', repoNames: ['legacy-api'], rescanOnAdvisoryUpdate: true })
    const notOptedIn = await createRule({ ruleName: 'web, no rescans', repoNames: ['ubuntu-web'] })
    expect(await t.booted.advisoryRescans.tick()).toBeUndefined()

    await importAdvisories()
    const outcome = await t.booted.advisoryRescans.tick()
    expect(outcome).toMatchObject({ queued: 1, existing: 0 })
    const [task] = await tasksOf(optedIn)
    expect(task).toMatchObject({ repository: 'demo/legacy-api', tag: '2.3.1', scanType: 'VUL', trigger: { kind: 'ADVISORY_UPDATE', scanRuleId: optedIn, actor: null } })
    expect(task?.trigger.detail).toBe(`advisories imported at ${outcome?.importedAt.toISOString() ?? ''}`)
    expect(await tasksOf(notOptedIn)).toEqual([])

    // The same store state again: nothing new to rescan for.
    expect(await t.booted.advisoryRescans.tick()).toBeUndefined()
    expect(await tasksOf(optedIn)).toHaveLength(1)
    await waitForStatus(t, task?.scanTaskId ?? '', ['COMPLETE'])
  })

  it('rescans again after the next import, and stops once the rule opts out', async () => {
    const [rule] = (await t.call('listScanRule', { instanceId, pageSize: 100 })).body.items.filter((r) => r.ruleName === 'legacy rescans')
    const id = rule?.scanRuleId ?? ''
    await importAdvisories()
    expect(await t.booted.advisoryRescans.tick()).toMatchObject({ queued: 1 })
    const tasks = await tasksOf(id)
    expect(tasks).toHaveLength(2)
    await waitForStatus(t, tasks[0]?.scanTaskId ?? '', ['COMPLETE'])

    const update = await t.call('updateScanRule', { instanceId, scanRuleId: id, ruleName: 'legacy rescans', scanScope: 'REPO', namespaces: ['demo'], repoNames: ['legacy-api'], triggerType: 'MANUAL', repoTagFilterPattern: '.*' })
    expect(update.status).toBe(200)
    await importAdvisories()
    expect(await t.booted.advisoryRescans.tick()).toMatchObject({ queued: 0, existing: 0 })
    expect(await tasksOf(id)).toHaveLength(2)
  })
})
