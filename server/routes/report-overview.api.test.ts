import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanOverview, ScanComponentItem } from '@contract/report-overview'
import type { ScanTask, VulnerabilityItem } from '@contract/scans'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { waitForInstanceScans } from '../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../testing/test-app'

/**
 * getScanOverview, listScanComponent and the chart filters of listRepoTagScanResult on
 * the demo images scanned at boot: exact numbers, and every breakdown checked against
 * the list it links to (a chart's count must be the row count of its filter).
 */
let t: TestApp
const tasks: Record<string, ScanTask> = {}

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  for (const task of await waitForInstanceScans(t, DEMO_INSTANCE_ID, { atLeast: 5 })) tasks[task.repository] = task
})
afterAll(() => t.close())

const idOf = (repository: string) => {
  const task = tasks[repository]
  if (!task) throw new Error(`no demo scan of ${repository}`)
  return task.scanTaskId
}

async function overview(repository: string): Promise<ScanOverview> {
  const res = await t.call('getScanOverview', { scanTaskId: idOf(repository) })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

async function total(scanTaskId: string, filters: Record<string, unknown>): Promise<number> {
  const res = await t.call('listRepoTagScanResult', { scanTaskId, pageSize: 1, ...filters })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.totalCount
}

async function components(scanTaskId: string, q: Record<string, unknown> = {}): Promise<{ items: ScanComponentItem[]; totalCount: number }> {
  const res = await t.call('listScanComponent', { scanTaskId, pageSize: 100, ...q })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

const v3 = (o: ScanOverview, param: string) => Object.fromEntries(o.cvssV3.metrics.find((m) => m.param === param)?.values.map((v) => [v.value, v.count]) ?? [])

describe('getScanOverview', () => {
  it('shop-app 1.0.0: counts, CVSS v3 metrics, score bins, fixes, layers, baseline and malicious files', async () => {
    const o = await overview('demo/shop-app')
    const summary = await t.call('getRepoTagScanSummary', { scanTaskId: idOf('demo/shop-app') })
    expect(o.counts).toEqual({ totalSeverity: 24, criticalSeverity: 3, highSeverity: 7, mediumSeverity: 7, lowSeverity: 0, unknownSeverity: 7, fixableCount: 24 })
    const { totalSeverity, criticalSeverity, highSeverity, mediumSeverity, lowSeverity, unknownSeverity, fixableCount } = summary.body
    expect(o.counts).toEqual({ totalSeverity, criticalSeverity, highSeverity, mediumSeverity, lowSeverity, unknownSeverity, fixableCount })

    expect(o.cvssV3.scored).toBe(15)
    expect(v3(o, 'attackVector')).toEqual({ NETWORK: 12, ADJACENT_NETWORK: 1, LOCAL: 2, PHYSICAL: 0 })
    expect(v3(o, 'attackComplexity')).toEqual({ LOW: 10, HIGH: 5 })
    expect(v3(o, 'privilegesRequired')).toEqual({ NONE: 11, LOW: 3, HIGH: 1 })
    expect(v3(o, 'userInteraction')).toEqual({ NONE: 13, REQUIRED: 2 })
    expect(v3(o, 'scope')).toEqual({ UNCHANGED: 11, CHANGED: 4 })
    expect(v3(o, 'confidentialityImpact')).toEqual({ NONE: 5, LOW: 2, HIGH: 8 })
    expect(v3(o, 'integrityImpact')).toEqual({ NONE: 7, LOW: 2, HIGH: 6 })
    expect(v3(o, 'availabilityImpact')).toEqual({ NONE: 5, LOW: 1, HIGH: 9 })
    // The demo advisories carry v3 vectors only: the v2 metrics are listed, all zero.
    expect(o.cvssV2.scored).toBe(0)
    expect(o.cvssV2.metrics.map((m) => m.param)).toEqual(['accessVector', 'accessComplexity', 'authentication', 'v2ConfidentialityImpact', 'v2IntegrityImpact', 'v2AvailabilityImpact'])
    expect(o.cvssV2.metrics.every((m) => m.values.every((v) => v.count === 0))).toBe(true)

    expect(o.scoreHistogram.bins.map((b) => b.count)).toEqual([0, 0, 0, 0, 1, 3, 1, 5, 2, 3])
    expect(o.scoreHistogram.bins[7]).toEqual({ min: 7, max: 7.9, count: 5 })
    expect(o.scoreHistogram.bins[9]).toEqual({ min: 9, max: 10, count: 3 })
    expect(o.scoreHistogram.unscored).toBe(9)

    // Upgrading log4j-core and spring-beans removes all 3 criticals.
    expect(o.fixable).toMatchObject({ componentCount: 15, findingCount: 24, criticalComponentCount: 2, criticalFindingCount: 3 })
    expect(o.fixable.top.map((c) => `${c.name} ${c.version} → ${c.fixedBy}`).slice(0, 4)).toEqual([
      'log4j-core 2.14.1 → 2.17.0',
      'spring-beans 5.3.17 → 5.3.18',
      'jackson-databind 2.13.2 → 2.13.4.1',
      'urllib3 1.26.16 → 1.26.18',
    ])
    expect(o.fixable.top[0]).toMatchObject({ format: 'maven', layerIndex: 5, counts: { totalSeverity: 3, criticalSeverity: 2, highSeverity: 1 } })
    expect(o.fixable.top).toHaveLength(10)

    expect(o.layers.map((l) => [l.index, l.instruction, l.componentCount, l.counts.totalSeverity])).toEqual([
      [0, 'ADD', 15, 2],
      [1, 'RUN', 6, 0],
      [2, 'COPY', 0, 0],
      [3, 'RUN', 16, 6],
      [4, 'RUN', 12, 10],
      [5, 'COPY', 5, 6],
      [6, 'COPY', 0, 0],
      [7, 'ADD', 0, 0],
      [8, 'RUN', 0, 0],
    ])
    expect(o.layers[3]).toMatchObject({ createdBy: 'RUN /bin/sh -c npm ci --omit=dev # buildkit', value: '/bin/sh -c npm ci --omit=dev' })
    expect(o.layers[5]?.counts.criticalSeverity).toBe(3)
    const report = await t.call('getImageReport', { scanTaskId: idOf('demo/shop-app') })
    expect(o.layers.map((l) => [l.digest, l.size])).toEqual(report.body.metadata.layers.map((l) => [l.digest, l.size]))

    expect(o.baselineCounts).toEqual({ total: 8, high: 4, medium: 3, low: 1 })
    expect(o.maliciousCounts).toEqual({ total: 3, serious: 2, suspicious: 0, remind: 1 })
    expect(o.baselineCounts).toEqual(summary.body.baselineCounts)
    expect(o.maliciousCounts).toEqual(summary.body.maliciousCounts)
  })

  it('ubuntu-web 22.04 and alpine-base 3.18: their own numbers', async () => {
    const ubuntu = await overview('demo/ubuntu-web')
    expect(ubuntu.counts).toMatchObject({ totalSeverity: 24, criticalSeverity: 2, highSeverity: 14, fixableCount: 24 })
    expect(v3(ubuntu, 'attackVector')).toEqual({ NETWORK: 20, ADJACENT_NETWORK: 0, LOCAL: 2, PHYSICAL: 0 })
    expect(ubuntu.scoreHistogram.bins.map((b) => b.count)).toEqual([0, 0, 0, 2, 2, 2, 0, 14, 0, 2])
    expect(ubuntu.fixable).toMatchObject({ componentCount: 6, criticalComponentCount: 2, criticalFindingCount: 2 })
    expect(ubuntu.fixable.top.slice(0, 2).map((c) => `${c.name} → ${c.fixedBy}`)).toEqual(['curl → 7.81.0-1ubuntu1.14', 'libcurl4 → 7.81.0-1ubuntu1.14'])
    expect(ubuntu.layers.map((l) => l.instruction)).toEqual(['ADD', 'COPY', 'RUN', 'COPY', 'RUN'])
    expect(ubuntu.layers[3]?.value).toBe('id_rsa /root/.ssh/id_rsa')
    expect(ubuntu.baselineCounts).toEqual({ total: 21, high: 10, medium: 3, low: 8 })

    const alpine = await overview('demo/alpine-base')
    expect(alpine.counts).toMatchObject({ totalSeverity: 2, highSeverity: 2, criticalSeverity: 0 })
    expect(alpine.fixable).toMatchObject({ componentCount: 2, findingCount: 2, criticalComponentCount: 0, criticalFindingCount: 0 })
    expect(alpine.layers).toHaveLength(1)
    expect(alpine.layers[0]).toMatchObject({ index: 0, componentCount: 15, counts: { totalSeverity: 2 } })
  })

  it('every chart element counts exactly the rows its filter lists', async () => {
    for (const repository of ['demo/shop-app', 'demo/ubuntu-web']) {
      const id = idOf(repository)
      const o = await overview(repository)
      for (const metric of [...o.cvssV3.metrics, ...o.cvssV2.metrics]) {
        for (const v of metric.values) expect(await total(id, { [metric.param]: v.value }), `${repository} ${metric.param}=${v.value}`).toBe(v.count)
      }
      for (const bin of o.scoreHistogram.bins) expect(await total(id, { cvssMin: bin.min, cvssMax: bin.max }), `${repository} ${bin.min}–${bin.max}`).toBe(bin.count)
      for (const layer of o.layers) expect(await total(id, { layerIndex: layer.index }), `${repository} layer ${layer.index}`).toBe(layer.counts.totalSeverity)
      for (const c of o.fixable.top) expect(await total(id, { componentId: c.componentId, fixable: true }), `${repository} ${c.name}`).toBe(c.counts.totalSeverity)
      expect(await total(id, { fixable: true })).toBe(o.counts.fixableCount)
      expect(await total(id, { fixable: false })).toBe(o.counts.totalSeverity - o.counts.fixableCount)
      expect(await total(id, { fixable: true, severity: 'Critical' })).toBe(o.fixable.criticalFindingCount)
    }
  })

  it('is in the OpenAPI document, with the chart filters of listRepoTagScanResult', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> }
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/getScanOverview', '/api/v1/listScanComponent']))
    const params = doc.paths['/api/v1/listRepoTagScanResult']?.get?.parameters?.map((p) => p.name)
    expect(params).toEqual(expect.arrayContaining(['fixable', 'attackVector', 'v2ConfidentialityImpact', 'cvssMin', 'cvssMax', 'layerIndex', 'componentId']))
  })

  it('answers SCAN_TASK_NOT_EXIST for an unknown scan and PARAM_INVALID for a malformed id', async () => {
    const unknown = await t.call('getScanOverview', { scanTaskId: randomUUID() })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ code: 'SCAN_TASK_NOT_EXIST' })
    const bad = await t.call('getScanOverview', { scanTaskId: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ code: 'PARAM_INVALID' })
  })
})

describe('the chart filters of listRepoTagScanResult', () => {
  const list = async (filters: Record<string, unknown>) => {
    const res = await t.call('listRepoTagScanResult', { scanTaskId: idOf('demo/shop-app'), pageSize: 100, ...filters })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.items as VulnerabilityItem[]
  }

  it('filters on CVSS v3 metrics in any case, combined with the other filters', async () => {
    const changed = await list({ scope: 'changed' })
    expect(changed).toHaveLength(4)
    expect(changed.every((v) => v.cvssV3?.scope === 'CHANGED')).toBe(true)
    expect((await list({ scope: 'CHANGED', severity: 'Critical' })).map((v) => `${v.cveName} ${v.feature}`).sort()).toEqual([
      'CVE-2021-44228 log4j-core',
      'CVE-2021-45046 log4j-core',
    ])
    const network = await list({ attackVector: 'NETWORK', attackComplexity: 'LOW', privilegesRequired: 'NONE' })
    expect(network.every((v) => v.cvssV3?.attackVector === 'NETWORK' && v.cvssV3.attackComplexity === 'LOW' && v.cvssV3.privilegesRequired === 'NONE')).toBe(true)
    expect(network.length).toBeGreaterThan(0)
  })

  it('filters on a score range, a layer and a package', async () => {
    const nines = await list({ cvssMin: 9, cvssMax: 10 })
    expect(nines.map((v) => v.cvssScore).sort()).toEqual([10, 9, 9.8].sort())
    expect((await list({ layerIndex: 5 })).map((v) => v.feature).sort()).toEqual(['jackson-databind', 'jackson-databind', 'log4j-core', 'log4j-core', 'log4j-core', 'spring-beans'])
    const log4j = (await list({ layerIndex: 5 })).find((v) => v.feature === 'log4j-core')
    expect((await list({ componentId: log4j?.componentId })).map((v) => v.cveName).sort()).toEqual(['CVE-2021-44228', 'CVE-2021-45046', 'CVE-2021-45105'])
  })

  it('sorts by published date, newest first by default, undated last both ways', async () => {
    const desc = (await list({ sortBy: 'published' })).map((v) => v.publishedAt)
    const dated = desc.filter((d): d is string => d !== null)
    expect(dated).toEqual([...dated].sort().reverse())
    expect(desc.slice(dated.length).every((d) => d === null)).toBe(true)
    const asc = (await list({ sortBy: 'published', sortOrder: 'asc' })).map((v) => v.publishedAt)
    expect(asc.filter((d) => d !== null)).toEqual([...dated].reverse())
  })

  it('rejects an unknown metric value, an inverted score range and a bad boolean with PARAM_INVALID', async () => {
    for (const bad of [{ attackVector: 'SPACE' }, { cvssMin: 8, cvssMax: 7 }, { cvssMin: 11 }, { fixable: 'maybe' }, { layerIndex: -1 }]) {
      const res = await t.call('listRepoTagScanResult', { scanTaskId: idOf('demo/shop-app'), ...bad })
      expect(res.status, JSON.stringify(bad)).toBe(400)
      expect(res.body).toMatchObject({ code: 'PARAM_INVALID' })
    }
  })
})

describe('listScanComponent', () => {
  it('lists shop-app’s packages worst first, with layer, location, licences, fixed-by and counts', async () => {
    const id = idOf('demo/shop-app')
    const page = await components(id)
    const summary = await t.call('getRepoTagScanSummary', { scanTaskId: id })
    expect(page.totalCount).toBe(summary.body.componentCount)
    expect(page.totalCount).toBe(54)
    expect(page.items.slice(0, 3).map((c) => c.name)).toEqual(['log4j-core', 'spring-beans', 'jackson-databind'])
    expect(page.items[0]).toMatchObject({
      version: '2.14.1',
      format: 'maven',
      source: 'JAVA',
      layerIndex: 5,
      fixedBy: '2.17.0',
      counts: { totalSeverity: 3, criticalSeverity: 2, highSeverity: 1, fixableCount: 3 },
    })
    expect(page.items[0]?.location).toMatch(/log4j-core-2\.14\.1\.jar$/)
    expect(page.items.reduce((n, c) => n + c.counts.totalSeverity, 0)).toBe(summary.body.totalSeverity)
    expect(page.items.find((c) => c.name === 'urllib3')?.licenses).toEqual(['MIT'])
    expect(page.items.filter((c) => c.counts.totalSeverity === 0).every((c) => c.fixedBy === null)).toBe(true)
  })

  it('filters by search text, source, layer and vulnerable, and sorts by name, findings and layer', async () => {
    const id = idOf('demo/shop-app')
    expect((await components(id, { componentQueryKey: 'JINJA' })).items.map((c) => c.name)).toEqual(['Jinja2'])
    const java = await components(id, { source: 'JAVA' })
    expect(java.items.every((c) => c.source === 'JAVA')).toBe(true)
    expect(java.totalCount).toBe(5)
    expect((await components(id, { layerIndex: 3 })).totalCount).toBe(16)
    const vulnerable = await components(id, { vulnerable: true })
    expect(vulnerable.totalCount).toBe(15)
    expect((await components(id, { vulnerable: false })).totalCount).toBe(54 - 15)
    const byName = (await components(id, { sortBy: 'name' })).items.map((c) => c.name.toLowerCase())
    expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    const byFindings = (await components(id, { sortBy: 'findings', sortOrder: 'asc' })).items.map((c) => c.counts.totalSeverity)
    expect(byFindings).toEqual([...byFindings].sort((a, b) => a - b))
    const byLayer = (await components(id, { sortBy: 'layer', sortOrder: 'desc' })).items.map((c) => c.layerIndex)
    expect(byLayer).toEqual([...byLayer].sort((a, b) => b - a))
  })

  it('counts only the findings that match the list’s filters, and leaves out packages with none', async () => {
    const id = idOf('demo/shop-app')
    const filters = [{ severity: 'Critical' }, { scanType: 'sca' }, { vulQueryKey: 'log4j' }, { fixable: false }, { severity: 'High,Medium', scanType: 'cve' }]
    for (const filter of filters) {
      const page = await components(id, filter)
      expect(page.items.every((c) => c.counts.totalSeverity > 0), JSON.stringify(filter)).toBe(true)
      // Each group's count is the row count of the list filtered to its package, and the groups add up to the list.
      for (const c of page.items) expect(await total(id, { ...filter, componentId: c.componentId }), `${JSON.stringify(filter)} ${c.name}`).toBe(c.counts.totalSeverity)
      expect(page.items.reduce((n, c) => n + c.counts.totalSeverity, 0), JSON.stringify(filter)).toBe(await total(id, filter))
    }
    const critical = await components(id, { severity: 'Critical' })
    expect(critical.items.every((c) => c.counts.highSeverity === 0)).toBe(true)
    expect(critical.totalCount).toBeLessThan((await components(id, { vulnerable: true })).totalCount)
    expect((await components(id, { vulQueryKey: 'no-such-advisory' })).totalCount).toBe(0)
  })

  it('lists the packages of an SBOM task, which has no findings or exceptions to count', async () => {
    // A copy of shop-app's scan as an SBOM task: its packages, and no findings.
    const source = idOf('demo/shop-app')
    const copy = randomUUID()
    await t.db.transaction().execute(async (trx) => {
      await sql`create temp table sbom_task_copy on commit drop as select * from scan_tasks where id = ${source}`.execute(trx)
      await sql`update sbom_task_copy set id = ${copy}, scan_type = 'SBOM', seq = nextval(pg_get_serial_sequence('scan_tasks', 'seq'))`.execute(trx)
      await sql`insert into scan_tasks select * from sbom_task_copy`.execute(trx)
      await sql`insert into scan_reports (task_id, report, created_at) select ${copy}, report, created_at from scan_reports where task_id = ${source}`.execute(trx)
      await sql`insert into scan_components (task_id, component_id, name, version, format, source, layer_index, purl, component)
        select ${copy}, component_id, name, version, format, source, layer_index, purl, component from scan_components where task_id = ${source}`.execute(trx)
    })
    expect((await t.call('getRepoTagScanSummary', { scanTaskId: copy })).body).toMatchObject({ code: 'PARAM_INVALID' })
    const page = await components(copy, { sortBy: 'name' })
    expect(page.totalCount).toBe(54)
    expect(page.items.every((c) => c.counts.totalSeverity === 0)).toBe(true)
  })

  it('pages without repeating or skipping a package', async () => {
    const id = idOf('demo/ubuntu-web')
    const whole = (await components(id)).items.map((c) => c.componentId)
    const paged: string[] = []
    for (let pageNo = 1; pageNo <= Math.ceil(whole.length / 7); pageNo += 1) {
      const page = await components(id, { pageSize: 7, pageNo })
      expect(page.totalCount).toBe(whole.length)
      paged.push(...page.items.map((c) => c.componentId))
    }
    expect(paged).toEqual(whole)
  })
})

describe('at 5,000 findings', () => {
  it('answers the overview, the components and a filtered list quickly, with every count scaled', async () => {
    // A copy of shop-app's scan whose findings are repeated 209 times: 5,016 rows.
    const source = idOf('demo/shop-app')
    const copy = randomUUID()
    const times = 209
    await t.db.transaction().execute(async (trx) => {
      await sql`create temp table scan_task_copy on commit drop as select * from scan_tasks where id = ${source}`.execute(trx)
      await sql`update scan_task_copy set id = ${copy}, seq = nextval(pg_get_serial_sequence('scan_tasks', 'seq'))`.execute(trx)
      await sql`insert into scan_tasks select * from scan_task_copy`.execute(trx)
      await sql`insert into scan_reports (task_id, report, created_at) select ${copy}, report, created_at from scan_reports where task_id = ${source}`.execute(trx)
      await sql`insert into scan_components (task_id, component_id, name, version, format, source, layer_index, purl, component)
        select ${copy}, component_id, name, version, format, source, layer_index, purl, component from scan_components where task_id = ${source}`.execute(trx)
      await sql`insert into scan_vulnerabilities (task_id, cve_name, package_name, package_version, severity, severity_rank, cvss_score, scan_type, fixable, search_text, item)
        select ${copy}, cve_name || '-' || g, package_name, package_version, severity, severity_rank, cvss_score, scan_type, fixable, search_text, item
        from scan_vulnerabilities, generate_series(1, ${times}) g where task_id = ${source}`.execute(trx)
    })
    const small = await overview('demo/shop-app')

    let started = performance.now()
    const big = await t.call('getScanOverview', { scanTaskId: copy })
    const overviewMs = performance.now() - started
    expect(big.status).toBe(200)
    expect(big.body.counts.totalSeverity).toBe(24 * times)
    expect(big.body.cvssV3.metrics).toEqual(small.cvssV3.metrics.map((m) => ({ ...m, values: m.values.map((v) => ({ ...v, count: v.count * times })) })))
    expect(big.body.scoreHistogram.bins.map((b) => b.count)).toEqual(small.scoreHistogram.bins.map((b) => b.count * times))
    expect(big.body.layers.map((l) => l.counts.totalSeverity)).toEqual(small.layers.map((l) => l.counts.totalSeverity * times))
    expect(big.body.fixable.criticalFindingCount).toBe(3 * times)

    started = performance.now()
    const page = await components(copy, { pageSize: 30 })
    const componentsMs = performance.now() - started
    expect(page.items[0]?.counts.totalSeverity).toBe(3 * times)

    started = performance.now()
    const filtered = await total(copy, { attackVector: 'NETWORK', fixable: true, sortBy: 'published' })
    const listMs = performance.now() - started
    expect(filtered).toBe(12 * times)

    // Generous bounds for a shared 2-core machine; typical figures are a small fraction of these.
    expect(overviewMs, `overview ${overviewMs.toFixed(0)} ms`).toBeLessThan(1_500)
    expect(componentsMs, `components ${componentsMs.toFixed(0)} ms`).toBeLessThan(1_000)
    expect(listMs, `list ${listMs.toFixed(0)} ms`).toBeLessThan(1_000)
  })
})
