import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_INSTANCE_ID } from '../../demo/demo-instance'
import { repoIdOf, waitForInstanceScans, waitForStatus } from '../../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../../testing/test-app'
import { startWireServer, type WireServer } from '../../wire/testing/wire-server'
import { bindProviders, createProviderRegistry } from '../provider-registry'

/**
 * The ACR provider pointed at Layerscope's own ACR-compatible endpoint (server/wire/acr/)
 * serving the demo instance: the same browse and scan path as against Alibaba Cloud,
 * signed by pop-core and verified by the wire endpoint.
 */
const KEY_ID = 'LTAIproviderwiretest'
const KEY_SECRET = 'provider-over-wire-secret-0123456789'

let t: TestApp
let wire: WireServer
let acrInstanceId: string

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  await waitForInstanceScans(t, DEMO_INSTANCE_ID, { atLeast: 5 })
  wire = await startWireServer(t, { acr: { accessKeys: new Map([[KEY_ID, KEY_SECRET]]) } })
  bindProviders(t.db, createProviderRegistry({ acr: { envAccessKey: null, timing: { requestTimeoutMs: 5_000, retryBudgetMs: 2_000, retryBaseMs: 50 }, scanPollMs: 200, scanTimeoutMs: 60_000 } }))
}, 120_000)
afterAll(async () => {
  await wire.close()
  await t.close()
})

const connection = { kind: 'ACR', regionId: 'cn-hangzhou', acrInstanceId: DEMO_INSTANCE_ID, accessKeyId: KEY_ID, accessKeySecret: KEY_SECRET }

describe('ACR provider over the Layerscope ACR wire endpoint', () => {
  it('tests, adds and indexes the instance the wire endpoint serves', async () => {
    const tested = await t.call('testInstanceConnection', { ...connection, endpoint: `${wire.origin}/acr` })
    expect(tested.body).toMatchObject({ ok: true })
    const created = await t.call('createInstance', { ...connection, endpoint: `${wire.origin}/acr`, instanceName: 'demo over acr' })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    acrInstanceId = created.body.instanceId
    await t.booted.sync.idle()
    const mirror = (await t.call('getInstance', { instanceId: acrInstanceId })).body
    const demo = (await t.call('getInstance', { instanceId: DEMO_INSTANCE_ID })).body
    expect(mirror).toMatchObject({ syncStatus: 'READY', repoCount: demo.repoCount, tagCount: demo.tagCount })
  })

  it('scans through the wire endpoint and shows the same vulnerabilities as the demo scan', async () => {
    const repoId = await repoIdOf(t, acrInstanceId, 'demo/shop-app')
    const created = await t.call('createRepoTagScanTask', { instanceId: acrInstanceId, repoId, tag: '1.0.0' })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    await waitForStatus(t, created.body.scanTaskId, ['COMPLETE'], { timeoutMs: 60_000 })
    const ours = await t.call('listRepoTagScanResult', { scanTaskId: created.body.scanTaskId, pageSize: 100 })
    const demoRepoId = await repoIdOf(t, DEMO_INSTANCE_ID, 'demo/shop-app')
    const theirs = await t.call('listRepoTagScanResult', { instanceId: DEMO_INSTANCE_ID, repoId: demoRepoId, tag: '1.0.0', pageSize: 100 })
    const names = (items: typeof ours.body.items) => items.map((v) => ('cveName' in v ? `${v.cveName} ${v.feature} ${v.version}` : '')).sort()
    expect(ours.body.totalCount).toBeGreaterThan(0)
    expect(names(ours.body.items)).toEqual(names(theirs.body.items))
  }, 90_000)

  it('runs a Security Center scan through the wire endpoint: the same baseline risks and malicious files as a local one', async () => {
    const repoId = await repoIdOf(t, acrInstanceId, 'demo/shop-app')
    const demoRepoId = await repoIdOf(t, DEMO_INSTANCE_ID, 'demo/shop-app')
    const ours = await t.call('createRepoTagScanTask', { instanceId: acrInstanceId, repoId, tag: '1.0.0', scanService: 'SAS_SCAN_SERVICE' })
    expect(ours.status, JSON.stringify(ours.body)).toBe(200)
    await waitForStatus(t, ours.body.scanTaskId, ['COMPLETE'], { timeoutMs: 60_000 })
    // The wire's scan of the demo image is the local SAS scan the provider read from.
    const theirs = await t.call('listScanTask', { instanceId: DEMO_INSTANCE_ID, repoId: demoRepoId, pageSize: 100 })
    const local = theirs.body.items.find((task) => task.scanService === 'SAS_SCAN_SERVICE' && task.tag === '1.0.0' && task.status === 'COMPLETE')
    expect(local).toBeDefined()
    const keys = (items: { baselineNameKey: string; baselineNameLevel: string }[]) => items.map((b) => `${b.baselineNameKey} ${b.baselineNameLevel}`).sort()
    const files = (items: { filePath: string; level: string }[]) => items.map((m) => `${m.filePath} ${m.level}`).sort()
    const [ourBaseline, theirBaseline] = await Promise.all([ours.body.scanTaskId, local?.scanTaskId].map((id) => t.call('listScanBaselineByTask', { scanTaskId: id, pageSize: 100 })))
    expect(ourBaseline?.body.totalCount).toBe(theirBaseline?.body.totalCount)
    expect(keys(ourBaseline?.body.items ?? [])).toEqual(keys(theirBaseline?.body.items ?? []))
    const [ourFiles, theirFiles] = await Promise.all([ours.body.scanTaskId, local?.scanTaskId].map((id) => t.call('listScanMaliciousFileByTask', { scanTaskId: id, pageSize: 100 })))
    expect(ourFiles?.body.totalCount).toBe(theirFiles?.body.totalCount)
    expect(files(ourFiles?.body.items ?? [])).toEqual(files(theirFiles?.body.items ?? []))
  }, 90_000)

  it('keeps the ACR instance’s scan rules upstream: at the wire endpoint, i.e. as rules of the instance it serves', async () => {
    const body = { instanceId: acrInstanceId, ruleName: 'over the wire', scanScope: 'REPO', triggerType: 'MANUAL', scanType: 'VUL', repoTagFilterPattern: '1\\..*', namespaces: ['demo'], repoNames: ['shop-app'] }
    const created = await t.call('createScanRule', body)
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    const scanRuleId = created.body.scanRuleId
    const served = await t.call('getScanRule', { instanceId: DEMO_INSTANCE_ID, scanRuleId })
    expect(served.status).toBe(200)
    const mirrored = await t.call('getScanRule', { instanceId: acrInstanceId, scanRuleId })
    expect(mirrored.body).toEqual({ ...served.body, instanceId: acrInstanceId })
    expect(mirrored.body).toMatchObject({ ruleName: 'over the wire', scanScope: 'REPO', triggerType: 'MANUAL', repoTagFilterPattern: '1\\..*', namespaces: ['demo'], repoNames: ['shop-app'], unknownRepos: [] })
    const listed = await t.call('listScanRule', { instanceId: acrInstanceId })
    expect(listed.body.items.map((r) => r.scanRuleId)).toContain(scanRuleId)

    const updated = await t.call('updateScanRule', { ...body, scanRuleId, ruleName: 'renamed over the wire', scanScope: 'NAMESPACE', repoNames: [] })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)
    expect((await t.call('getScanRule', { instanceId: DEMO_INSTANCE_ID, scanRuleId })).body).toMatchObject({ ruleName: 'renamed over the wire', scanScope: 'NAMESPACE', repoNames: [] })
    const preview = await t.call('previewScanRule', { instanceId: acrInstanceId, scanScope: 'INSTANCE', repoTagFilterPattern: '.*' })
    expect(preview.body).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED' })

    expect((await t.call('deleteScanRule', { instanceId: acrInstanceId, scanRuleId })).status).toBe(200)
    expect((await t.call('getScanRule', { instanceId: DEMO_INSTANCE_ID, scanRuleId })).body).toMatchObject({ code: 'SCAN_RULE_NOT_EXIST' })
    const again = await t.call('deleteScanRule', { instanceId: acrInstanceId, scanRuleId })
    expect(again.status).toBe(404)
    expect(again.body).toMatchObject({ code: 'SCAN_RULE_NOT_EXIST' })
  })
})
