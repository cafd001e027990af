import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDemoImages } from '../demo/demo-images'
import { startTestApp, type TestApp } from '../testing/test-app'

let t: TestApp
let imagesDir: string

beforeAll(async () => {
  t = await startTestApp()
  imagesDir = path.join(t.dataDir, 'images')
  await buildDemoImages(imagesDir)
})
afterAll(() => t.close())

async function instanceCount() {
  const res = await t.call('listInstance', {})
  return res.body.totalCount
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = net.createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as net.AddressInfo).port
  await new Promise((r) => srv.close(r))
  return port
}

describe('instances', () => {
  it('creates a directory instance, syncs it in the background, lists and gets it', async () => {
    const created = await t.call('createInstance', { kind: 'DIRECTORY', instanceName: 'Local images', path: imagesDir })
    expect(created.status).toBe(200)
    expect(created.body.instanceId).toMatch(/^cri-[0-9a-z]{16}$/)
    expect(created.body).toMatchObject({ instanceName: 'Local images', kind: 'DIRECTORY', provider: 'local', hasPassword: false })
    await t.booted.sync.idle()
    const got = await t.call('getInstance', { instanceId: created.body.instanceId })
    expect(got.body.syncStatus).toBe('READY')
    expect(got.body.repoCount).toBeGreaterThanOrEqual(4)
    expect(got.body.tagCount).toBeGreaterThanOrEqual(6)
    const list = await t.call('listInstance', { instanceName: 'local' })
    expect(list.body.items.map((i) => i.instanceId)).toContain(created.body.instanceId)
  })

  it('refuses a second instance with the same name, whatever the case', async () => {
    const res = await t.call('createInstance', { kind: 'DIRECTORY', instanceName: 'LOCAL IMAGES', path: imagesDir })
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ code: 'INSTANCE_NAME_CONFLICT', fieldErrors: { instanceName: expect.any(Array) as unknown } })
  })

  it.each([
    [{ kind: 'REGISTRY', instanceName: 'x', url: 'ftp://example.invalid' }, 'url'],
    [{ kind: 'REGISTRY', instanceName: 'x', url: 'not a url' }, 'url'],
    [{ kind: 'REGISTRY', instanceName: 'x', url: 'https://user:pw@registry.invalid' }, 'url'],
    [{ kind: 'REGISTRY', instanceName: '', url: 'http://127.0.0.1:1' }, 'instanceName'],
    [{ kind: 'TAPE', instanceName: 'x' }, 'kind'],
    [{ kind: 'DIRECTORY', instanceName: 'x' }, 'path'],
  ])('rejects bad input %j with PARAM_INVALID naming %s, and stores nothing', async (body, field) => {
    const before = await instanceCount()
    const res = await t.call('createInstance', body)
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('PARAM_INVALID')
    expect(Object.keys(res.body.fieldErrors as object)).toContain(field)
    expect(await instanceCount()).toBe(before)
  })

  it('reports an unreachable registry as REGISTRY_UNREACHABLE and stores nothing', async () => {
    const before = await instanceCount()
    const port = await closedPort()
    const res = await t.call('createInstance', { kind: 'REGISTRY', instanceName: 'nowhere', url: `http://127.0.0.1:${port}` })
    expect(res.status).toBe(502)
    expect(res.body.code).toBe('REGISTRY_UNREACHABLE')
    expect(String(res.body.message)).toContain(`127.0.0.1:${port}`)
    expect(await instanceCount()).toBe(before)
  })

  it('reports a directory that does not exist as DIRECTORY_INVALID', async () => {
    const res = await t.call('testInstanceConnection', { kind: 'DIRECTORY', path: path.join(t.dataDir, 'missing') })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('DIRECTORY_INVALID')
  })

  it('tests a connection without saving it', async () => {
    const before = await instanceCount()
    const res = await t.call('testInstanceConnection', { kind: 'DIRECTORY', path: imagesDir })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ ok: true, repositoryCount: expect.any(Number) as unknown })
    expect(await instanceCount()).toBe(before)
  })

  it('answers unknown ids with INSTANCE_NOT_EXIST', async () => {
    for (const [op, input] of [
      ['getInstance', { instanceId: 'cri-0000000000000000' }],
      ['listRepository', { instanceId: 'cri-0000000000000000' }],
      ['listNamespace', { instanceId: 'cri-0000000000000000' }],
    ] as const) {
      const res = await t.call(op, input)
      expect(res.status, op).toBe(404)
      expect(res.body.code, op).toBe('INSTANCE_NOT_EXIST')
    }
    const del = await t.call('deleteInstance', { instanceId: 'cri-0000000000000000' })
    expect(del.body.code).toBe('INSTANCE_NOT_EXIST')
  })

  it('rejects a malformed instance id with PARAM_INVALID', async () => {
    const res = await t.call('getInstance', { instanceId: 'nope' })
    expect(res.status).toBe(400)
    expect(res.body.fieldErrors).toHaveProperty('instanceId')
  })

  it('deletes an instance with everything indexed from it', async () => {
    const created = await t.call('createInstance', { kind: 'DIRECTORY', instanceName: 'to delete', path: imagesDir })
    await t.booted.sync.idle()
    const id = created.body.instanceId
    const repos = await t.call('listRepository', { instanceId: id })
    expect(repos.body.totalCount).toBeGreaterThan(0)
    expect((await t.call('deleteInstance', { instanceId: id })).body).toEqual({ ok: true })
    expect((await t.call('getInstance', { instanceId: id })).status).toBe(404)
    const repoId = repos.body.items[0]?.repoId
    const tags = await t.call('listRepoTag', { instanceId: id, repoId })
    expect(tags.body.code).toBe('INSTANCE_NOT_EXIST')
  })

  it('re-syncs on request and keeps repository ids stable', async () => {
    const list = await t.call('listInstance', { instanceName: 'local images' })
    const id = list.body.items[0]!.instanceId
    const before = await t.call('listRepository', { instanceId: id, pageSize: 100 })
    const res = await t.call('syncInstance', { instanceId: id })
    expect(res.body.syncStatus).toBe('SYNCING')
    await t.booted.sync.idle()
    const after = await t.call('listRepository', { instanceId: id, pageSize: 100 })
    expect(after.body.items.map((r) => r.repoId).sort()).toEqual(before.body.items.map((r) => r.repoId).sort())
    // A re-sync without pushes keeps every tag's pushTime.
    const repoId = before.body.items[0]!.repoId
    const t1 = await t.call('listRepoTag', { instanceId: id, repoId })
    expect(t1.body.items.length).toBeGreaterThan(0)
  })

  it('marks a sync FAILED with the reason when the source disappears', async () => {
    const dir = path.join(t.dataDir, 'vanishing')
    await buildDemoImages(dir)
    const created = await t.call('createInstance', { kind: 'DIRECTORY', instanceName: 'vanishing', path: dir })
    await t.booted.sync.idle()
    await fs.rm(dir, { recursive: true })
    await t.call('syncInstance', { instanceId: created.body.instanceId })
    await t.booted.sync.idle()
    const got = await t.call('getInstance', { instanceId: created.body.instanceId })
    expect(got.body.syncStatus).toBe('FAILED')
    expect(got.body.syncError).toMatch(/director/i)
  })
})
