import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanComparison } from '@contract/compare'
import type { ScanFixPlan } from '@contract/fix-plan'
import type { ScanTask, VulnerabilityItem } from '@contract/scans'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { startTestApp, type TestApp } from '../testing/test-app'
import { waitForInstanceScans } from './testing/scan-helpers'

/**
 * compareScans and getScanFixPlan over the demo scans. shop-app is built on the very
 * Alpine layer alpine-base ships, so the two share musl and its CVE; shop-app adds the
 * application packages.
 */
let t: TestApp
const instanceId = DEMO_INSTANCE_ID
let tasks: ScanTask[]

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  tasks = await waitForInstanceScans(t, instanceId, { atLeast: 5 })
})
afterAll(() => t.close())

const taskOf = (repository: string) => {
  const task = tasks.find((x) => x.repository === repository)
  if (!task) throw new Error(`no scan of ${repository}`)
  return task
}
const keys = (list: { cveName: string; feature: string }[]) => list.map((v) => `${v.cveName} ${v.feature}`).sort()

async function rows(scanTaskId: string): Promise<VulnerabilityItem[]> {
  const res = await t.call('listRepoTagScanResult', { scanTaskId, pageSize: 100 })
  return res.body.items as VulnerabilityItem[]
}

async function compare(input: Record<string, string>): Promise<ScanComparison> {
  const res = await t.call('compareScans', input)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

describe('compareScans', () => {
  it('shop-app against alpine-base: musl unchanged, the application findings new, nothing fixed', async () => {
    const shop = taskOf('demo/shop-app')
    const alpine = taskOf('demo/alpine-base')
    const diff = await compare({ scanTaskId: shop.scanTaskId, baseScanTaskId: alpine.scanTaskId })
    expect(diff.head).toMatchObject({ scanTaskId: shop.scanTaskId, repository: 'demo/shop-app', digest: shop.digest })
    expect(diff.base).toMatchObject({ scanTaskId: alpine.scanTaskId, repository: 'demo/alpine-base' })
    expect(keys(diff.unchanged)).toEqual(['CVE-2025-26519 musl', 'CVE-2025-26519 musl-utils'])
    expect(diff.fixed).toEqual([])
    const shopRows = await rows(shop.scanTaskId)
    expect(keys(diff.added)).toEqual(keys(shopRows.filter((r) => !r.feature.startsWith('musl'))))
    expect(diff.added.find((v) => v.cveName === 'CVE-2021-44228')).toMatchObject({ feature: 'log4j-core', version: '2.14.1', baseVersion: null, severity: 'Critical' })
    // Worst first.
    expect(diff.added[0]?.severity).toBe('Critical')
  })

  it('the other way round, the application findings are fixed', async () => {
    const diff = await compare({ scanTaskId: taskOf('demo/alpine-base').scanTaskId, baseScanTaskId: taskOf('demo/shop-app').scanTaskId })
    expect(diff.added).toEqual([])
    expect(diff.fixed.map((v) => v.cveName)).toContain('CVE-2021-44228')
    expect(diff.fixed.find((v) => v.cveName === 'CVE-2021-44228')).toMatchObject({ version: null, baseVersion: '2.14.1' })
    expect(diff.unchanged).toHaveLength(2)
  })

  it('legacy-api against ubuntu-web: the shared curl CVE is unchanged at another version', async () => {
    const diff = await compare({ scanTaskId: taskOf('demo/legacy-api').scanTaskId, baseScanTaskId: taskOf('demo/ubuntu-web').scanTaskId })
    expect(diff.unchanged.find((v) => v.cveName === 'CVE-2023-38545' && v.feature === 'curl')).toMatchObject({ version: '7.68.0-1ubuntu2.18', baseVersion: '7.81.0-1ubuntu1.13' })
    expect(diff.added.some((v) => v.feature === 'bash')).toBe(true)
    expect(diff.fixed.some((v) => v.feature === 'libc6')).toBe(true)
  })

  it('finds the other scan by a tag or digest of the same repository', async () => {
    const web = taskOf('demo/ubuntu-web')
    // 22.04 and 1.0 point to the same image: everything is unchanged.
    const byTag = await compare({ scanTaskId: web.scanTaskId, baseTag: '1.0' })
    expect(byTag.base.scanTaskId).toBe(web.scanTaskId)
    expect(byTag.added).toEqual([])
    expect(byTag.fixed).toEqual([])
    expect(keys(byTag.unchanged)).toEqual(keys(await rows(web.scanTaskId)).filter((k, i, all) => all.indexOf(k) === i))
    const byDigest = await compare({ scanTaskId: web.scanTaskId, baseDigest: web.digest.replace('sha256:', '') })
    expect(byDigest.base.digest).toBe(web.digest)
  })

  it('needs exactly one other scan, and a known one', async () => {
    const shop = taskOf('demo/shop-app').scanTaskId
    expect((await t.call('compareScans', { scanTaskId: shop })).status).toBe(400)
    expect((await t.call('compareScans', { scanTaskId: shop, baseTag: '1.0.0', baseScanTaskId: shop })).status).toBe(400)
    const missing = await t.call('compareScans', { scanTaskId: shop, baseTag: 'no-such-tag' })
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({ code: 'TAG_NOT_EXIST' })
  })
})

describe('getScanFixPlan', () => {
  it('covers every finding of the scan once, biggest risk first', async () => {
    const shop = taskOf('demo/shop-app')
    const res = await t.call('getScanFixPlan', { scanTaskId: shop.scanTaskId })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const plan: ScanFixPlan = res.body
    const all = await rows(shop.scanTaskId)
    expect(plan.totalFindings).toBe(all.length)
    const planned = [...plan.upgrades.flatMap((u) => [...u.closes, ...u.remainsInPackage].map((f) => `${f.cveName} ${u.name}`)), ...plan.unfixable.flatMap((u) => u.findings.map((f) => `${f.cveName} ${u.name}`))]
    expect(planned.sort()).toEqual(keys(all))
    expect(plan.upgrades[0]?.name).toBe('log4j-core')
    expect(plan.dockerfile).toContain('RUN apk add --no-cache --upgrade ')
  })
})
