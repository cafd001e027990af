import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { waitForInstanceScans, waitForStatus } from '../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../testing/test-app'

let t: TestApp
const instanceId = DEMO_INSTANCE_ID

beforeAll(async () => {
  t = await startTestApp({ demo: true })
})
afterAll(() => t.close())

async function repoIdOf(fullName: string) {
  const res = await t.call('listRepository', { instanceId, repoName: fullName, pageSize: 100 })
  const repo = res.body.items.find((r) => r.fullName === fullName)
  if (!repo) throw new Error(`no repository ${fullName}`)
  return repo.repoId
}

describe('browsing the demo instance', () => {
  it('is created and indexed on a fresh database', async () => {
    const res = await t.call('getInstance', { instanceId })
    expect(res.body).toMatchObject({ instanceName: 'demo', kind: 'DIRECTORY', syncStatus: 'READY', syncError: null })
  })

  it('lists namespaces with their repository counts', async () => {
    const res = await t.call('listNamespace', { instanceId })
    expect(res.status).toBe(200)
    const demo = res.body.items.find((n) => n.namespaceName === 'demo')
    expect(demo?.repoCount).toBeGreaterThanOrEqual(4)
    expect(res.body.totalCount).toBe(res.body.items.length)
  })

  it('lists repositories sorted by name, and pages them stably', async () => {
    const all = await t.call('listRepository', { instanceId, pageSize: 100 })
    const names = all.body.items.map((r) => r.fullName)
    expect(names).toEqual(expect.arrayContaining(['demo/ubuntu-web', 'demo/legacy-api', 'demo/alpine-base', 'demo/shop-app']))
    expect(names).toEqual([...names].sort())
    const paged: string[] = []
    for (let pageNo = 1; pageNo <= all.body.totalCount; pageNo++) {
      const page = await t.call('listRepository', { instanceId, pageSize: 1, pageNo })
      expect(page.body).toMatchObject({ pageNo, pageSize: 1, totalCount: all.body.totalCount })
      paged.push(...page.body.items.map((r) => r.fullName))
    }
    expect(paged).toEqual(names)
    const beyond = await t.call('listRepository', { instanceId, pageSize: 1, pageNo: all.body.totalCount + 5 })
    expect(beyond.body.items).toEqual([])
  })

  it('searches case-insensitively and filters by namespace', async () => {
    const res = await t.call('listRepository', { instanceId, repoName: 'UBUNTU' })
    expect(res.body.items.map((r) => r.fullName)).toEqual(['demo/ubuntu-web'])
    const ns = await t.call('listRepository', { instanceId, repoNamespaceName: 'nope' })
    expect(ns.body).toMatchObject({ totalCount: 0, items: [] })
    const none = await t.call('listRepository', { instanceId, repoName: '%' })
    expect(none.body.totalCount).toBe(0) // LIKE wildcards are literal text
  })

  it('sorts by tag count in both directions', async () => {
    const desc = await t.call('listRepository', { instanceId, sortBy: 'tagCount', sortOrder: 'desc', pageSize: 100 })
    const counts = desc.body.items.map((r) => r.tagCount)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    const asc = await t.call('listRepository', { instanceId, sortBy: 'tagCount', sortOrder: 'asc', pageSize: 100 })
    expect(asc.body.items.map((r) => r.tagCount)).toEqual([...counts].reverse())
  })

  it('gets a repository by id and by namespace + name', async () => {
    const repoId = await repoIdOf('demo/shop-app')
    const byId = await t.call('getRepository', { instanceId, repoId })
    expect(byId.body).toMatchObject({ repoId, repoNamespaceName: 'demo', repoName: 'shop-app', repoStatus: 'NORMAL' })
    const byName = await t.call('getRepository', { instanceId, repoNamespaceName: 'demo', repoName: 'shop-app' })
    expect(byName.body.repoId).toBe(repoId)
    const missing = await t.call('getRepository', { instanceId, repoId: 'crr-0000000000000000' })
    expect(missing.status).toBe(404)
    expect(missing.body.code).toBe('REPO_NOT_EXIST')
    const neither = await t.call('getRepository', { instanceId })
    expect(neither.body.code).toBe('PARAM_INVALID')
  })

  it('lists tags with digest, size, platforms and layers', async () => {
    const repoId = await repoIdOf('demo/ubuntu-web')
    const res = await t.call('listRepoTag', { instanceId, repoId, sortBy: 'tag' })
    expect(res.body.items.map((i) => i.tag)).toEqual(['1.0', '22.04'])
    for (const tag of res.body.items) {
      expect(tag.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(tag.imageSize).toBeGreaterThan(0)
      expect(tag.layerCount).toBeGreaterThan(0)
    }
    const multi = res.body.items.find((i) => i.tag === '22.04')
    expect(multi?.platforms).toEqual(expect.arrayContaining(['linux/amd64', 'linux/arm64']))
    expect(multi?.mediaType).toBe('application/vnd.oci.image.index.v1+json')
    const search = await t.call('listRepoTag', { instanceId, repoId, tag: '22' })
    expect(search.body.items.map((i) => i.tag)).toEqual(['22.04'])
  })

  it('answers a tag list for an unknown repository with REPO_NOT_EXIST', async () => {
    const res = await t.call('listRepoTag', { instanceId, repoId: 'crr-0000000000000000' })
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('REPO_NOT_EXIST')
  })

  it('gets one tag by its exact name, as the tag list shows it', async () => {
    const repoId = await repoIdOf('demo/ubuntu-web')
    const res = await t.call('getRepoTag', { instanceId, repoId, tag: '22.04' })
    expect(res.status).toBe(200)
    const listed = await t.call('listRepoTag', { instanceId, repoId, tag: '22.04' })
    expect(res.body).toEqual(listed.body.items.find((i) => i.tag === '22.04'))
    expect(res.body).toMatchObject({ instanceId, repoId, tag: '22.04', mediaType: 'application/vnd.oci.image.index.v1+json', status: 'NORMAL' })
    expect(res.body.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('answers an unknown or merely similar tag with TAG_NOT_EXIST', async () => {
    const repoId = await repoIdOf('demo/ubuntu-web')
    for (const tag of ['9.9', '22', '22.04.1', '1.0-rc']) {
      const res = await t.call('getRepoTag', { instanceId, repoId, tag })
      expect(res.status, tag).toBe(404)
      expect(res.body.code, tag).toBe('TAG_NOT_EXIST')
      expect(res.body.requestId).toBe(res.headers.get('x-request-id'))
    }
    // A tag of another repository is not a tag of this one.
    const shop = await t.call('getRepoTag', { instanceId, repoId, tag: 'latest' })
    expect(shop.body.code).toBe('TAG_NOT_EXIST')
  })

  it('answers a tag of an unknown repository or instance with REPO_NOT_EXIST or INSTANCE_NOT_EXIST', async () => {
    const repo = await t.call('getRepoTag', { instanceId, repoId: 'crr-0000000000000000', tag: '22.04' })
    expect(repo.status).toBe(404)
    expect(repo.body.code).toBe('REPO_NOT_EXIST')
    const repoId = await repoIdOf('demo/ubuntu-web')
    const inst = await t.call('getRepoTag', { instanceId: 'cri-0000000000000000', repoId, tag: '22.04' })
    expect(inst.status).toBe(404)
    expect(inst.body.code).toBe('INSTANCE_NOT_EXIST')
  })

  it.each([
    [{ tag: undefined }, 'tag'],
    [{ tag: '' }, 'tag'],
    [{ tag: '-rc1' }, 'tag'],
    [{ tag: 'a b' }, 'tag'],
    [{ tag: 'x'.repeat(129) }, 'tag'],
    [{ repoId: 'nope' }, 'repoId'],
    [{ repoId: undefined }, 'repoId'],
    [{ instanceId: 'demo' }, 'instanceId'],
  ])('rejects getRepoTag with %j as PARAM_INVALID naming %s', async (extra, field) => {
    const repoId = await repoIdOf('demo/ubuntu-web')
    const res = await t.call('getRepoTag', { instanceId, repoId, tag: '22.04', ...extra })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('PARAM_INVALID')
    expect(res.body.fieldErrors).toHaveProperty(field)
    expect(res.body.requestId).toBe(res.headers.get('x-request-id'))
  })

  it.each([
    [{ pageSize: 0 }, 'pageSize'],
    [{ pageSize: 101 }, 'pageSize'],
    [{ pageNo: -1 }, 'pageNo'],
    [{ pageNo: 0 }, 'pageNo'],
    [{ pageNo: 'two' }, 'pageNo'],
    [{ sortBy: 'size' }, 'sortBy'],
    [{ sortOrder: 'up' }, 'sortOrder'],
    [{ repoName: 'x'.repeat(300) }, 'repoName'],
  ])('rejects %j with PARAM_INVALID naming %s', async (extra, field) => {
    const res = await t.call('listRepository', { instanceId, ...extra })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('PARAM_INVALID')
    expect(res.body.fieldErrors).toHaveProperty(field)
    expect(res.body.requestId).toBe(res.headers.get('x-request-id'))
  })

  it('gives each tag its latest scan (status, service, counts) in the list and in getRepoTag', async () => {
    await t.booted.seeded
    const tasks = await waitForInstanceScans(t, instanceId, { atLeast: 5 })
    const repoId = await repoIdOf('demo/shop-app')
    const list = await t.call('listRepoTag', { instanceId, repoId, sortBy: 'tag' })
    expect(list.body.items.map((i) => i.tag)).toEqual(['1.0.0', 'latest'])
    // Both tags point to one digest, so both show the one task that scanned it.
    const task = tasks.find((x) => x.repoId === repoId)
    expect(task?.status).toBe('COMPLETE')
    for (const item of list.body.items) {
      expect(item.lastScan).toEqual({
        scanTaskId: task?.scanTaskId,
        status: 'COMPLETE',
        scanService: 'SAS_SCAN_SERVICE',
        finishedAt: task?.finishTime,
        counts: task?.counts,
      })
    }
    const one = await t.call('getRepoTag', { instanceId, repoId, tag: 'latest' })
    expect(one.body.lastScan).toEqual(list.body.items[1]?.lastScan)

    // A newer task of the same image is the one shown, while it runs too.
    const queued = await t.call('createRepoTagScanTask', { instanceId, repoId, tag: 'latest', scanService: 'ACR_SCAN_SERVICE' })
    expect(queued.status).toBe(200)
    const after = await t.call('getRepoTag', { instanceId, repoId, tag: '1.0.0' })
    expect(after.body.lastScan?.scanTaskId).toBe(queued.body.scanTaskId)
    expect(after.body.lastScan?.scanService).toBe('ACR_SCAN_SERVICE')
    if (after.body.lastScan?.status !== 'COMPLETE') expect(after.body.lastScan).toMatchObject({ finishedAt: null, counts: null })
    const done = await waitForStatus(t, queued.body.scanTaskId, ['COMPLETE'])
    const final = await t.call('getRepoTag', { instanceId, repoId, tag: '1.0.0' })
    expect(final.body.lastScan).toMatchObject({ status: 'COMPLETE', finishedAt: done.finishTime, counts: done.counts })
  })

  it('leaves lastScan out for a digest that was never scanned', async () => {
    await t.db.deleteFrom('scan_tasks').where('instance_id', '=', instanceId).execute()
    const repoId = await repoIdOf('demo/alpine-base')
    const res = await t.call('listRepoTag', { instanceId, repoId })
    expect(res.body.items.length).toBeGreaterThan(0)
    for (const item of res.body.items) expect(item).not.toHaveProperty('lastScan')
  })
})
