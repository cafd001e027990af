import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoIdOf, waitForStatus } from '../../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../../testing/test-app'
import { bindProviders, createProviderRegistry } from '../provider-registry'
import { startFakeCentral, type FakeCentral } from './testing/fake-central'
import { STACKROX_DIGEST, STACKROX_IMAGE_NAME } from './testing/storage-image-fixture'

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.fake-central-token'

let t: TestApp
let central: FakeCentral
let instanceId: string

beforeAll(async () => {
  t = await startTestApp()
  central = await startFakeCentral(TOKEN)
  bindProviders(t.db, createProviderRegistry({ stackrox: { timing: { requestTimeoutMs: 2_000, retryBudgetMs: 1_500, retryBaseMs: 50 } } }))
})
afterAll(async () => {
  await t.close()
  await central.close()
})

const connection = (over: Record<string, unknown> = {}) => ({ kind: 'STACKROX', url: central.url, apiToken: TOKEN, ...over })

describe('StackRox provider against a fake Central', () => {
  it('tests the connection, and names a refused token', async () => {
    expect((await t.call('testInstanceConnection', connection())).body).toMatchObject({ ok: true })
    const bad = await t.call('testInstanceConnection', connection({ apiToken: 'revoked-token' }))
    expect(bad.body).toMatchObject({ ok: false, code: 'REGISTRY_AUTH_FAILED', stage: 'auth', field: 'apiToken' })
    expect(String(bad.body.message)).toContain('HTTP 401')
    expect(JSON.stringify(bad.body)).not.toContain('revoked-token')
  })

  it('adds the instance and indexes the images Central knows', async () => {
    const created = await t.call('createInstance', { ...connection({ cluster: 'prod-cluster' }), instanceName: 'central' })
    expect(created.status).toBe(200)
    expect(created.body).toMatchObject({ provider: 'stackrox', kind: 'STACKROX', cluster: 'prod-cluster', hasPassword: true })
    expect(created.body.unsupportedOperations.map((o) => o.operation)).toEqual(['listScanBaselineByTask', 'listScanMaliciousFileByTask'])
    expect(JSON.stringify(created.body)).not.toContain(TOKEN)
    instanceId = created.body.instanceId
    await t.booted.sync.idle()
    expect((await t.call('getInstance', { instanceId })).body).toMatchObject({ syncStatus: 'READY', repoCount: 1, tagCount: 1 })
    const repoId = await repoIdOf(t, instanceId, STACKROX_IMAGE_NAME)
    const tags = await t.call('listRepoTag', { instanceId, repoId })
    expect(tags.body.items).toEqual([expect.objectContaining({ tag: '1.4', digest: STACKROX_DIGEST, layerCount: 2 })])
  })

  it('scans through POST /v1/images/scan by digest and serves the mapped results', async () => {
    const repoId = await repoIdOf(t, instanceId, STACKROX_IMAGE_NAME)
    const created = await t.call('createRepoTagScanTask', { instanceId, repoId, tag: '1.4' })
    expect(created.status).toBe(200)
    await waitForStatus(t, created.body.scanTaskId, ['COMPLETE'], { timeoutMs: 15_000 })
    expect(central.scanRequests).toEqual([{ imageName: `${STACKROX_IMAGE_NAME}@${STACKROX_DIGEST}`, force: true, includeSnoozed: true, cluster: 'prod-cluster' }])
    const vulns = await t.call('listRepoTagScanResult', { scanTaskId: created.body.scanTaskId })
    // The DEFERRED CVE-2016-10228 is not a finding.
    expect(vulns.body.items.map((v) => ('cveName' in v ? v.cveName : '')).sort()).toEqual(['CVE-2009-5155', 'CVE-2020-1108', 'CVE-2021-44832'])
    const byCve = new Map(vulns.body.items.map((v) => ['cveName' in v ? v.cveName : '', v]))
    expect(byCve.get('CVE-2009-5155')).toMatchObject({ severity: 'High', versionFormat: 'dpkg', cvssScore: 7.5, cvssV3: { attackVector: 'NETWORK', availability: 'HIGH' } })
    expect(byCve.get('CVE-2021-44832')).toMatchObject({ severity: 'Medium', versionFormat: 'maven', versionFixed: '2.17.1', cvssV2: { accessComplexity: 'MEDIUM' } })
    // The .NET runtime (DOTNETCORERUNTIME) is a NuGet package here, shown, not left in a note.
    expect(byCve.get('CVE-2020-1108')).toMatchObject({ severity: 'High', feature: 'microsoft.netcore.app', version: '3.1.2', versionFormat: 'nuget', versionFixed: '3.1.4', scanType: 'sca' })
    const report = await t.call('getImageReport', { scanTaskId: created.body.scanTaskId })
    expect(report.body.scanNotes.map((n) => n.code)).toEqual(expect.arrayContaining(['upstream-scan', 'upstream-vulnerability-state']))
    expect(report.body.scanNotes.map((n) => n.code)).not.toContain('unknown-package-format')
  })

  it('answers OPERATION_NOT_SUPPORTED for what Central lacks: baseline and malicious files, SAS scans', async () => {
    const baseline = await t.call('listScanBaselineByTask', { instanceId, repoId: await repoIdOf(t, instanceId, STACKROX_IMAGE_NAME), tag: '1.4' })
    expect(baseline.status).toBe(501)
    expect(baseline.body).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED' })
    expect(String(baseline.body.message)).toContain('baseline')
    const repoId = await repoIdOf(t, instanceId, STACKROX_IMAGE_NAME)
    const sas = await t.call('createRepoTagScanTask', { instanceId, repoId, tag: '1.4', scanService: 'SAS_SCAN_SERVICE' })
    expect(sas.status).toBe(501)
    expect(sas.body).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED' })
  })

  it('retries 429 and then succeeds; gives up on 5xx past the budget with a clear error in bounded time', async () => {
    central.faults.throttle = 2
    expect((await t.call('testInstanceConnection', connection())).body).toMatchObject({ ok: true })
    central.faults.unavailable = 1_000
    const started = Date.now()
    const res = await t.call('testInstanceConnection', connection())
    central.faults.unavailable = 0
    expect(res.body).toMatchObject({ ok: false, code: 'REGISTRY_ERROR', stage: 'registry' })
    expect(String(res.body.message)).toMatch(/HTTP 503.*/)
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
