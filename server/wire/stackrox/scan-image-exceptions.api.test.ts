import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { VulnerabilityItem } from '@contract/scans'
import { DEMO_INSTANCE_ID } from '../../demo/demo-instance'
import { VulnExceptionService } from '../../exceptions/exception-service'
import { people } from '../../exceptions/testing/exception-fixtures'
import { repoIdOf, waitForInstanceScans } from '../../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../../testing/test-app'
import { startWireServer, type WireServer } from '../testing/wire-server'
import { parseApiTokens } from './api-tokens'
import { storageImage, type StorageImage } from '../../providers/stackrox/storage-image-model'

/**
 * `POST /v1/images/scan` with approved exceptions on the shop-app image: each vuln's
 * state, suppressed, suppressActivation and suppressExpiry come from them, and suppressed
 * vulns are only answered with includeSnoozed, as Central answers snoozed CVEs.
 */
const TOKEN = 'stackrox-test-token-0123456789'
const DAY = 86_400_000

let t: TestApp
let wire: WireServer
let falsePositive: VulnerabilityItem
let deferred: VulnerabilityItem
let before: StorageImage
let approvedAt: number

function tokens() {
  const parsed = parseApiTokens(TOKEN)
  if (!('value' in parsed)) throw new Error(parsed.errors.join('; '))
  return parsed.value
}

async function scan(body: Record<string, unknown>): Promise<StorageImage> {
  const res = await fetch(`${wire.origin}/v1/images/scan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ imageName: `${DEMO_INSTANCE_ID}/demo/shop-app:1.0.0`, ...body }),
  })
  const json = (await res.json()) as unknown
  expect(res.status, JSON.stringify(json)).toBe(200)
  return storageImage.parse(json)
}

/** Every vuln of the image with its component, keyed as one finding. */
const vulnsOf = (image: StorageImage) => image.scan?.components.flatMap((c) => c.vulns.map((v) => ({ key: `${v.cve} ${c.name}@${c.version}`, ...v }))) ?? []
const keyOf = (v: VulnerabilityItem) => `${v.cveName} ${v.feature}@${v.version}`

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  const tasks = await waitForInstanceScans(t, DEMO_INSTANCE_ID, { atLeast: 5 })
  const shopRepo = await repoIdOf(t, DEMO_INSTANCE_ID, 'demo/shop-app')
  const shop = tasks.find((x) => x.repoId === shopRepo)
  if (!shop) throw new Error('no shop-app scan')
  wire = await startWireServer(t, { stackrox: { tokens: tokens(), scanTimeoutMs: 60_000, pollMs: 50 } })
  before = await scan({})

  const list = await t.call('listRepoTagScanResult', { scanTaskId: shop.scanTaskId, pageSize: 100 })
  const items = list.body.items as VulnerabilityItem[]
  // Two findings whose CVEs occur nowhere else in the image, so the image's cves count drops by two.
  const once = items.filter((v) => items.filter((w) => w.cveName === v.cveName).length === 1)
  const [a, b] = once
  if (!a || !b) throw new Error('shop-app needs two CVEs found once')
  ;[falsePositive, deferred] = [a, b]

  approvedAt = Date.now()
  const service = new VulnExceptionService(t.db, { now: () => new Date(approvedAt) })
  const request = async (v: VulnerabilityItem, over: Record<string, unknown>) => {
    const [created] = await service.create(
      {
        scanTaskId: shop.scanTaskId,
        findings: [{ cveName: v.cveName, componentId: v.componentId }],
        kind: 'FALSE_POSITIVE',
        scope: 'DIGEST',
        reason: 'Not reachable in this service.',
        justification: 'vulnerable_code_not_in_execute_path',
        ...over,
      },
      people.alice,
    )
    if (!created) throw new Error('nothing created')
    await service.approve({ exceptionId: created.exceptionId, comment: 'Agreed.' }, people.bob)
  }
  await request(falsePositive, {})
  await request(deferred, { kind: 'DEFERRAL', expiry: 'THIRTY_DAYS' })
}, 180_000)
afterAll(async () => {
  await wire?.close()
  await t?.close()
})

describe('POST /v1/images/scan with exceptions', () => {
  it('before any exception every vuln is OBSERVED and unsuppressed', () => {
    const vulns = vulnsOf(before)
    expect(vulns.length).toBeGreaterThan(2)
    expect(vulns.every((v) => v.state === 'OBSERVED' && !v.suppressed && v.suppressActivation === null && v.suppressExpiry === null)).toBe(true)
  })

  it('without includeSnoozed, suppressed vulns are left out, and out of the CVE counts', async () => {
    const image = await scan({})
    const keys = vulnsOf(image).map((v) => v.key)
    expect(keys).toEqual(
      vulnsOf(before)
        .map((v) => v.key)
        .filter((k) => k !== keyOf(falsePositive) && k !== keyOf(deferred)),
    )
    expect(image.cves).toBe(before.cves - 2)
    const fixableGone = [falsePositive, deferred].filter((v) => v.versionFixed).length
    expect(image.fixableCves).toBe(before.fixableCves - fixableGone)
    expect(vulnsOf(image).every((v) => v.state === 'OBSERVED' && !v.suppressed)).toBe(true)
  })

  it('with includeSnoozed, they are answered with their state and suppression times', async () => {
    const image = await scan({ includeSnoozed: true })
    const vulns = vulnsOf(image)
    expect(vulns.map((v) => v.key)).toEqual(vulnsOf(before).map((v) => v.key))
    expect(image).toMatchObject({ cves: before.cves, fixableCves: before.fixableCves })
    const fp = vulns.find((v) => v.key === keyOf(falsePositive))
    expect(fp).toMatchObject({ state: 'FALSE_POSITIVE', suppressed: true, suppressActivation: new Date(approvedAt).toISOString(), suppressExpiry: null })
    const def = vulns.find((v) => v.key === keyOf(deferred))
    expect(def).toMatchObject({
      state: 'DEFERRED',
      suppressed: true,
      suppressActivation: new Date(approvedAt).toISOString(),
      suppressExpiry: new Date(approvedAt + 30 * DAY).toISOString(),
    })
    expect(vulns.filter((v) => v.suppressed)).toHaveLength(2)
  })
})
