import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImageReportView, ScanTask } from '@contract/scans'
import { DEMO_INSTANCE_ID } from '../../demo/demo-instance'
import { repoIdOf, waitForInstanceScans } from '../../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../../testing/test-app'
import { startWireServer, type WireServer } from '../testing/wire-server'
import { parseApiTokens } from './api-tokens'
import { runtimeError, storageImage, type StorageImage } from '../../providers/stackrox/storage-image-model'

/**
 * `POST /v1/images/scan` over plain HTTP, as a StackRox client sends it, against the
 * demo instance's scanned images: answers are checked against getImageReport of the
 * same scan.
 */
const TOKEN = 'stackrox-test-token-0123456789'
const instanceId = DEMO_INSTANCE_ID

let t: TestApp
let wire: WireServer
let shopRepoId: string

function tokens() {
  const parsed = parseApiTokens(TOKEN)
  if (!('value' in parsed)) throw new Error(parsed.errors.join('; '))
  return parsed.value
}

async function scan(body: unknown, opts: { token?: string | null; server?: WireServer } = {}) {
  const token = opts.token === undefined ? TOKEN : opts.token
  const res = await fetch(`${(opts.server ?? wire).origin}/v1/images/scan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as unknown }
}

async function shopTask(): Promise<ScanTask> {
  const res = await t.call('getRepoTagScanStatus', { instanceId, repoId: shopRepoId, tag: '1.0.0' })
  return res.body
}

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  await waitForInstanceScans(t, instanceId, { atLeast: 5 })
  shopRepoId = await repoIdOf(t, instanceId, 'demo/shop-app')
  wire = await startWireServer(t, { stackrox: { tokens: tokens(), scanTimeoutMs: 60_000, pollMs: 50 } })
})
afterAll(async () => {
  await wire.close()
  await t.close()
})

describe('POST /v1/images/scan', () => {
  it('answers the newest COMPLETE scan as a StorageImage, as getImageReport reports it', async () => {
    const res = await scan({ imageName: `${instanceId}/demo/shop-app:1.0.0` })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const image = storageImage.parse(res.body)
    const task = await shopTask()
    const report = (await t.call('getImageReport', { scanTaskId: task.scanTaskId })).body as ImageReportView
    expect(image.id).toBe(task.digest)
    expect(image.name).toEqual({ registry: instanceId, remote: 'demo/shop-app', tag: '1.0.0', fullName: `${instanceId}/demo/shop-app:1.0.0` })
    expect(image).toMatchObject({ components: report.components, cves: report.cves, fixableCves: report.fixableCves })
    expect(image.scan.components.map((c) => `${c.name}@${c.version}`)).toEqual(report.scan.components.map((c) => `${c.name}@${c.version}`))
    const log4shell = image.scan.components.flatMap((c) => c.vulns).find((v) => v.cve === 'CVE-2021-44228')
    expect(log4shell).toMatchObject({ severity: 'CRITICAL_VULNERABILITY_SEVERITY', cvss: 10, fixedBy: '2.15.0', scoreVersion: 'V3' })
    expect(image.metadata.layerShas).toEqual(report.metadata.layers.map((l) => l.digest))
    expect(image.metadata.v1.layers.map((l) => l.instruction)).toEqual(report.metadata.layers.map((l) => l.instruction ?? ''))
  })

  it('finds the image without a registry when one instance has it, and by digest', async () => {
    const byName = storageImage.parse((await scan({ imageName: 'demo/shop-app:1.0.0' })).body)
    expect(byName.name.registry).toBe(instanceId)
    const byDigest = await scan({ imageName: `demo/shop-app@${byName.id}` })
    expect(byDigest.status).toBe(200)
    const image = byDigest.body as StorageImage
    expect(image.id).toBe(byName.id)
    expect(image.name).toMatchObject({ tag: '', fullName: `${instanceId}/demo/shop-app@${byName.id}` })
  })

  it('force: queues a new scan, waits for it and answers from it', async () => {
    const before = await shopTask()
    const res = await scan({ imageName: 'demo/shop-app:1.0.0', force: true })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const after = await shopTask()
    expect(after.scanTaskId).not.toBe(before.scanTaskId)
    expect(after).toMatchObject({ status: 'COMPLETE', scanService: 'ACR_SCAN_SERVICE' })
    const image = res.body as StorageImage
    expect(Date.parse(image.scan.scanTime ?? '')).toBeGreaterThan(before.finishTime ?? 0)
  })

  it('a scan that does not finish in time is DEADLINE_EXCEEDED', async () => {
    const impatient = await startWireServer(t, { stackrox: { tokens: tokens(), scanTimeoutMs: 0, pollMs: 50 } })
    try {
      const res = await scan({ imageName: 'demo/ubuntu-web:22.04', force: true }, { server: impatient })
      expect(res.status).toBe(504)
      expect(runtimeError.parse(res.body)).toMatchObject({ code: 4, message: expect.stringContaining('did not finish') as unknown })
    } finally {
      await impatient.close()
    }
  })
})

describe('errors in StackRox’s shape', () => {
  it('an unknown image is NOT_FOUND', async () => {
    for (const imageName of ['demo/no-such-app:1.0.0', 'demo/shop-app:9.9.9', 'registry.example.com/demo/shop-app:1.0.0']) {
      const res = await scan({ imageName })
      expect(res.status, imageName).toBe(404)
      const body = runtimeError.parse(res.body)
      expect(body).toMatchObject({ code: 5, details: [] })
      expect(body.error).toBe(body.message)
    }
  })

  it('a missing or wrong token is UNAUTHENTICATED', async () => {
    const missing = await scan({ imageName: 'demo/shop-app:1.0.0' }, { token: null })
    expect(missing.status).toBe(401)
    expect(runtimeError.parse(missing.body).code).toBe(16)
    const wrong = await scan({ imageName: 'demo/shop-app:1.0.0' }, { token: 'not-the-token-0123456789' })
    expect(wrong.status).toBe(401)
    expect(JSON.stringify(wrong.body)).not.toContain(TOKEN)
  })

  it('a bad body, a bad name or a cluster is INVALID_ARGUMENT', async () => {
    for (const body of ['{not json', { imageName: '' }, { imageName: 'Demo/App:1' }, { imageName: 'demo/shop-app:1.0.0', cluster: 'prod' }, { imageName: 'x', force: 'yes' }]) {
      const res = await scan(body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(runtimeError.parse(res.body).code).toBe(3)
    }
  })

  it('without configured tokens the endpoint says it is disabled', async () => {
    const res = await t.request('/v1/images/scan', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '{"imageName":"demo/shop-app"}' })
    expect(res.status).toBe(503)
    expect(runtimeError.parse(await res.json())).toMatchObject({ code: 14, message: expect.stringContaining('STACKROX_WIRE_TOKENS') as unknown })
  })
})
