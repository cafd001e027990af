import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanTask, VulnerabilityItem } from '@contract/scans'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { schemaErrors } from '../exports/testing/json-schema-subset'
import { repoIdOf, waitForInstanceScans } from '../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../testing/test-app'

/**
 * The downloads against the demo scans: every export holds exactly the rows
 * listRepoTagScanResult answers for the same filters and sort, and the documents follow
 * their specs.
 */
let t: TestApp
const instanceId = DEMO_INSTANCE_ID
let shop: { instanceId: string; repoId: string; tag: string }
let shopTask: ScanTask

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  const tasks = await waitForInstanceScans(t, instanceId, { atLeast: 5 })
  shop = { instanceId, repoId: await repoIdOf(t, instanceId, 'demo/shop-app'), tag: '1.0.0' }
  const found = tasks.find((task) => task.repository === 'demo/shop-app')
  if (!found) throw new Error('no demo/shop-app scan')
  shopTask = found
})
afterAll(() => t.close())

const query = (input: Record<string, string | string[] | undefined>) => {
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(input)) for (const item of v === undefined ? [] : [v].flat()) qs.append(k, item)
  return qs.toString()
}

/** Every row the list answers, page by page (pages of 7 so several are needed). */
async function listAll(filters: Record<string, string | string[] | undefined>): Promise<VulnerabilityItem[]> {
  const items: VulnerabilityItem[] = []
  for (let pageNo = 1; ; pageNo += 1) {
    const res = await t.call('listRepoTagScanResult', { ...filters, pageNo, pageSize: 7 })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    items.push(...(res.body.items as VulnerabilityItem[]))
    if (pageNo * 7 >= res.body.totalCount) return items
  }
}

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; rows end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"'
      i += 1
    } else if (ch === '"') {
      quoted = !quoted
    } else if (quoted || (ch !== ',' && ch !== '\r')) {
      cell += ch
    } else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else {
      // CR outside quotes ends the row; its LF is skipped.
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i += 1
    }
  }
  return rows
}

const FILTERS: Record<string, Record<string, string | string[] | undefined>>[] = [
  { 'no filter': {} },
  { 'severity and sort by package': { severity: ['Critical', 'High'], sortBy: 'package', sortOrder: 'asc' } },
  { 'application packages matching "django"': { scanType: 'sca', vulQueryKey: 'django' } },
  { 'cvss ascending': { sortBy: 'cvss', sortOrder: 'asc' } },
  // Filters the list gained later apply to exports with no change to them.
  { 'fixable, CVSS at least 7, network attack vector': { fixable: 'true', cvssMin: '7', attackVector: 'network' } },
]

describe('exportRepoTagScanResult', () => {
  for (const entry of FILTERS) {
    const [name, filters] = Object.entries(entry)[0] ?? ['', {}]
    it(`JSON and CSV hold exactly the list's rows, in its order: ${name}`, async () => {
      const target = { scanTaskId: shopTask.scanTaskId, ...filters }
      const expected = await listAll(target)
      expect(expected.length).toBeGreaterThan(0)

      const json = await t.request(`/api/v1/exportRepoTagScanResult?${query({ ...target, format: 'json' })}`)
      expect(json.status).toBe(200)
      expect(json.headers.get('content-type')).toMatch(/^application\/json/)
      const body = (await json.json()) as { scanTaskId: string; digest: string; totalCount: number; items: VulnerabilityItem[] }
      expect(body).toMatchObject({ scanTaskId: shopTask.scanTaskId, digest: shopTask.digest, totalCount: expected.length })
      expect(body.items).toEqual(expected)

      const csv = await t.request(`/api/v1/exportRepoTagScanResult?${query(target)}`)
      expect(csv.status).toBe(200)
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
      const [header, ...rows] = parseCsv(await csv.text())
      expect(header?.slice(0, 5)).toEqual(['CVE', 'Severity', 'CVSS', 'Package', 'Installed version'])
      expect(rows.map((r) => [r[0], r[3], r[4]])).toEqual(expected.map((v) => [v.cveName, v.feature, v.version]))
    })
  }

  it('names the image and digest in the file name, and answers by tag too', async () => {
    const res = await t.request(`/api/v1/exportRepoTagScanResult?${query({ ...shop, severity: 'Critical' })}`)
    expect(res.status).toBe(200)
    const digest = shopTask.digest.replace('sha256:', '').slice(0, 12)
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="demo_shop-app_1.0.0_sha256-${digest}_vulnerabilities.csv"; filename*=UTF-8''demo_shop-app_1.0.0_sha256-${digest}_vulnerabilities.csv`,
    )
    const rows = parseCsv(await res.text()).slice(1)
    expect(rows.map((r) => r[0]).sort()).toEqual((await listAll({ ...shop, severity: 'Critical' })).map((v) => v.cveName).sort())
    expect(rows.every((r) => r[1] === 'Critical')).toBe(true)
  })

  it('answers the list’s errors as JSON before any file starts', async () => {
    const unknown = await t.request(`/api/v1/exportRepoTagScanResult?scanTaskId=00000000-0000-4000-8000-000000000000`)
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ code: 'SCAN_TASK_NOT_EXIST' })
    const bad = await t.request(`/api/v1/exportRepoTagScanResult?${query({ scanTaskId: shopTask.scanTaskId, format: 'xlsx' })}`)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ code: 'PARAM_INVALID', fieldErrors: { format: [expect.any(String)] } })
    const none = await t.request('/api/v1/exportRepoTagScanResult')
    expect(none.status).toBe(400)
    // The list's own cross-field rules hold for exports too.
    const bounds = await t.request(`/api/v1/exportRepoTagScanResult?${query({ scanTaskId: shopTask.scanTaskId, cvssMin: '8', cvssMax: '2' })}`)
    expect(bounds.status).toBe(400)
    expect(await bounds.json()).toMatchObject({ code: 'PARAM_INVALID', fieldErrors: { cvssMin: [expect.any(String)] } })
  })
})

describe('the exports in the OpenAPI document', () => {
  it('lists each download with its query parameters and media types', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as { paths: Record<string, { get?: { parameters?: { name: string }[]; responses: Record<string, { content?: Record<string, unknown> }> } }> }
    const csv = doc.paths['/api/v1/exportRepoTagScanResult']?.get
    expect(csv?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['scanTaskId', 'severity', 'vulQueryKey', 'sortBy', 'format']))
    expect(Object.keys(csv?.responses['200']?.content ?? {})).toEqual(['text/csv', 'application/json'])
    expect(doc.paths['/api/v1/exportScanSbom']?.get?.parameters?.map((p) => p.name)).toEqual(['scanTaskId', 'withVulnerabilities'])
    expect(doc.paths['/api/v1/exportScanSarif']).toBeDefined()
  })
})

const require = createRequire(import.meta.url)
const cdxSchema = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res/schema/bom-1.6.SNAPSHOT.schema.json'), 'utf8')) as Record<string, unknown>

describe('exportScanSbom and exportScanSarif', () => {
  it('the CycloneDX 1.6 SBOM conforms to the spec’s schema and lists every component of the report', async () => {
    const res = await t.request(`/api/v1/exportScanSbom?scanTaskId=${shopTask.scanTaskId}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/vnd\.cyclonedx\+json/)
    expect(res.headers.get('content-disposition')).toMatch(/filename="demo_shop-app_1\.0\.0_sha256-[0-9a-f]{12}_cyclonedx\.cdx\.json"/)
    const bom = (await res.json()) as { specVersion: string; components: { purl?: string }[]; vulnerabilities?: unknown[]; metadata: { component: { type: string } } }
    expect(schemaErrors(cdxSchema(), bom)).toEqual([])
    expect(bom.specVersion).toBe('1.6')
    expect(bom.metadata.component.type).toBe('container')
    const report = await t.call('getImageReport', { scanTaskId: shopTask.scanTaskId })
    // The library components plus the operating system.
    expect(bom.components).toHaveLength(report.body.scan.components.length + (report.body.metadata.os ? 1 : 0))
    expect(bom.vulnerabilities ?? []).toHaveLength(0)
  })

  it('with vulnerabilities, every finding is there and the document still conforms', async () => {
    const res = await t.request(`/api/v1/exportScanSbom?scanTaskId=${shopTask.scanTaskId}&withVulnerabilities=1`)
    const bom = (await res.json()) as { vulnerabilities: { id: string; affects: unknown[] }[] }
    expect(schemaErrors(cdxSchema(), bom)).toEqual([])
    const rows = await listAll({ scanTaskId: shopTask.scanTaskId })
    expect(bom.vulnerabilities.reduce((n, v) => n + v.affects.length, 0)).toBe(rows.length)
    expect(new Set(bom.vulnerabilities.map((v) => v.id))).toEqual(new Set(rows.map((r) => r.cveName)))
  })

  it('the schema check catches a document that breaks the spec', () => {
    expect(schemaErrors(cdxSchema(), { bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ name: 'x' }] })).toContain('$.components[0]: missing required type')
  })

  it('SARIF 2.1.0 has one result per row of the list', async () => {
    const res = await t.request(`/api/v1/exportScanSarif?scanTaskId=${shopTask.scanTaskId}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/_vulnerabilities\.sarif"/)
    const sarif = (await res.json()) as { version: string; runs: { results: unknown[] }[] }
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]?.results).toHaveLength((await listAll({ scanTaskId: shopTask.scanTaskId })).length)
  })
})
