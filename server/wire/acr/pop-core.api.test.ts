import RPCClient from '@alicloud/pop-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { VulnerabilityItem } from '@contract/scans'
import { DEMO_INSTANCE_ID } from '../../demo/demo-instance'
import { repoIdOf, waitForInstanceScans, waitForStatus } from '../../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../../testing/test-app'
import { startWireServer, type WireServer } from '../testing/wire-server'

/**
 * The ACR endpoint spoken to by `@alicloud/pop-core`'s RPCClient, a client nobody here
 * wrote: it signs (HMAC-SHA1), sends GET query strings and POST form bodies, and throws
 * on any Code it does not count as success. Every Action's answer is checked against
 * the /api/v1 operation's answer to the same question over the demo's scanned images.
 */
const ACCESS_KEY_ID = 'LTAIlayerscopetest'
const ACCESS_KEY_SECRET = 'pop-core-test-secret-0123456789'
const instanceId = DEMO_INSTANCE_ID

let t: TestApp
let wire: WireServer
let client: RPCClient
const repos: Record<string, string> = {}

interface AcrBody extends Record<string, unknown> {
  RequestId: string
  Code: string | number
}

const call = (action: string, params: Record<string, unknown> = {}, method: 'GET' | 'POST' = 'GET') =>
  client.request<AcrBody & Record<string, never>>(action, params, method === 'POST' ? { method: 'POST' } : {})

async function acrError(promise: Promise<unknown>): Promise<{ code: string; data: Record<string, unknown> }> {
  try {
    await promise
  } catch (err) {
    const e = err as { code?: string; data?: Record<string, unknown> }
    return { code: String(e.code), data: e.data ?? {} }
  }
  throw new Error('expected the call to fail')
}

async function local<T>(name: Parameters<TestApp['call']>[0], input: Record<string, unknown>): Promise<T> {
  const res = await t.call(name, input)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body as T
}

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  await waitForInstanceScans(t, instanceId, { atLeast: 5 })
  for (const name of ['demo/ubuntu-web', 'demo/shop-app']) repos[name] = await repoIdOf(t, instanceId, name)
  wire = await startWireServer(t, { acr: { accessKeys: new Map([[ACCESS_KEY_ID, ACCESS_KEY_SECRET]]) } })
  // An endpoint with a path: pop-core requests `<endpoint>/?…` and signs path `/` regardless.
  client = new RPCClient({ endpoint: `${wire.origin}/acr`, apiVersion: '2018-12-01', accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET })
})
afterAll(async () => {
  await wire.close()
  await t.close()
})

const shop = () => ({ InstanceId: instanceId, RepoId: repos['demo/shop-app'], Tag: '1.0.0' })

describe('browse Actions', () => {
  it('ListInstance and GetInstance', async () => {
    const list = await call('ListInstance', { PageSize: 10 }, 'POST')
    const mine = await local<{ items: { instanceId: string; instanceName: string; createTime: number }[]; totalCount: number }>('listInstance', { pageSize: 10 })
    expect(list).toMatchObject({ Code: 'success', IsSuccess: true, TotalCount: mine.totalCount, PageNo: 1, PageSize: 10 })
    expect(list.RequestId).toMatch(/^[0-9A-F-]{36}$/)
    expect(list.Instances).toEqual(mine.items.map((i): unknown => expect.objectContaining({ InstanceId: i.instanceId, InstanceName: i.instanceName, CreateTime: String(i.createTime) })))
    const get = await call('GetInstance', { InstanceId: instanceId })
    expect(get).toMatchObject({ InstanceId: instanceId, InstanceName: 'demo', InstanceStatus: 'RUNNING', CreateTime: mine.items[0]?.createTime })
    expect((await call('ListInstance', { InstanceStatus: 'STOPPED' })).TotalCount).toBe(0)
  })

  it('ListNamespace, ListRepository and GetRepository, with TotalCount as a string', async () => {
    const ns = await call('ListNamespace', { InstanceId: instanceId })
    const myNs = await local<{ items: { namespaceName: string }[]; totalCount: number }>('listNamespace', { instanceId })
    expect(ns.TotalCount).toBe(String(myNs.totalCount))
    expect(ns.Namespaces).toEqual(myNs.items.map((n) => ({ NamespaceName: n.namespaceName, NamespaceStatus: 'NORMAL', InstanceId: instanceId })))

    const list = await call('ListRepository', { InstanceId: instanceId, RepoNamespaceName: 'demo', PageSize: 100 })
    const mine = await local<{ items: { repoId: string; repoName: string }[]; totalCount: number }>('listRepository', { instanceId, repoNamespaceName: 'demo', pageSize: 100 })
    expect(list.TotalCount).toBe(String(mine.totalCount))
    expect(list.Repositories).toEqual(mine.items.map((r): unknown => expect.objectContaining({ RepoId: r.repoId, RepoName: r.repoName, RepoNamespaceName: 'demo', RepoStatus: 'NORMAL' })))

    const byId = await call('GetRepository', { InstanceId: instanceId, RepoId: repos['demo/shop-app'] })
    const byName = await call('GetRepository', { InstanceId: instanceId, RepoNamespaceName: 'demo', RepoName: 'shop-app' })
    expect(byName).toMatchObject({ RepoId: repos['demo/shop-app'], RepoName: 'shop-app' })
    expect({ ...byId, RequestId: '' }).toEqual({ ...byName, RequestId: '' })
  })

  it('ListRepoTag: digests without sha256:, times as strings', async () => {
    const tags = await call('ListRepoTag', { InstanceId: instanceId, RepoId: repos['demo/shop-app'] })
    const mine = await local<{ items: { tag: string; digest: string; pushTime: number; imageSize: number }[]; totalCount: number }>('listRepoTag', {
      instanceId,
      repoId: repos['demo/shop-app'],
    })
    expect(tags.TotalCount).toBe(String(mine.totalCount))
    expect(tags.Images).toEqual(
      mine.items.map((i): unknown => expect.objectContaining({ Tag: i.tag, Digest: i.digest.replace('sha256:', ''), ImageSize: i.imageSize, ImageUpdate: String(i.pushTime) })),
    )
  })

  it('GetRepoTag (GET, as the SDK sends it): one tag, flat, times as numbers; an unknown tag is TAG_NOT_EXIST in-band', async () => {
    const mine = await local<{ tag: string; digest: string; pushTime: number; imageCreate: number | null; imageSize: number }>('getRepoTag', { instanceId, repoId: repos['demo/shop-app'], tag: '1.0.0' })
    const tag = await call('GetRepoTag', shop())
    expect(tag).toMatchObject({
      Code: 'success',
      IsSuccess: true,
      Tag: '1.0.0',
      Digest: mine.digest.replace('sha256:', ''),
      ImageSize: mine.imageSize,
      Status: 'NORMAL',
      ImageCreate: mine.imageCreate ?? mine.pushTime,
      ImageUpdate: mine.pushTime,
    })
    expect(await call('GetRepoTag', shop(), 'POST')).toMatchObject({ Tag: '1.0.0', ImageUpdate: mine.pushTime })
    const missing = await acrError(call('GetRepoTag', { ...shop(), Tag: 'no-such-tag' }))
    expect(missing).toMatchObject({ code: 'TAG_NOT_EXIST', data: { IsSuccess: false } })
    expect((await acrError(call('GetRepoTag', { InstanceId: instanceId, RepoId: repos['demo/shop-app'] }))).code).toBe('MissingParameter')
  })
})

describe('scan Actions', () => {
  it('GetRepoTagScanStatus by tag, and by ScanTaskId in upper case', async () => {
    const status = await call('GetRepoTagScanStatus', shop(), 'POST')
    const mine = await local<{ scanTaskId: string; status: string }>('getRepoTagScanStatus', { instanceId, repoId: repos['demo/shop-app'], tag: '1.0.0' })
    expect(status).toMatchObject({ Code: 'success', IsSuccess: true, Status: 'COMPLETE', ScanService: 'SAS_SCAN_SERVICE', ScanTaskId: mine.scanTaskId })
    const byId = await call('GetRepoTagScanStatus', { InstanceId: instanceId, ScanTaskId: mine.scanTaskId.toUpperCase() })
    expect(byId.ScanTaskId).toBe(mine.scanTaskId)
  })

  it('GetRepoTagScanSummary: High includes Critical and the four buckets add up', async () => {
    const s = await call('GetRepoTagScanSummary', shop(), 'POST')
    const mine = await local<Record<string, number>>('getRepoTagScanSummary', { instanceId, repoId: repos['demo/shop-app'], tag: '1.0.0' })
    expect(mine.criticalSeverity).toBeGreaterThan(0)
    expect(s).toMatchObject({
      TotalSeverity: mine.totalSeverity,
      HighSeverity: (mine.criticalSeverity ?? 0) + (mine.highSeverity ?? 0),
      MediumSeverity: mine.mediumSeverity,
      LowSeverity: mine.lowSeverity,
      UnknownSeverity: mine.unknownSeverity,
    })
    expect(Number(s.HighSeverity) + Number(s.MediumSeverity) + Number(s.LowSeverity) + Number(s.UnknownSeverity)).toBe(s.TotalSeverity)
  })

  it('ListRepoTagScanResult: the same rows and order, pages, Severity=High and FilterValue=FixCmd', async () => {
    const target = { instanceId, repoId: repos['demo/shop-app'], tag: '1.0.0' }
    const all = await call('ListRepoTagScanResult', { ...shop(), PageSize: 100 }, 'POST')
    const mine = await local<{ items: VulnerabilityItem[]; totalCount: number }>('listRepoTagScanResult', { ...target, pageSize: 100 })
    expect(all).toMatchObject({ TotalCount: mine.totalCount, PageNo: 1, PageSize: 100 })
    const rows = all.Vulnerabilities as unknown as Record<string, string>[]
    expect(rows.map((v) => `${v.CveName} ${v.Feature}`)).toEqual(mine.items.map((v) => `${v.cveName} ${v.feature}`))
    const log4shell = rows.find((v) => v.CveName === 'CVE-2021-44228')
    expect(log4shell).toMatchObject({ Severity: 'High', Feature: 'log4j-core', VersionFixed: '2.15.0', VersionFormat: 'maven', ScanType: 'sca' })

    const page2 = await call('ListRepoTagScanResult', { ...shop(), PageNo: 2, PageSize: 5 })
    const myPage2 = await local<{ items: VulnerabilityItem[] }>('listRepoTagScanResult', { ...target, pageNo: 2, pageSize: 5 })
    expect((page2.Vulnerabilities as unknown as Record<string, string>[]).map((v) => v.CveName)).toEqual(myPage2.items.map((v) => v.cveName))

    const summary = await call('GetRepoTagScanSummary', shop())
    const high = await call('ListRepoTagScanResult', { ...shop(), Severity: 'High', PageSize: 100 })
    expect(high.TotalCount).toBe(summary.HighSeverity)

    const fix = await call('ListRepoTagScanResult', { ...shop(), FilterValue: 'FixCmd', PageSize: 100 })
    expect(fix.Vulnerabilities).toEqual(mine.items.map((v) => (v.fixCmd ? { FixCmd: v.fixCmd } : {})))
  })

  it('ListScanBaselineByTask and ListScanMaliciousFileByTask answer a numeric Code and the same findings', async () => {
    const target = { instanceId, repoId: repos['demo/shop-app'], tag: '1.0.0' }
    const baseline = await call('ListScanBaselineByTask', { ...shop(), PageSize: 100 })
    const myBaseline = await local<{ items: { baselineNameKey: string; baselineNameLevel: string }[]; totalCount: number }>('listScanBaselineByTask', { ...target, pageSize: 100 })
    expect(myBaseline.totalCount).toBeGreaterThan(0)
    expect(baseline).toMatchObject({ Code: 200, IsSuccess: true, TotalCount: myBaseline.totalCount })
    expect((baseline.ScanBaselines as unknown as Record<string, string>[]).map((b) => `${b.BaselineNameKey} ${b.BaselineNameLevel}`)).toEqual(
      myBaseline.items.map((b) => `${b.baselineNameKey} ${b.baselineNameLevel}`),
    )
    const highOnly = await call('ListScanBaselineByTask', { ...shop(), Level: 'High', PageSize: 100 })
    expect(highOnly.TotalCount).toBe(myBaseline.items.filter((b) => b.baselineNameLevel === 'high').length)

    const malicious = await call('ListScanMaliciousFileByTask', { ...shop(), PageSize: 100 })
    const myMalicious = await local<{ items: { filePath: string; level: string }[]; totalCount: number }>('listScanMaliciousFileByTask', { ...target, pageSize: 100 })
    expect(myMalicious.totalCount).toBeGreaterThan(0)
    expect(malicious).toMatchObject({ Code: 200, TotalCount: myMalicious.totalCount })
    expect((malicious.ScanMaliciousFiles as unknown as Record<string, string>[]).map((m) => `${m.FilePath} ${m.Level}`)).toEqual(
      myMalicious.items.map((m) => `${m.filePath} ${m.level}`),
    )
  })

  it('CreateRepoTagScanTask queues a scan the status Action then follows', async () => {
    const created = await call('CreateRepoTagScanTask', { InstanceId: instanceId, RepoId: repos['demo/ubuntu-web'], Tag: '22.04', ScanService: 'ACR_SCAN_SERVICE' }, 'POST')
    expect(created).toMatchObject({ Code: 'success', IsSuccess: true })
    const scanTaskId = String(created.ScanTaskId)
    const done = await waitForStatus(t, scanTaskId, ['COMPLETE'])
    expect(done).toMatchObject({ scanService: 'ACR_SCAN_SERVICE', repoId: repos['demo/ubuntu-web'] })
    const status = await call('GetRepoTagScanStatus', { InstanceId: instanceId, ScanTaskId: scanTaskId })
    expect(status).toMatchObject({ Status: 'COMPLETE', ScanService: 'ACR_SCAN_SERVICE' })
  })
})

describe('scan rule Actions', () => {
  it('create, get, list, update and delete a rule, with Namespaces and RepoNames as JSON strings', async () => {
    const created = await call(
      'CreateScanRule',
      {
        InstanceId: instanceId,
        RuleName: 'pop-core rule',
        ScanScope: 'REPO',
        TriggerType: 'MANUAL',
        ScanType: 'VUL',
        RepoTagFilterPattern: '1\\..*',
        Namespaces: JSON.stringify(['demo']),
        RepoNames: JSON.stringify(['shop-app', 'ubuntu-web']),
      },
      'POST',
    )
    expect(created).toMatchObject({ Code: 200 })
    expect(created).not.toHaveProperty('IsSuccess')
    const scanRuleId = String(created.ScanRuleId)

    const got = await call('GetScanRule', { InstanceId: instanceId, ScanRuleId: scanRuleId }, 'POST')
    const mine = await local<Record<string, unknown>>('getScanRule', { instanceId, scanRuleId })
    expect(got.ScanRule).toEqual({
      ScanRuleId: scanRuleId,
      InstanceId: instanceId,
      RuleName: 'pop-core rule',
      ScanScope: 'REPO',
      TriggerType: 'MANUAL',
      ScanType: 'VUL',
      RepoTagFilterPattern: '1\\..*',
      Namespaces: ['demo'],
      RepoNames: ['shop-app', 'ubuntu-web'],
      CreateTime: mine.createTime,
      UpdateTime: mine.updateTime,
    })

    const list = await call('ListScanRule', { InstanceId: instanceId })
    const myList = await local<{ items: { scanRuleId: string }[]; totalCount: number }>('listScanRule', { instanceId, scanType: 'VUL' })
    expect(list).toMatchObject({ TotalCount: myList.totalCount, PageNo: 1, PageSize: 30 })
    expect((list.ScanRules as unknown as Record<string, string>[]).map((r) => r.ScanRuleId)).toEqual(myList.items.map((r) => r.scanRuleId))
    expect((list.ScanRules as unknown as Record<string, unknown>[])[0]).not.toHaveProperty('InstanceId')

    const updated = await call(
      'UpdateScanRule',
      { InstanceId: instanceId, ScanRuleId: scanRuleId, RuleName: 'pop-core rule 2', ScanScope: 'NAMESPACE', TriggerType: 'AUTO', RepoTagFilterPattern: '.*', Namespaces: '["demo"]' },
      'POST',
    )
    expect(updated).toMatchObject({ Code: 200, ScanRuleId: scanRuleId })
    expect(await local('getScanRule', { instanceId, scanRuleId })).toMatchObject({ ruleName: 'pop-core rule 2', scanScope: 'NAMESPACE', triggerType: 'AUTO', repoNames: [] })

    const deleted = await call('DeleteScanRule', { InstanceId: instanceId, ScanRuleId: scanRuleId }, 'POST')
    expect(deleted).toMatchObject({ Code: 'success' })
    expect(deleted).not.toHaveProperty('IsSuccess')
    const gone = await acrError(call('GetScanRule', { InstanceId: instanceId, ScanRuleId: scanRuleId }))
    expect(gone.code).toBe('SCAN_RULE_NOT_EXIST')
    expect(gone.data).toMatchObject({ IsSuccess: false })
  })

  it('a rule that breaks ACR’s scope rules is refused and not written', async () => {
    const before = await local<{ totalCount: number }>('listScanRule', { instanceId })
    const err = await acrError(
      call('CreateScanRule', { InstanceId: instanceId, RuleName: 'bad', ScanScope: 'REPO', TriggerType: 'AUTO', RepoTagFilterPattern: '.*', Namespaces: '["a","b"]' }, 'POST'),
    )
    expect(err.code).toBe('InvalidParameter')
    expect(err.data.Message).toMatch(/Namespaces/)
    expect((await local<{ totalCount: number }>('listScanRule', { instanceId })).totalCount).toBe(before.totalCount)
  })
})

describe('errors', () => {
  it('a wrong secret is SignatureDoesNotMatch', async () => {
    const wrong = new RPCClient({ endpoint: `${wire.origin}/acr`, apiVersion: '2018-12-01', accessKeyId: ACCESS_KEY_ID, accessKeySecret: 'not-the-secret-at-all-0123456' })
    const err = await acrError(wrong.request('ListInstance', {}))
    expect(err.code).toBe('SignatureDoesNotMatch')
    expect(JSON.stringify(err.data)).not.toContain(ACCESS_KEY_SECRET)
  })

  it('an unknown access key is InvalidAccessKeyId.NotFound', async () => {
    const stranger = new RPCClient({ endpoint: `${wire.origin}/acr`, apiVersion: '2018-12-01', accessKeyId: 'LTAIstranger', accessKeySecret: ACCESS_KEY_SECRET })
    expect((await acrError(stranger.request('ListInstance', {}))).code).toBe('InvalidAccessKeyId.NotFound')
  })

  it('bad and missing parameters are InvalidParameter and MissingParameter, naming the parameter', async () => {
    const big = await acrError(call('ListRepoTagScanResult', { ...shop(), PageSize: 1000 }))
    expect(big).toMatchObject({ code: 'InvalidParameter', data: { Message: 'The specified parameter "PageSize" is not valid: must be at most 100.' } })
    const missing = await acrError(call('GetInstance', {}))
    expect(missing).toMatchObject({ code: 'MissingParameter', data: { Message: expect.stringContaining('"InstanceId"') as unknown } })
    const badId = await acrError(call('GetRepoTagScanStatus', { InstanceId: instanceId, ScanTaskId: 'not-a-task' }))
    expect(badId.code).toBe('InvalidParameter')
  })

  it('an unknown scan task is SCAN_TASK_NOT_EXIST, an unknown instance INSTANCE_NOT_EXIST, in-band', async () => {
    const task = await acrError(call('GetRepoTagScanStatus', { InstanceId: instanceId, ScanTaskId: '00000000-0000-4000-8000-000000000000' }))
    expect(task).toMatchObject({ code: 'SCAN_TASK_NOT_EXIST', data: { IsSuccess: false } })
    const inst = await acrError(call('ListRepository', { InstanceId: 'cri-0000000000000000' }))
    expect(inst.code).toBe('INSTANCE_NOT_EXIST')
  })

  it('an unknown Action is InvalidAction.NotFound', async () => {
    expect((await acrError(call('DescribeRegions'))).code).toBe('InvalidAction.NotFound')
  })

  it('a request sent twice is refused the second time (SignatureNonceUsed)', async () => {
    const verbose = new RPCClient({ endpoint: `${wire.origin}/acr`, apiVersion: '2018-12-01', accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET })
    ;(verbose as unknown as { verbose: boolean }).verbose = true
    const [first, entry] = await verbose.request<[AcrBody, { url: string }]>('GetInstance', { InstanceId: instanceId })
    expect(first.InstanceId).toBe(instanceId)
    const replay = await fetch(entry.url)
    expect(replay.status).toBe(400)
    expect(await replay.json()).toMatchObject({ Code: 'SignatureNonceUsed' })
  })

  it('without configured keys the endpoint says it is disabled', async () => {
    const res = await t.request('/acr/?Action=ListInstance&Version=2018-12-01')
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ Code: 'ServiceUnavailable', Message: expect.stringContaining('ACR_WIRE_ACCESS_KEYS') as unknown })
  })
})
