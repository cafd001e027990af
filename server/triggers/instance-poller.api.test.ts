import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDemoImages, type DemoImageSummary } from '../demo/demo-images'
import { openDirectorySource } from '../engine/acquire/directory-source'
import { pushImage } from '../engine/acquire/push'
import { createLogger } from '../log'
import { waitFor } from '../scans/testing/scan-helpers'
import { startDockerRegistry, type RunningRegistry } from '../testing/docker-registry'
import { startTestApp, type TestApp } from '../testing/test-app'
import { InstancePoller } from './instance-poller'

/**
 * Polling against Debian's real distribution registry whose content changes between
 * polls (new tags, a tag pushed over with another image), and a directory instance whose
 * directory vanishes and comes back. The server's own timers are off (triggerCheckMs 0):
 * the test drives the poller's tick, passing a clock later than each next poll time.
 */
let t: TestApp
let registry: RunningRegistry
let images: DemoImageSummary[]
let imagesDir: string
let registryInstance: string
let clock = Date.now()
/** A tick at a time when every enabled instance is due again (intervals are 60 s). */
const due = () => new Date((clock += 61_000))

beforeAll(async () => {
  t = await startTestApp({ scans: { triggerCheckMs: 0 } })
  registry = await startDockerRegistry()
  imagesDir = path.join(t.dataDir, 'images')
  images = await buildDemoImages(imagesDir)
  registryInstance = (await t.booted.instances.create({ kind: 'REGISTRY', instanceName: 'polled registry', url: registry.url, insecureTls: false })).instanceId
  await t.booted.sync.idle()
  const rule = await t.call('createScanRule', {
    instanceId: registryInstance,
    ruleName: 'app tags',
    scanScope: 'NAMESPACE',
    namespaces: ['team'],
    triggerType: 'AUTO',
    repoTagFilterPattern: 'v[0-9]+',
  })
  expect(rule.status).toBe(200)
}, 120_000)

afterAll(async () => {
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

const pollTasks = async (instanceId: string) =>
  (await t.call('listScanTask', { instanceId, pageSize: 100 })).body.items.filter((i) => i.trigger.kind === 'POLL')

describe('polling a registry', () => {
  it('is off until an interval is set, and refuses intervals under the minimum', async () => {
    expect((await t.booted.poller.tick(due())).map((o) => o.instanceId)).not.toContain(registryInstance)
    const tooOften = await t.call('setInstanceTriggers', { instanceId: registryInstance, pollIntervalSeconds: 5 })
    expect(tooOften.status).toBe(400)
    expect(tooOften.body.code).toBe('PARAM_INVALID')
    const set = await t.call('setInstanceTriggers', { instanceId: registryInstance, pollIntervalSeconds: 60 })
    expect(set.body.poll).toMatchObject({ intervalSeconds: 60, lastPollTime: null, lastError: null })
    expect(set.body.poll.nextPollTime).not.toBeNull()
  })

  it('scans the new tags an AUTO rule matches (POLL), and only those', async () => {
    const v1 = await push('demo/shop-app', 'team/app', 'v1')
    await push('demo/shop-app', 'team/app', 'nightly')
    const [outcome] = await t.booted.poller.tick(due())
    expect(outcome).toMatchObject({ instanceId: registryInstance, status: 'polled', changedTags: 2, counts: { queued: 1, existing: 0 } })
    const tasks = await pollTasks(registryInstance)
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({ repository: 'team/app', tag: 'v1', digest: v1, trigger: { kind: 'POLL', actor: null } })
    expect(tasks[0]?.trigger.scanRuleId).toMatch(/^crscnr-/)
    const triggers = await t.call('getInstanceTriggers', { instanceId: registryInstance })
    expect(triggers.body.poll.lastPollTime).not.toBeNull()
  })

  it('queues nothing more when nothing changed', async () => {
    // The tags the last poll indexed are looked at once more (a push during a poll is never
    // missed), and found scanned since their push.
    const [outcome] = await t.booted.poller.tick(due())
    expect(outcome).toMatchObject({ status: 'polled', counts: { queued: 0 } })
    expect(await pollTasks(registryInstance)).toHaveLength(1)
    const [next] = await t.booted.poller.tick(due())
    expect(next).toMatchObject({ status: 'polled', changedTags: 0, counts: { queued: 0, existing: 0 } })
  })

  it('scans a tag whose digest moved and a new tag', async () => {
    const moved = await push('demo/legacy-api', 'team/app', 'v1')
    const v2 = await push('demo/alpine-base', 'team/app', 'v2')
    const [outcome] = await t.booted.poller.tick(due())
    expect(outcome).toMatchObject({ status: 'polled', changedTags: 2, counts: { queued: 2 } })
    const digests = (await pollTasks(registryInstance)).map((i) => `${i.tag}@${i.digest}`)
    expect(digests).toEqual(expect.arrayContaining([`v1@${moved}`, `v2@${v2}`]))
    expect(digests).toHaveLength(3)
  })

  it('does not poll one instance twice at once', async () => {
    await push('demo/ubuntu-web', 'team/app', 'v3')
    const at = due()
    const [a, b] = await Promise.all([t.booted.poller.tick(at), t.booted.poller.tick(at)])
    expect([...(a ?? []), ...(b ?? [])].filter((o) => o.instanceId === registryInstance)).toHaveLength(1)
    expect((await pollTasks(registryInstance)).filter((i) => i.tag === 'v3')).toHaveLength(1)
  })
})

describe('a failed poll', () => {
  it('is recorded and retried at the next interval, which finds what the failed one missed', async () => {
    const dir = path.join(t.dataDir, 'watched')
    await fs.cp(path.join(imagesDir, 'legacy-api'), path.join(dir, 'legacy-api'), { recursive: true })
    const { instanceId } = await t.booted.instances.create({ kind: 'DIRECTORY', instanceName: 'watched folder', path: dir })
    await t.booted.sync.idle()
    await t.call('createScanRule', { instanceId, ruleName: 'everything', scanScope: 'INSTANCE', triggerType: 'AUTO', repoTagFilterPattern: '.*' })
    await t.call('setInstanceTriggers', { instanceId, pollIntervalSeconds: 60 })

    const away = `${dir}-away`
    await fs.rename(dir, away)
    const failed = (await t.booted.poller.tick(due())).find((o) => o.instanceId === instanceId)
    expect(failed?.status).toBe('failed')
    const recorded = await t.call('getInstanceTriggers', { instanceId })
    expect(recorded.body.poll.lastError).toBeTruthy()
    expect(recorded.body.poll.nextPollTime).toBeGreaterThan(Date.now())

    await fs.rename(away, dir)
    await fs.cp(path.join(imagesDir, 'shop-app'), path.join(dir, 'shop-app'), { recursive: true })
    const retried = (await t.booted.poller.tick(due())).find((o) => o.instanceId === instanceId)
    expect(retried).toMatchObject({ status: 'polled', changedTags: 2, counts: { queued: 1, existing: 1 } })
    expect((await t.call('getInstanceTriggers', { instanceId })).body.poll.lastError).toBeNull()
    expect((await pollTasks(instanceId)).map((i) => i.repository)).toEqual(['demo/shop-app'])
  })
})

describe('the poller of a server', () => {
  it('polls on its timer and stops with the server', async () => {
    const poller = new InstancePoller(t.db, t.booted.sync, t.booted.scans, createLogger('silent'), { tickMs: 50 })
    const makeDue = () => t.db.updateTable('instance_triggers').set({ poll_next_at: new Date(0), poll_lease_until: null }).where('instance_id', '=', registryInstance).execute()
    const lastPoll = async () => (await t.call('getInstanceTriggers', { instanceId: registryInstance })).body.poll.lastPollTime
    await makeDue()
    const before = await lastPoll()
    poller.start()
    const polled = await waitFor('a timer poll', async () => {
      const at = await lastPoll()
      return at !== before ? at : undefined
    })
    await poller.stop()
    await makeDue()
    // Several of its 50 ms ticks would have passed: none may poll any more.
    await new Promise((r) => setTimeout(r, 400))
    expect(await lastPoll()).toBe(polled)
  })
})
