import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WEBHOOK_SECRET_HEADER } from '@contract/instances'
import { buildDemoImages, type DemoImageSummary } from '../demo/demo-images'
import { openDirectorySource } from '../engine/acquire/directory-source'
import { pushImage } from '../engine/acquire/push'
import { importOsv } from '../engine/advisories/import-osv'
import { newId } from '../ids'
import { BUNDLED_ADVISORIES_DIR } from '../scans/demo-scans'
import { waitFor, waitForStatus } from '../scans/testing/scan-helpers'
import { startDockerRegistry, type RunningRegistry } from '../testing/docker-registry'
import { startTestApp, type TestApp } from '../testing/test-app'
import { REGISTRY_EVENTS_MEDIA_TYPE } from './registry-events'

/**
 * Push notifications end to end: Debian's real CNCF distribution registry is configured
 * to notify this server (the app served over HTTP on a free port), demo images are pushed
 * to it with our own client, and AUTO rules turn the pushes into scans.
 */
let t: TestApp
let registry: RunningRegistry
let server: ServerType
let images: DemoImageSummary[]
let imagesDir: string
const instanceId = newId('cri')
// Chosen here because the registry's config must hold it before the registry (and so the instance) exists.
const secret = `registry-secret-${randomBytes(16).toString('hex')}`

beforeAll(async () => {
  t = await startTestApp()
  await importOsv(t.db, [BUNDLED_ADVISORIES_DIR])
  server = serve({ fetch: t.booted.app.fetch, hostname: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  registry = await startDockerRegistry({
    extraConfig: `notifications:
  endpoints:
    - name: layerscope
      url: http://127.0.0.1:${String(port)}/api/hooks/registry/${instanceId}
      headers:
        ${WEBHOOK_SECRET_HEADER}: [${secret}]
      timeout: 10s
      threshold: 5
      backoff: 200ms
`,
  })
  imagesDir = path.join(t.dataDir, 'images')
  images = await buildDemoImages(imagesDir)
  await t.booted.instances.create({ kind: 'REGISTRY', instanceName: 'notifying registry', url: registry.url, insecureTls: false }, { id: instanceId })
  await t.booted.sync.idle()
  const set = await t.call('setInstanceTriggers', { instanceId, webhookSecret: 'ROTATE', newWebhookSecret: secret })
  expect(set.status, JSON.stringify(set.body)).toBe(200)
  const rule = await t.call('createScanRule', {
    instanceId,
    ruleName: 'shop releases',
    scanScope: 'REPO',
    namespaces: ['demo'],
    repoNames: ['shop-app'],
    triggerType: 'AUTO',
    repoTagFilterPattern: 'release-.*',
  })
  expect(rule.status, JSON.stringify(rule.body)).toBe(200)
}, 120_000)

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  await t?.close()
  await registry?.stop()
})

async function push(repository: string, asRepository: string, tag: string): Promise<string> {
  const img = images.find((i) => i.repository === repository)
  if (!img) throw new Error(`no demo image ${repository}`)
  const source = await openDirectorySource(imagesDir)
  try {
    return (await pushImage(source, img.repository, img.tag, { url: registry.url }, asRepository, tag)).digest
  } finally {
    await source.close()
  }
}

const tasks = async () => (await t.call('listScanTask', { instanceId, pageSize: 100 })).body.items

async function repoId(namespace: string, name: string) {
  const repo = await t.call('getRepository', { instanceId, repoNamespaceName: namespace, repoName: name })
  return repo.status === 200 ? repo.body.repoId : undefined
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  t.request(`/api/hooks/registry/${instanceId}`, {
    method: 'POST',
    headers: { 'content-type': REGISTRY_EVENTS_MEDIA_TYPE, [WEBHOOK_SECRET_HEADER]: secret, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('a registry push notification', () => {
  it('indexes a pushed tag that an AUTO rule matches and queues its scan (PUSH), which completes with a report', async () => {
    const digest = await push('demo/shop-app', 'demo/shop-app', 'release-1')
    const task = await waitFor('a PUSH task for demo/shop-app:release-1', async () => (await tasks()).find((i) => i.tag === 'release-1' && i.trigger.kind === 'PUSH'))
    expect(task).toMatchObject({ repository: 'demo/shop-app', digest, scanType: 'VUL', scanService: 'ACR_SCAN_SERVICE' })
    expect(task.trigger.scanRuleId).toMatch(/^crscnr-/)
    expect(task.trigger.detail).toMatch(/^registry event .+: push of demo\/shop-app:release-1$/)
    const done = await waitForStatus(t, task.scanTaskId, ['COMPLETE'])
    expect(done.counts?.totalSeverity).toBeGreaterThan(0)
    const vulns = await t.call('listRepoTagScanResult', { scanTaskId: task.scanTaskId })
    expect(vulns.body.totalCount).toBe(done.counts?.totalSeverity)
    const tag = await t.call('getRepoTag', { instanceId, repoId: task.repoId, tag: 'release-1' })
    expect(tag.body.digest).toBe(digest)
    const triggers = await t.call('getInstanceTriggers', { instanceId })
    expect(triggers.body.webhook.lastDeliveryTime).not.toBeNull()
    // The queued scan is audited under the instance's webhook, without its secret.
    const audit = await t.call('listAuditEvent', { actor: `registry-webhook:${instanceId}` })
    expect(audit.body.items[0]).toMatchObject({ actorVia: 'webhook', action: 'createRepoTagScanTask' })
    expect(audit.body.items[0]?.target).toContain(`repoId=${task.repoId}`)
    expect(JSON.stringify(audit.body)).not.toContain(secret)
  })

  it('indexes a push that no AUTO rule matches without queueing a scan', async () => {
    const before = (await tasks()).length
    const digest = await push('demo/alpine-base', 'team/alpine', 'release-1')
    const id = await waitFor('team/alpine in the index', () => repoId('team', 'alpine'))
    const tag = await waitFor('team/alpine:release-1 indexed', async () => {
      const res = await t.call('getRepoTag', { instanceId, repoId: id, tag: 'release-1' })
      return res.status === 200 ? res.body : undefined
    })
    expect(tag.digest).toBe(digest)
    expect(await tasks()).toHaveLength(before)
  })

  it('ignores pulls and untagged pushes, and does not act twice on a delivery the registry repeats', async () => {
    const shopRepo = await repoId('demo', 'shop-app')
    const [released] = (await tasks()).filter((i) => i.tag === 'release-1' && i.repoId === shopRepo)
    const target = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: released?.digest, repository: 'demo/shop-app' }
    const envelope = {
      events: [
        // Tagging the same image release-2 (as `crane tag` would): indexed, and scanned, as the rule matches it.
        { id: `evt-${randomBytes(6).toString('hex')}`, action: 'push', target: { ...target, tag: 'release-2' }, request: { method: 'PUT' }, actor: { name: 'ci' } },
        { id: `evt-${randomBytes(6).toString('hex')}`, action: 'pull', target: { ...target, tag: 'release-1' }, request: { method: 'GET' } },
        { id: `evt-${randomBytes(6).toString('hex')}`, action: 'push', target, request: { method: 'PUT' } },
      ],
    }
    const first = await post(envelope)
    expect(first.status).toBe(200)
    const handled = (await first.json()) as Record<string, number>
    expect(handled).toMatchObject({ pushes: 1, ignored: 2, duplicates: 0 })
    expect((handled.queued ?? 0) + (handled.existing ?? 0)).toBe(1)
    const tag = await t.call('getRepoTag', { instanceId, repoId: shopRepo, tag: 'release-2' })
    expect(tag.body.digest).toBe(released?.digest)
    const count = (await tasks()).length
    const again = await post(envelope)
    expect(await again.json()).toEqual({ pushes: 0, ignored: 2, duplicates: 1, queued: 0, existing: 0 })
    expect(await tasks()).toHaveLength(count)
    const pushed = (await tasks()).find((i) => i.tag === 'release-2')
    if (handled.queued) expect(pushed?.trigger).toMatchObject({ kind: 'PUSH', actor: 'ci' })
  })

  it('refuses a wrong or missing secret and an unknown instance alike (401), and bodies that are no envelope (400), writing nothing', async () => {
    const before = (await tasks()).length
    const wrong = await post({ events: [] }, { [WEBHOOK_SECRET_HEADER]: `${secret}x` })
    expect(wrong.status).toBe(401)
    expect(((await wrong.json()) as { code: string }).code).toBe('UNAUTHENTICATED')
    const missing = await t.request(`/api/hooks/registry/${instanceId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"events":[]}' })
    expect(missing.status).toBe(401)
    const unknown = await t.request('/api/hooks/registry/cri-0000000000000000', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SECRET_HEADER]: secret },
      body: '{"events":[]}',
    })
    expect(unknown.status).toBe(401)
    expect((await post('not json')).status).toBe(400)
    const shape = await post({ events: [{ action: 'push' }] })
    expect(shape.status).toBe(400)
    expect(((await shape.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).toHaveProperty(['events.0.id'])
    expect((await post({ events: [] }, { 'content-type': 'text/plain' })).status).toBe(400)
    expect(await tasks()).toHaveLength(before)
  })
})

describe('the webhook secret', () => {
  it('is shown once when rotated, never read back, and the old one stops working at once', async () => {
    const read = await t.call('getInstanceTriggers', { instanceId })
    expect(read.body.webhook).toMatchObject({ configured: true, path: `/api/hooks/registry/${instanceId}`, header: WEBHOOK_SECRET_HEADER })
    expect(JSON.stringify(read.body)).not.toContain(secret)
    const stored = await t.db.selectFrom('instance_triggers').select('webhook_secret_hash').where('instance_id', '=', instanceId).executeTakeFirstOrThrow()
    expect(stored.webhook_secret_hash).not.toContain(secret)

    const rotated = await t.call('setInstanceTriggers', { instanceId, webhookSecret: 'ROTATE' })
    const fresh = rotated.body.webhookSecret
    expect(fresh).toMatch(/^lswh_/)
    expect((await post({ events: [] })).status).toBe(401)
    expect((await post({ events: [] }, { [WEBHOOK_SECRET_HEADER]: fresh ?? '' })).status).toBe(200)
    expect((await t.call('setInstanceTriggers', { instanceId })).body.webhookSecret).toBeNull()

    const removed = await t.call('setInstanceTriggers', { instanceId, webhookSecret: 'REMOVE' })
    expect(removed.body.webhook.configured).toBe(false)
    expect((await post({ events: [] }, { [WEBHOOK_SECRET_HEADER]: fresh ?? '' })).status).toBe(401)
  })

  it('refuses a chosen secret that is short or comes without ROTATE, and an unknown instance, changing nothing', async () => {
    const short = await t.call('setInstanceTriggers', { instanceId, webhookSecret: 'ROTATE', newWebhookSecret: 'short' })
    expect(short.status).toBe(400)
    expect(short.body.code).toBe('PARAM_INVALID')
    const keep = await t.call('setInstanceTriggers', { instanceId, newWebhookSecret: 'x'.repeat(40) })
    expect(keep.status).toBe(400)
    expect((await t.call('getInstanceTriggers', { instanceId })).body.webhook.configured).toBe(false)
    const unknown = await t.call('setInstanceTriggers', { instanceId: 'cri-0000000000000000', webhookSecret: 'ROTATE' })
    expect(unknown.body.code).toBe('INSTANCE_NOT_EXIST')
  })
})
