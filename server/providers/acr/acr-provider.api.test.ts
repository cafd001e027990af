import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoIdOf, waitForStatus } from '../../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../../testing/test-app'
import { bindProviders, createProviderRegistry } from '../provider-registry'
import { ACR_DIGEST_HEX, ACR_INSTANCE_ID, ACR_REGION } from './testing/acr-fixtures'
import { startFakeAcr, type FakeAcr } from './testing/fake-acr'

const KEY_ID = 'LTAI5tTestKeyId0001'
const KEY_SECRET = 'fake-acr-secret-0123456789abcdef'

let t: TestApp
let acr: FakeAcr
let instanceId: string

beforeAll(async () => {
  t = await startTestApp()
  acr = await startFakeAcr({ [KEY_ID]: KEY_SECRET })
  // Short retry budget and polls, so fault tests take a second, not minutes.
  bindProviders(t.db, createProviderRegistry({ acr: { envAccessKey: null, timing: { requestTimeoutMs: 10_000, retryBudgetMs: 1_500, retryBaseMs: 50 }, scanPollMs: 50, scanTimeoutMs: 15_000 } }))
})
afterAll(async () => {
  await t.close()
  await acr.close()
})

const connection = (over: Record<string, unknown> = {}) => ({ kind: 'ACR', regionId: ACR_REGION, acrInstanceId: ACR_INSTANCE_ID, accessKeyId: KEY_ID, accessKeySecret: KEY_SECRET, endpoint: acr.endpoint, ...over })

describe('ACR provider against a fake OpenAPI', () => {
  it('tests the connection through signed GetInstance and ListRepository', async () => {
    const res = await t.call('testInstanceConnection', connection())
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ ok: true, repositoryCount: 1 })
    expect(String(res.body.message)).toContain('prod-registry')
  })

  it('names bad credentials: an unknown AccessKey ID, and a wrong secret', async () => {
    const unknown = await t.call('testInstanceConnection', connection({ accessKeyId: 'LTAIunknown' }))
    expect(unknown.body).toMatchObject({ ok: false, code: 'REGISTRY_AUTH_FAILED', stage: 'auth', field: 'accessKeyId' })
    expect(String(unknown.body.message)).toContain('InvalidAccessKeyId.NotFound')
    const wrong = await t.call('testInstanceConnection', connection({ accessKeySecret: 'not-the-secret' }))
    expect(wrong.body).toMatchObject({ ok: false, code: 'REGISTRY_AUTH_FAILED', stage: 'auth', field: 'accessKeySecret' })
    expect(String(wrong.body.message)).toContain('SignatureDoesNotMatch')
    // Nothing of the secret comes back.
    expect(JSON.stringify(wrong.body)).not.toContain('not-the-secret')
  })

  it('refuses to add an instance whose credentials fail, and stores nothing', async () => {
    const res = await t.call('createInstance', { ...connection({ accessKeySecret: 'wrong-secret' }), instanceName: 'bad acr' })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 'REGISTRY_AUTH_FAILED' })
    expect((await t.call('listInstance', { instanceName: 'bad acr' })).body.totalCount).toBe(0)
  })

  it('adds the instance and indexes its repositories and tags through ListRepository and ListRepoTag', async () => {
    const created = await t.call('createInstance', { ...connection(), instanceName: 'acr prod' })
    expect(created.status).toBe(200)
    expect(created.body).toMatchObject({ provider: 'acr', kind: 'ACR', regionId: ACR_REGION, upstreamInstanceId: ACR_INSTANCE_ID, credentialSource: 'STORED', hasPassword: true, username: null })
    expect(JSON.stringify(created.body)).not.toContain(KEY_SECRET)
    instanceId = created.body.instanceId
    await t.booted.sync.idle()
    expect((await t.call('getInstance', { instanceId })).body).toMatchObject({ syncStatus: 'READY', namespaceCount: 1, repoCount: 1, tagCount: 1 })
    const repoId = await repoIdOf(t, instanceId, 'team/app')
    const tags = await t.call('listRepoTag', { instanceId, repoId })
    expect(tags.body.items).toEqual([expect.objectContaining({ tag: '1', digest: `sha256:${ACR_DIGEST_HEX}`, imageSize: 2_815_000 })])
  })

  it('scans upstream (Create, status polled to COMPLETE, results) and serves the results from our tables', async () => {
    const repoId = await repoIdOf(t, instanceId, 'team/app')
    const created = await t.call('createRepoTagScanTask', { instanceId, repoId, tag: '1', scanService: 'SAS_SCAN_SERVICE' })
    expect(created.status).toBe(200)
    await waitForStatus(t, created.body.scanTaskId, ['COMPLETE'], { timeoutMs: 15_000 })
    expect(acr.calls).toEqual(expect.arrayContaining(['CreateRepoTagScanTask', 'GetRepoTagScanStatus', 'ListRepoTagScanResult', 'ListScanBaselineByTask', 'ListScanMaliciousFileByTask']))
    const vulns = await t.call('listRepoTagScanResult', { scanTaskId: created.body.scanTaskId })
    expect(vulns.status).toBe(200)
    expect(vulns.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ cveName: 'CVE-2009-5155', feature: 'eglibc', version: '2.19-6.9', versionFixed: '2.19-18+deb8u5', versionFormat: 'dpkg', severity: 'Medium', scanType: 'cve' }),
        expect.objectContaining({ cveName: 'CVE-2021-23337', feature: 'lodash', severity: 'High', scanType: 'sca' }),
        // ACR writes Trivy's dotnet-core for a .deps.json package; it is a NuGet finding here, not a note.
        expect.objectContaining({
          cveName: 'GHSA-5crp-9r3c-p9vr',
          feature: 'Newtonsoft.Json',
          version: '12.0.3',
          versionFixed: '13.0.1',
          versionFormat: 'nuget',
          severity: 'High',
          scanType: 'sca',
          fixCmd: 'dotnet add package Newtonsoft.Json --version 13.0.1',
          cveLocation: '/app/WebApp.deps.json',
        }),
      ]),
    )
    expect(vulns.body.totalCount).toBe(3)
    const report = await t.call('getImageReport', { scanTaskId: created.body.scanTaskId, components: false })
    expect(report.body.scanNotes.map((n) => n.code)).toContain('upstream-scan')
    expect(report.body.scanNotes.map((n) => n.code)).not.toContain('unknown-package-format')
    const plan = await t.call('getScanFixPlan', { scanTaskId: created.body.scanTaskId })
    expect(plan.body.upgrades).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Newtonsoft.Json', manager: 'dotnet', targetVersion: '13.0.1' })]))
    expect(plan.body.dockerfile).toContain('# .NET (NuGet): rebuild the application with Newtonsoft.Json 13.0.1')
    const baseline = await t.call('listScanBaselineByTask', { scanTaskId: created.body.scanTaskId })
    expect(baseline.body.items).toEqual([expect.objectContaining({ baselineNameKey: 'ak_leak', baselineNameLevel: 'high' })])
    const malicious = await t.call('listScanMaliciousFileByTask', { scanTaskId: created.body.scanTaskId })
    expect(malicious.body.items).toEqual([expect.objectContaining({ filePath: '/var/www/html/shell.php', level: 'remind', maliciousMd5: '44d88612fea8a8f36de82e1278abb02f' })])
  })

  it('keeps the scan rules of an ACR instance in ACR: create, get, list, update, run and delete go upstream', async () => {
    const body = { instanceId, ruleName: 'prod tags', scanScope: 'REPO', triggerType: 'AUTO', scanType: 'VUL', repoTagFilterPattern: '1|prod-.*', namespaces: ['team'], repoNames: ['app', 'gone'] }
    const created = await t.call('createScanRule', body)
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    const scanRuleId = created.body.scanRuleId
    const upstream = acr.rules.get(scanRuleId)
    // ACR got the rule, with the lists as it takes them; our own table did not.
    expect(upstream).toMatchObject({ RuleName: 'prod tags', ScanScope: 'REPO', TriggerType: 'AUTO', ScanType: 'VUL', RepoTagFilterPattern: '1|prod-.*', Namespaces: ['team'], RepoNames: ['app', 'gone'] })
    expect(await t.db.selectFrom('scan_rules').select('id').where('instance_id', '=', instanceId).execute()).toEqual([])
    // Every field the rule page shows survives the round trip, with our instance id.
    const got = await t.call('getScanRule', { instanceId, scanRuleId })
    expect(got.status).toBe(200)
    expect(got.body).toEqual({
      scanRuleId,
      instanceId,
      ruleName: 'prod tags',
      scanScope: 'REPO',
      triggerType: 'AUTO',
      scanType: 'VUL',
      repoTagFilterPattern: '1|prod-.*',
      namespaces: ['team'],
      repoNames: ['app', 'gone'],
      rescanOnAdvisoryUpdate: false,
      createTime: upstream?.CreateTime,
      updateTime: upstream?.UpdateTime,
      unknownNamespaces: [],
      unknownRepos: ['gone'],
    })
    const sbom = await t.call('createScanRule', { ...body, ruleName: 'inventory', scanType: 'SBOM', scanScope: 'INSTANCE', namespaces: [], repoNames: [] })
    expect(sbom.status).toBe(200)
    const listed = await t.call('listScanRule', { instanceId })
    expect(listed.body).toMatchObject({ totalCount: 2 })
    expect(listed.body.items.map((r) => r.ruleName).sort()).toEqual(['inventory', 'prod tags'])
    expect((await t.call('listScanRule', { instanceId, scanType: 'SBOM' })).body.items.map((r) => r.ruleName)).toEqual(['inventory'])

    const updated = await t.call('updateScanRule', { ...body, scanRuleId, ruleName: 'renamed', triggerType: 'MANUAL', repoNames: ['app'] })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)
    expect((await t.call('getScanRule', { instanceId, scanRuleId })).body).toMatchObject({ ruleName: 'renamed', triggerType: 'MANUAL', repoNames: ['app'], unknownRepos: [] })
    const typeChange = await t.call('updateScanRule', { ...body, scanRuleId, scanType: 'SBOM' })
    expect(typeChange.body).toMatchObject({ code: 'PARAM_INVALID' })

    // Run now reads the rule from ACR and queues our tasks, which then scan upstream.
    const run = await t.call('runScanRule', { instanceId, scanRuleId })
    expect(run.body).toEqual({ queued: 1, existing: 0 })
    const tasks = await t.call('listScanTask', { instanceId, pageSize: 100 })
    for (const task of tasks.body.items) await waitForStatus(t, task.scanTaskId, ['COMPLETE'], { timeoutMs: 15_000 })

    expect((await t.call('deleteScanRule', { instanceId, scanRuleId })).status).toBe(200)
    expect(acr.rules.has(scanRuleId)).toBe(false)
    const gone = await t.call('getScanRule', { instanceId, scanRuleId })
    expect(gone.status).toBe(404)
    expect(gone.body).toMatchObject({ code: 'SCAN_RULE_NOT_EXIST' })
  })

  it('refuses what ACR rules lack: a preview of matches, and advisory rescans', async () => {
    const instance = await t.call('getInstance', { instanceId })
    expect(instance.body.unsupportedOperations).toEqual(expect.arrayContaining([expect.objectContaining({ operation: 'previewScanRule' })]))
    const preview = await t.call('previewScanRule', { instanceId, scanScope: 'INSTANCE', repoTagFilterPattern: '.*' })
    expect(preview.status).toBe(501)
    expect(preview.body).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED' })
    const rescan = await t.call('createScanRule', { instanceId, ruleName: 'rescan', scanScope: 'INSTANCE', triggerType: 'AUTO', repoTagFilterPattern: '.*', rescanOnAdvisoryUpdate: true })
    expect(rescan.status).toBe(501)
    expect(rescan.body).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED' })
    expect([...acr.rules.values()].map((r) => r.RuleName)).not.toContain('rescan')
  })

  it('retries a throttled call and succeeds', async () => {
    acr.faults.throttle = 2
    const res = await t.call('testInstanceConnection', connection())
    expect(res.body).toMatchObject({ ok: true })
    expect(acr.faults.throttle).toBe(0)
  })

  it('gives up on 5xx beyond the retry budget with a clear error, in bounded time', async () => {
    acr.faults.unavailable = 1_000
    const started = Date.now()
    const res = await t.call('testInstanceConnection', connection())
    const took = Date.now() - started
    acr.faults.unavailable = 0
    expect(res.body).toMatchObject({ ok: false, code: 'REGISTRY_ERROR' })
    expect(String(res.body.message)).toMatch(/ServiceUnavailable, HTTP 503.*|after \d+ attempts/)
    expect(took).toBeLessThan(5_000)
  })

  it('says throttled when throttling outlasts the budget', async () => {
    acr.faults.throttle = 1_000
    const res = await t.call('testInstanceConnection', connection())
    acr.faults.throttle = 0
    expect(res.body).toMatchObject({ ok: false, code: 'UPSTREAM_THROTTLED', stage: 'throttled' })
    expect(String(res.body.message)).toContain('Throttling.User')
  })

})
