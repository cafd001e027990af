import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImageReportView, ScanTask, VulnerabilityItem } from '@contract/scans'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { repoIdOf, waitForInstanceScans, waitForStatus } from '../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../testing/test-app'

/**
 * The scan operations over the demo instance: boot imports the bundled advisories and
 * queues a scan of every demo tag, the workers run them, and the results are read back
 * through every operation, filter, sort and page.
 */
let t: TestApp
const instanceId = DEMO_INSTANCE_ID
const repos: Record<string, string> = {}
let demoTasks: ScanTask[]

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  demoTasks = await waitForInstanceScans(t, instanceId, { atLeast: 5 })
  for (const name of ['demo/ubuntu-web', 'demo/legacy-api', 'demo/alpine-base', 'demo/shop-app']) repos[name] = await repoIdOf(t, instanceId, name)
})
afterAll(() => t.close())

const shop = () => ({ instanceId, repoId: repos['demo/shop-app'], tag: '1.0.0' })
const ubuntu = () => ({ instanceId, repoId: repos['demo/ubuntu-web'], tag: '22.04' })
const alpine = () => ({ instanceId, repoId: repos['demo/alpine-base'], tag: '3.18' })
const legacy = () => ({ instanceId, repoId: repos['demo/legacy-api'], tag: '2.3.1' })

async function allVulns(target: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<VulnerabilityItem[]> {
  const res = await t.call('listRepoTagScanResult', { ...target, ...extra, pageSize: 100 })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  expect(res.body.totalCount).toBeLessThanOrEqual(100)
  return res.body.items as VulnerabilityItem[]
}
const keyOf = (v: VulnerabilityItem) => `${v.cveName} ${v.feature}`

describe('the demo scans queued at boot', () => {
  it('imported the bundled advisories and scanned each demo image once, with SAS_SCAN_SERVICE', async () => {
    const count = await t.db.selectFrom('advisories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(47)
    // Seven tags, five images: 22.04/1.0 and 1.0.0/latest share digests and so share tasks.
    expect(demoTasks).toHaveLength(5)
    for (const task of demoTasks) {
      expect(task).toMatchObject({ status: 'COMPLETE', scanService: 'SAS_SCAN_SERVICE', attempts: 1, failureCode: null })
      expect(task.scanTaskId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(task.progress.layersDone).toBe(task.progress.layersTotal)
      expect(task.progress.layersTotal).toBeGreaterThan(0)
      expect(task.counts?.totalSeverity).toBeGreaterThan(0)
    }
  })

  it('answers the status of a tag through the image its digest names', async () => {
    const a = await t.call('getRepoTagScanStatus', ubuntu())
    const b = await t.call('getRepoTagScanStatus', { ...ubuntu(), tag: '1.0' })
    expect(a.status).toBe(200)
    expect(b.body.scanTaskId).toBe(a.body.scanTaskId)
    const tag = await t.call('getRepoTag', ubuntu())
    expect(a.body.digest).toBe(tag.body.digest)
    // The digest may be given with or without its sha256: prefix, as ACR's examples do.
    const bare = await t.call('getRepoTagScanStatus', { ...ubuntu(), digest: String(tag.body.digest).replace('sha256:', '') })
    expect(bare.body.scanTaskId).toBe(a.body.scanTaskId)
  })
})

describe('vulnerabilities of the demo images', () => {
  it('shop-app 1.0.0: log4j-core 2.14.1 has CVE-2021-44228, Critical, fixed by 2.15.0', async () => {
    const items = await allVulns(shop())
    const log4shell = items.find((v) => v.cveName === 'CVE-2021-44228')
    expect(log4shell).toMatchObject({
      severity: 'Critical',
      feature: 'log4j-core',
      version: '2.14.1',
      versionFixed: '2.15.0',
      versionFormat: 'maven',
      scanType: 'sca',
      fixCmd: 'update org.apache.logging.log4j:log4j-core to 2.15.0',
      cvssScore: 10,
    })
    expect(log4shell?.aliases).toContain('GHSA-jfh8-c2jp-5v3q')
    expect(log4shell?.cvssV3).toMatchObject({ baseScore: 10, attackVector: 'NETWORK', scope: 'CHANGED' })
    expect(log4shell?.addedBy).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(log4shell?.cveLink).toMatch(/^https:\/\//)
    expect(items.map(keyOf).sort()).toEqual(
      [
        'CVE-2020-36518 jackson-databind',
        'CVE-2022-42003 jackson-databind',
        'CVE-2021-44228 log4j-core',
        'CVE-2021-45046 log4j-core',
        'CVE-2021-45105 log4j-core',
        'CVE-2022-22965 spring-beans',
        'CVE-2020-28168 axios',
        'CVE-2024-29041 express',
        'CVE-2022-23539 jsonwebtoken',
        'CVE-2022-23541 jsonwebtoken',
        'CVE-2020-28500 lodash',
        'CVE-2022-24999 qs',
        'CVE-2025-26519 musl',
        'CVE-2025-26519 musl-utils',
        'CVE-2021-35042 Django',
        'CVE-2022-34265 Django',
        'CVE-2023-31047 Django',
        'CVE-2024-22195 Jinja2',
        'CVE-2020-28493 Jinja2',
        'CVE-2020-1747 PyYAML',
        'CVE-2018-18074 requests',
        'CVE-2023-32681 requests',
        'CVE-2023-43804 urllib3',
        'CVE-2023-45803 urllib3',
      ].sort(),
    )
    // minimist 1.2.5 is deleted by a whiteout in a later layer: not in the image, not reported.
    expect(items.some((v) => v.feature === 'minimist')).toBe(false)
  })

  it('ubuntu-web 22.04: curl CVE-2023-38545 is Critical in curl and libcurl4, fixed by 7.81.0-1ubuntu1.14', async () => {
    const items = await allVulns(ubuntu())
    expect(items).toHaveLength(24)
    const curl = items.filter((v) => v.cveName === 'CVE-2023-38545')
    expect(curl.map((v) => v.feature).sort()).toEqual(['curl', 'libcurl4'])
    for (const v of curl) {
      expect(v).toMatchObject({ severity: 'Critical', version: '7.81.0-1ubuntu1.13', versionFixed: '7.81.0-1ubuntu1.14', versionFormat: 'dpkg', scanType: 'cve' })
      expect(v.fixCmd).toBe(`apt-get install --only-upgrade ${v.feature}=7.81.0-1ubuntu1.14`)
    }
    expect(items.every((v) => v.scanType === 'cve')).toBe(true)
    expect(items.filter((v) => v.cveName === 'CVE-2023-4911').map((v) => v.feature).sort()).toEqual(['libc-bin', 'libc6'])
  })

  it('alpine-base 3.18: musl CVE-2025-26519, High, fixed by 1.2.4-r3', async () => {
    const items = await allVulns(alpine())
    expect(items.map(keyOf).sort()).toEqual(['CVE-2025-26519 musl', 'CVE-2025-26519 musl-utils'])
    expect(items[0]).toMatchObject({ severity: 'High', version: '1.2.4-r2', versionFixed: '1.2.4-r3', versionFormat: 'apk', fixCmd: expect.stringContaining('apk add --upgrade') as unknown })
  })

  it('legacy-api 2.3.1: bash, curl and openssl on Ubuntu 20.04', async () => {
    const items = await allVulns(legacy())
    expect(items).toHaveLength(13)
    expect(items.find((v) => v.feature === 'bash')).toMatchObject({ cveName: 'CVE-2019-18276', severity: 'Unknown', versionFixed: '5.0-6ubuntu1.2' })
    // The USN and the CVE record disagree on curl's fix for 20.04; the later one is kept.
    expect(items.find((v) => v.feature === 'curl' && v.cveName === 'CVE-2023-38545')).toMatchObject({ severity: 'Critical', versionFixed: '7.68.0-1ubuntu2.19' })
  })
})

describe('summary', () => {
  it.each([['shop'], ['ubuntu'], ['alpine'], ['legacy']])('%s: counts equal the list totals, per severity and in all', async (which) => {
    const target = { shop, ubuntu, alpine, legacy }[which as 'shop']()
    const summary = await t.call('getRepoTagScanSummary', target)
    expect(summary.status).toBe(200)
    const s = summary.body
    const all = await allVulns(target)
    expect(s.totalSeverity).toBe(all.length)
    expect(s.criticalSeverity + s.highSeverity + s.mediumSeverity + s.lowSeverity + s.unknownSeverity).toBe(s.totalSeverity)
    for (const [severity, count] of [
      ['Critical', s.criticalSeverity],
      ['High', s.highSeverity],
      ['Medium', s.mediumSeverity],
      ['Low', s.lowSeverity],
      ['Unknown', s.unknownSeverity],
    ] as const) {
      const res = await t.call('listRepoTagScanResult', { ...target, severity, pageSize: 1 })
      expect(res.body.totalCount, severity).toBe(count)
    }
    expect(s.fixableCount).toBe(all.filter((v) => v.versionFixed !== '').length)
    const baselineTotal = (await t.call('listScanBaselineByTask', { ...target, pageSize: 1 })).body.totalCount
    const maliciousTotal = (await t.call('listScanMaliciousFileByTask', { ...target, pageSize: 1 })).body.totalCount
    expect(s).toMatchObject({ scanService: 'SAS_SCAN_SERVICE', baselineCounts: { total: baselineTotal }, maliciousCounts: { total: maliciousTotal } })
    expect(s.componentCount).toBeGreaterThan(0)
  })

  it('counts shop-app: 3 Critical (log4j twice, spring-beans), no bucket folded into another', async () => {
    const s = (await t.call('getRepoTagScanSummary', shop())).body
    expect(s.criticalSeverity).toBe(3)
    expect(s.totalSeverity).toBe(24)
  })
})

describe('listRepoTagScanResult filters', () => {
  it('takes severities in any case, several at once', async () => {
    const a = await t.call('listRepoTagScanResult', { ...shop(), severity: 'critical' })
    const b = await t.call('listRepoTagScanResult', { ...shop(), severity: 'CRITICAL' })
    expect(a.body.totalCount).toBe(3)
    expect(b.body.items).toEqual(a.body.items)
    const both = await t.call('listRepoTagScanResult', { ...shop(), severity: ['Critical', 'high'] })
    const high = await t.call('listRepoTagScanResult', { ...shop(), severity: 'High' })
    expect(both.body.totalCount).toBe(3 + Number(high.body.totalCount))
    const comma = await t.call('listRepoTagScanResult', { ...shop(), severity: 'Critical,High' })
    expect(comma.body.totalCount).toBe(both.body.totalCount)
  })

  it('splits by scanType: cve (OS) + sca (application) = all', async () => {
    const cve = await allVulns(shop(), { scanType: 'cve' })
    const sca = await allVulns(shop(), { scanType: 'SCA' })
    expect(cve.map((v) => v.feature).sort()).toEqual(['musl', 'musl-utils'])
    expect(cve.length + sca.length).toBe(24)
    expect(sca.every((v) => v.scanType === 'sca')).toBe(true)
  })

  it('searches CVE ids, aliases, packages and descriptions case-insensitively', async () => {
    // CVE-2021-45046's description names CVE-2021-44228 (an incomplete fix of it): found too.
    expect((await allVulns(shop(), { vulQueryKey: 'cve-2021-44228' })).map(keyOf)).toEqual(['CVE-2021-44228 log4j-core', 'CVE-2021-45046 log4j-core'])
    expect((await allVulns(shop(), { vulQueryKey: 'GHSA-JFH8-C2JP-5V3Q' })).map(keyOf)).toEqual(['CVE-2021-44228 log4j-core'])
    expect((await allVulns(shop(), { vulQueryKey: 'LOG4J' })).every((v) => v.feature === 'log4j-core' || /log4j/i.test(v.description))).toBe(true)
    const cve2021 = await allVulns(shop(), { vulQueryKey: 'CVE-2021' })
    expect(cve2021.map((v) => v.cveName)).toEqual(expect.arrayContaining(['CVE-2021-44228', 'CVE-2021-45046', 'CVE-2021-45105', 'CVE-2021-35042']))
    expect(cve2021.every((v) => [v.cveName, ...v.aliases, v.description].join(' ').includes('CVE-2021'))).toBe(true)
    expect((await allVulns(shop(), { vulQueryKey: 'jndi' })).map((v) => v.cveName)).toContain('CVE-2021-44228')
    // LIKE wildcards are literal text.
    expect(await allVulns(shop(), { vulQueryKey: '%log4j%' })).toEqual([])
    const combined = await allVulns(shop(), { vulQueryKey: 'log4j-core', severity: 'Critical', scanType: 'sca' })
    expect(combined.map((v) => v.cveName).sort()).toEqual(['CVE-2021-44228', 'CVE-2021-45046'])
  })

  it('reduces rows to their fix command with filterValue=FixCmd, as ACR does', async () => {
    const full = await t.call('listRepoTagScanResult', { ...shop(), pageSize: 100 })
    const fix = await t.call('listRepoTagScanResult', { ...shop(), pageSize: 100, filterValue: 'FixCmd' })
    expect(fix.body.totalCount).toBe(full.body.totalCount)
    expect(fix.body.items).toEqual((full.body.items as VulnerabilityItem[]).map((v) => (v.fixCmd ? { fixCmd: v.fixCmd } : {})))
    expect(fix.body.items).toContainEqual({ fixCmd: 'update org.apache.logging.log4j:log4j-core to 2.15.0' })
  })
})

describe('listRepoTagScanResult sorting and paging', () => {
  const rank = { Critical: 4, High: 3, Medium: 2, Low: 1, Unknown: 0 }

  it('sorts worst first by default, and by cvss, package and CVE id both ways', async () => {
    const bySeverity = await allVulns(shop())
    const ranks = bySeverity.map((v) => rank[v.severity])
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a))
    expect(bySeverity[0]?.cveName).toBe('CVE-2021-44228') // Critical with the highest score
    const asc = await allVulns(shop(), { sortBy: 'severity', sortOrder: 'asc' })
    expect(asc.map((v) => rank[v.severity])).toEqual([...ranks].reverse())

    const cvss = (await allVulns(shop(), { sortBy: 'cvss' })).map((v) => v.cvssScore)
    const scored = cvss.filter((s): s is number => s !== null)
    expect(scored).toEqual([...scored].sort((a, b) => b - a))
    expect(cvss.slice(scored.length).every((s) => s === null)).toBe(true) // unscored last

    const pkg = (await allVulns(shop(), { sortBy: 'package' })).map((v) => v.feature.toLowerCase())
    expect(pkg).toEqual([...pkg].sort())
    const names = (await allVulns(shop(), { sortBy: 'cveName', sortOrder: 'desc' })).map((v) => v.cveName)
    expect(names).toEqual([...names].sort().reverse())
  })

  it.each([['severity'], ['cvss'], ['package'], ['cveName']])('pages by %s without repeating or skipping a row', async (sortBy) => {
    const whole = await allVulns(ubuntu(), { sortBy })
    const paged: VulnerabilityItem[] = []
    for (let pageNo = 1; pageNo <= 5; pageNo++) {
      const page = await t.call('listRepoTagScanResult', { ...ubuntu(), sortBy, pageSize: 7, pageNo })
      expect(page.body).toMatchObject({ pageNo, pageSize: 7, totalCount: 24 })
      paged.push(...(page.body.items as VulnerabilityItem[]))
    }
    expect(paged.map(keyOf)).toEqual(whole.map(keyOf))
    expect(new Set(paged.map(keyOf)).size).toBe(24)
  })

  it('answers a page past the end with no items and the true total', async () => {
    const res = await t.call('listRepoTagScanResult', { ...shop(), pageSize: 100, pageNo: 2 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ items: [], totalCount: 24, pageNo: 2, pageSize: 100 })
  })
})

describe('bad input is refused with PARAM_INVALID and writes nothing', () => {
  const taskCount = async () => Number((await t.db.selectFrom('scan_tasks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

  it.each([
    ['severity Severe', { severity: 'Severe' }, 'severity'],
    ['pageSize 0', { pageSize: 0 }, 'pageSize'],
    ['pageSize 101', { pageSize: 101 }, 'pageSize'],
    ['pageNo -1', { pageNo: -1 }, 'pageNo'],
    ['pageNo 0', { pageNo: 0 }, 'pageNo'],
    ['a 10 KB vulQueryKey', { vulQueryKey: 'x'.repeat(10 * 1024) }, 'vulQueryKey'],
    ['scanType os', { scanType: 'os' }, 'scanType'],
    ['sortBy with SQL in it', { sortBy: 'cvss; drop table scan_tasks' }, 'sortBy'],
    ['filterValue Everything', { filterValue: 'Everything' }, 'filterValue'],
  ])('listRepoTagScanResult: %s', async (_label, extra, field) => {
    const res = await t.call('listRepoTagScanResult', { ...shop(), ...extra })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('PARAM_INVALID')
    expect(Object.keys(res.body.fieldErrors as object).join(' ')).toContain(field)
  })

  it('needs a scanTaskId, or instanceId + repoId + tag', async () => {
    for (const op of ['getRepoTagScanStatus', 'getRepoTagScanSummary', 'listRepoTagScanResult', 'listScanBaselineByTask', 'listScanMaliciousFileByTask'] as const) {
      const res = await t.call(op, { instanceId })
      expect(res.status, op).toBe(400)
      expect(res.body.code, op).toBe('PARAM_INVALID')
    }
    const badId = await t.call('getRepoTagScanStatus', { scanTaskId: 'not-a-uuid' })
    expect(badId.body.fieldErrors).toHaveProperty('scanTaskId')
  })

  it.each([
    [{ scanService: 'CLAM_SERVICE' }, 'scanService'],
    [{ tag: '' }, 'tag'],
    [{ tag: '-bad' }, 'tag'],
    [{ digest: 'sha256:1234' }, 'digest'],
    [{ repoId: 'nope' }, 'repoId'],
    [{ platform: 'linux amd64' }, 'platform'],
  ])('createRepoTagScanTask %j', async (extra, field) => {
    const before = await taskCount()
    const res = await t.call('createRepoTagScanTask', { ...shop(), ...extra })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('PARAM_INVALID')
    expect(Object.keys(res.body.fieldErrors as object)).toContain(field)
    expect(await taskCount()).toBe(before)
  })

  it('refuses a digest the tag does not point to', async () => {
    const before = await taskCount()
    const res = await t.call('createRepoTagScanTask', { ...shop(), digest: `sha256:${'a'.repeat(64)}` })
    expect(res.status).toBe(400)
    expect(res.body.fieldErrors).toHaveProperty('digest')
    expect(await taskCount()).toBe(before)
  })
})

describe('unknown ids have their own codes', () => {
  const missingTask = '00000000-0000-4000-8000-000000000000'

  it.each([
    ['INSTANCE_NOT_EXIST', 404, () => ({ ...shop(), instanceId: 'cri-0000000000000000' })],
    ['REPO_NOT_EXIST', 404, () => ({ ...shop(), repoId: 'crr-0000000000000000' })],
    ['TAG_NOT_EXIST', 404, () => ({ ...shop(), tag: 'no-such-tag' })],
  ])('%s for the image of a create, status, summary and result request', async (code, status, target) => {
    const before = await t.db.selectFrom('scan_tasks').select('id').execute()
    for (const op of ['createRepoTagScanTask', 'getRepoTagScanStatus', 'getRepoTagScanSummary', 'listRepoTagScanResult', 'listScanBaselineByTask', 'listScanMaliciousFileByTask'] as const) {
      const res = await t.call(op, target())
      expect(res.status, op).toBe(status)
      expect(res.body.code, op).toBe(code)
    }
    expect(await t.db.selectFrom('scan_tasks').select('id').execute()).toHaveLength(before.length)
  })

  it('SCAN_TASK_NOT_EXIST for an unknown task, or one of another instance', async () => {
    for (const op of ['getRepoTagScanStatus', 'getRepoTagScanSummary', 'listRepoTagScanResult', 'listScanBaselineByTask', 'listScanMaliciousFileByTask', 'getImageReport'] as const) {
      const res = await t.call(op, { scanTaskId: missingTask })
      expect(res.status, op).toBe(404)
      expect(res.body.code, op).toBe('SCAN_TASK_NOT_EXIST')
    }
    const other = await t.call('createInstance', { kind: 'DIRECTORY', instanceName: 'other', path: t.dataDir })
    const res = await t.call('getRepoTagScanStatus', { scanTaskId: demoTasks[0]?.scanTaskId, instanceId: other.body.instanceId })
    expect(res.body.code).toBe('SCAN_TASK_NOT_EXIST')
    await t.call('deleteInstance', { instanceId: other.body.instanceId })
  })

  it('accepts an upper-case scanTaskId, as ACR writes them', async () => {
    const id = demoTasks[0]!.scanTaskId
    const res = await t.call('getRepoTagScanStatus', { scanTaskId: id.toUpperCase() })
    expect(res.body.scanTaskId).toBe(id)
  })

  it('SCAN_NOT_FOUND for a tag that was never scanned', async () => {
    const digest = `sha256:${'b'.repeat(64)}`
    const res = await t.call('getRepoTagScanStatus', { ...shop(), digest })
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('SCAN_NOT_FOUND')
    const summary = await t.call('getRepoTagScanSummary', { ...shop(), digest })
    expect(summary.body.code).toBe('SCAN_NOT_FOUND')
  })
})

describe('a scan requested through the API', () => {
  it('queues, runs and answers an ACR_SCAN_SERVICE scan; tag lookups then see the newest scan', async () => {
    const created = await t.call('createRepoTagScanTask', { ...shop(), scanService: 'acr_scan_service' })
    expect(created.status).toBe(200)
    expect(created.body.existing).toBe(false)
    const id = created.body.scanTaskId
    const done = await waitForStatus(t, id, ['COMPLETE'])
    expect(done).toMatchObject({ scanService: 'ACR_SCAN_SERVICE', tag: '1.0.0', repository: 'demo/shop-app', attempts: 1, progress: { layersDone: 9, layersTotal: 9 } })
    expect(done.workerId).toMatch(/#\d+$/)
    expect(done.finishTime).toBeGreaterThanOrEqual(done.startTime ?? Infinity)
    // The newest task of the image answers status; vulnerabilities come from it too.
    expect((await t.call('getRepoTagScanStatus', shop())).body.scanTaskId).toBe(id)
    expect((await t.call('listRepoTagScanResult', shop())).body.scanTaskId).toBe(id)
    // An ACR scan checks no baseline: by tag the SAS scan answers, by id the list is empty.
    const byTag = await t.call('listScanBaselineByTask', shop())
    expect(byTag.body).toMatchObject({ scanService: 'SAS_SCAN_SERVICE', totalCount: 8 })
    const byId = await t.call('listScanMaliciousFileByTask', { scanTaskId: id })
    expect(byId.body).toMatchObject({ scanService: 'ACR_SCAN_SERVICE', items: [], totalCount: 0 })
    const summary = await t.call('getRepoTagScanSummary', { scanTaskId: id })
    expect(summary.body).toMatchObject({ baselineCounts: null, maliciousCounts: null, totalSeverity: 24 })
    // latest ACR tag as well: same digest, so the same results.
    const latest = await t.call('listRepoTagScanResult', { ...shop(), tag: 'latest', pageSize: 1 })
    expect(latest.body.totalCount).toBe(24)
  })
})

describe('listScanTask', () => {
  it('lists newest first, filters by repository, tag, status and service, and pages', async () => {
    const all = await t.call('listScanTask', { instanceId, pageSize: 100 })
    const times = (all.body.items).map((i) => i.createTime)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    const shopOnly = await t.call('listScanTask', { instanceId, repoId: repos['demo/shop-app'] })
    expect((shopOnly.body.items).every((i) => i.repository === 'demo/shop-app')).toBe(true)
    expect(shopOnly.body.totalCount).toBe(2)
    const acr = await t.call('listScanTask', { instanceId, scanService: 'ACR_SCAN_SERVICE' })
    expect(acr.body.totalCount).toBe(1)
    const failed = await t.call('listScanTask', { instanceId, status: 'FAILED' })
    expect(failed.body.totalCount).toBe(0)
    const several = await t.call('listScanTask', { instanceId, status: ['complete', 'FAILED'] })
    expect(several.body.totalCount).toBe(all.body.totalCount)
    const paged: string[] = []
    for (let pageNo = 1; pageNo <= Number(all.body.totalCount); pageNo++) {
      paged.push(...((await t.call('listScanTask', { instanceId, pageSize: 1, pageNo })).body.items).map((i) => i.scanTaskId))
    }
    expect(paged).toEqual((all.body.items).map((i) => i.scanTaskId))
    expect((await t.call('listScanTask', { instanceId: 'cri-0000000000000000' })).body.code).toBe('INSTANCE_NOT_EXIST')
    expect((await t.call('listScanTask', { instanceId, status: 'DONE' })).body.code).toBe('PARAM_INVALID')
  })
})

describe('baseline and malicious-file lists', () => {
  it('list the demo shop-app planted risks and files by level, with their filters checked', async () => {
    const all = await t.call('listScanBaselineByTask', shop())
    expect(all.status).toBe(200)
    expect(all.body).toMatchObject({ totalCount: 8, pageNo: 1, pageSize: 30 })
    const b = await t.call('listScanBaselineByTask', { ...shop(), level: 'HIGH' })
    expect(b.body.totalCount).toBe(4)
    expect(b.body.items.map((i) => i.baselineNameKey).sort()).toEqual(['ak_leak', 'run_as_root', 'secret_in_env', 'secret_in_file'])
    expect(b.body.items.every((i) => i.baselineNameLevel.toLowerCase() === 'high')).toBe(true)
    const m = await t.call('listScanMaliciousFileByTask', { ...shop(), level: 'Serious' })
    expect(m.body.totalCount).toBe(2)
    expect(m.body.items.map((i) => i.filePath).sort()).toEqual(['app/public/shell.php', 'tmp/config.json'])
    const eicar = await t.call('listScanMaliciousFileByTask', { ...shop(), level: 'remind' })
    expect(eicar.body.items).toMatchObject([{ filePath: 'app/uploads/eicar.com', maliciousMd5: '44d88612fea8a8f36de82e1278abb02f', maliciousName: 'Eicar-Test-Signature' }])
    for (const [op, input, field] of [
      ['listScanBaselineByTask', { level: 'Severe' }, 'level'],
      ['listScanBaselineByTask', { pageSize: 101 }, 'pageSize'],
      ['listScanMaliciousFileByTask', { level: 'critical' }, 'level'],
      ['listScanMaliciousFileByTask', { pageSize: 101 }, 'pageSize'],
      ['listScanMaliciousFileByTask', { pageNo: -1 }, 'pageNo'],
    ] as const) {
      const res = await t.call(op, { ...shop(), ...input })
      expect(res.status, `${op} ${JSON.stringify(input)}`).toBe(400)
      expect(res.body.fieldErrors, op).toHaveProperty(field)
    }
  })

  it('count in getScanOverview, per level, category and type, exactly the rows each filter lists (the tabs’ charts draw these counts)', async () => {
    for (const name of ['demo/shop-app', 'demo/ubuntu-web']) {
      const task = demoTasks.find((x) => x.repository === name && x.status === 'COMPLETE')
      expect(task, name).toBeDefined()
      const scanTaskId = task?.scanTaskId ?? ''
      const o = (await t.call('getScanOverview', { scanTaskId })).body
      const baseline = o.baselineCounts
      const malicious = o.maliciousCounts
      expect(baseline, name).not.toBeNull()
      expect(malicious, name).not.toBeNull()
      for (const [level, count] of [['High', baseline?.high], ['Medium', baseline?.medium], ['Low', baseline?.low], [undefined, baseline?.total]] as const) {
        const list = await t.call('listScanBaselineByTask', { scanTaskId, level, pageSize: 100 })
        expect(list.body.totalCount, `${name} baseline ${level ?? 'all'}`).toBe(count)
        expect(list.body.items, `${name} baseline ${level ?? 'all'}`).toHaveLength(count ?? -1)
        if (level) expect(list.body.items.every((i) => i.baselineNameLevel === level.toLowerCase())).toBe(true)
      }
      for (const [level, count] of [['serious', malicious?.serious], ['suspicious', malicious?.suspicious], ['remind', malicious?.remind], [undefined, malicious?.total]] as const) {
        const list = await t.call('listScanMaliciousFileByTask', { scanTaskId, level, pageSize: 100 })
        expect(list.body.totalCount, `${name} malicious ${level ?? 'all'}`).toBe(count)
        expect(list.body.items, `${name} malicious ${level ?? 'all'}`).toHaveLength(count ?? -1)
        if (level) expect(list.body.items.every((i) => i.level === level)).toBe(true)
      }
      // By category and type: every row of the scan in exactly one bar, each bar its list's rows.
      expect(o.baselineCategories?.reduce((n, c) => n + c.count, 0), name).toBe(baseline?.total)
      expect(o.baselineCategories?.length, name).toBeGreaterThan(1)
      for (const { category, count } of o.baselineCategories ?? []) {
        const list = await t.call('listScanBaselineByTask', { scanTaskId, category, pageSize: 100 })
        expect(list.body.totalCount, `${name} baseline ${category}`).toBe(count)
        expect(list.body.items.map((i) => i.baselineClassAlias), `${name} baseline ${category}`).toEqual(Array<string>(count).fill(category))
      }
      expect(o.maliciousTypes?.reduce((n, c) => n + c.count, 0), name).toBe(malicious?.total)
      for (const { type, count } of o.maliciousTypes ?? []) {
        const list = await t.call('listScanMaliciousFileByTask', { scanTaskId, type, pageSize: 100 })
        expect(list.body.totalCount, `${name} malicious ${type}`).toBe(count)
        expect(list.body.items.map((i) => i.type), `${name} malicious ${type}`).toEqual(Array<string>(count).fill(type))
      }
    }
    const shopAll = await t.call('listScanMaliciousFileByTask', { ...shop(), type: 'virus' })
    expect(shopAll.status).toBe(400)
    expect(shopAll.body.fieldErrors).toHaveProperty('type')
    const none = await t.call('listScanBaselineByTask', { ...shop(), category: 'No such category' })
    expect(none.body).toMatchObject({ totalCount: 0, items: [] })
  })
})

describe('getImageReport', () => {
  it('gives shop-app in the StackRox image model: layers with instructions, components with vulnerabilities, notes', async () => {
    const id = demoTasks.find((x) => x.repository === 'demo/shop-app')!.scanTaskId
    const res = await t.call('getImageReport', { scanTaskId: id })
    expect(res.status).toBe(200)
    const r = res.body
    const summary = (await t.call('getRepoTagScanSummary', { scanTaskId: id })).body
    expect(r.counts).toMatchObject({ totalSeverity: summary.totalSeverity, criticalSeverity: summary.criticalSeverity })
    expect(r.metadata).toMatchObject({ platform: 'linux/amd64', os: { id: 'alpine' } })
    expect(r.metadata.layers).toHaveLength(9)
    expect(r.metadata.layers.every((l) => l.createdBy === null || typeof l.createdBy === 'string')).toBe(true)
    expect(r.metadata.layers.some((l) => l.instruction !== null)).toBe(true)
    const log4j = r.scan.components.find((c) => c.name === 'log4j-core')
    expect(log4j).toMatchObject({ version: '2.14.1', source: 'JAVA', format: 'maven', fixedBy: '2.17.0' })
    expect(log4j?.vulns.find((v) => v.cve === 'CVE-2021-44228')).toMatchObject({ severity: 'Critical', cvss: 10, scoreVersion: 'V3', fixedBy: '2.15.0' })
    expect(r.scan.operatingSystem).toMatch(/^alpine:3\.18/)
    expect(r.scan.notes).not.toContain('OS_UNAVAILABLE')
    expect(r.scanNotes.map((n) => n.code)).toContain('maven-group-unknown')
    expect(r.advisoryDb).toMatchObject({ recordCount: 47, ageDays: 0 })
    expect(r.cves).toBeGreaterThan(0)
    expect(r.topCvss).toBe(10)
    expect(r.baselineCount).toBe(8)
  })

  it('with components=false leaves out scan.components and keeps every other field of the full report, in a fraction of its size', async () => {
    for (const name of ['demo/shop-app', 'demo/ubuntu-web']) {
      const id = demoTasks.find((x) => x.repository === name && x.status === 'COMPLETE')?.scanTaskId ?? ''
      const fullRes = await t.request(`/api/v1/getImageReport?scanTaskId=${id}`)
      const headerRes = await t.request(`/api/v1/getImageReport?scanTaskId=${id}&components=false`)
      expect([fullRes.status, headerRes.status], name).toEqual([200, 200])
      const fullText = await fullRes.text()
      const headerText = await headerRes.text()
      const full = JSON.parse(fullText) as ImageReportView
      const header = JSON.parse(headerText) as ImageReportView
      expect(full.scan.components.length, name).toBeGreaterThan(0)
      expect(header.scan.components, name).toEqual([])
      // Every header field, the component count included, is the full report's.
      expect(header, name).toEqual({ ...full, scan: { ...full.scan, components: [] } })
      expect(header.components, name).toBe(full.components)
      // The header stays small whatever the image holds: the components are the bulk.
      expect(headerText.length, name).toBeLessThan(16_000)
      expect(headerText.length, name).toBeLessThan(fullText.length / 4)
      // components=true is the default: the whole report.
      const explicit = await t.call('getImageReport', { scanTaskId: id, components: true })
      expect(explicit.body.scan.components, name).toHaveLength(full.scan.components.length)
    }
  })
})

describe('the OpenAPI document', () => {
  it('has every scan operation and marks our extensions', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> } }
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId))
    expect(ids).toEqual(
      expect.arrayContaining(['createRepoTagScanTask', 'getRepoTagScanStatus', 'getRepoTagScanSummary', 'listRepoTagScanResult', 'listScanBaselineByTask', 'listScanMaliciousFileByTask', 'listScanTask', 'getImageReport']),
    )
    const vuln = doc.components.schemas.ScanVulnerability?.properties
    expect(vuln?.cvssV3?.description).toMatch(/^Extension/)
    expect(vuln?.cveName?.description ?? '').not.toMatch(/^Extension/)
    expect(doc.components.schemas.SeverityCounts?.properties.criticalSeverity?.description).toMatch(/no Critical bucket/)
  })
})
