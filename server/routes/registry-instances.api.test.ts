import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDemoImages } from '../demo/demo-images'
import { openDirectorySource } from '../engine/acquire/directory-source'
import { pushImage } from '../engine/acquire/push'
import { startDockerRegistry, type RunningRegistry } from '../testing/docker-registry'
import { startTestApp, type TestApp } from '../testing/test-app'

/**
 * Against Debian's real CNCF distribution registry with htpasswd (basic) auth: the demo
 * images are pushed by our own distribution-API client, then added as an instance.
 */
const user = { name: 'alice', password: 'correct horse battery staple' }
let t: TestApp
let registry: RunningRegistry
let pushed: { repository: string; tag: string; digest: string }[]

beforeAll(async () => {
  t = await startTestApp()
  registry = await startDockerRegistry({ user })
  const dir = path.join(t.dataDir, 'images')
  const images = await buildDemoImages(dir)
  const source = await openDirectorySource(dir)
  try {
    for (const img of images) {
      await pushImage(source, img.repository, img.tag, { url: registry.url, username: user.name, password: user.password }, img.repository, img.tag)
    }
  } finally {
    await source.close()
  }
  pushed = images.map((i) => ({ repository: i.repository, tag: i.tag, digest: i.digest }))
}, 120_000)

afterAll(async () => {
  await t?.close()
  await registry?.stop()
})

describe('a registry instance', () => {
  it('refuses wrong credentials with REGISTRY_AUTH_FAILED and stores nothing', async () => {
    const res = await t.call('createInstance', { kind: 'REGISTRY', instanceName: 'bad creds', url: registry.url, username: user.name, password: 'wrong' })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('REGISTRY_AUTH_FAILED')
    expect(JSON.stringify(res.body)).not.toContain('wrong')
    expect((await t.call('listInstance', {})).body.totalCount).toBe(0)
  })

  it('refuses anonymous access to a registry that needs credentials', async () => {
    const res = await t.call('testInstanceConnection', { kind: 'REGISTRY', url: registry.url })
    expect(res.body.code).toBe('REGISTRY_AUTH_FAILED')
  })

  it('indexes every pushed tag with the digest the registry serves', async () => {
    const created = await t.call('createInstance', { kind: 'REGISTRY', instanceName: 'local registry', url: registry.url, username: user.name, password: user.password })
    expect(created.status).toBe(200)
    expect(created.body).toMatchObject({ username: user.name, hasPassword: true })
    expect(JSON.stringify(created.body)).not.toContain(user.password)
    await t.booted.sync.idle()
    const instanceId = created.body.instanceId
    const inst = await t.call('getInstance', { instanceId })
    expect(inst.body.syncStatus).toBe('READY')
    for (const img of pushed) {
      const [ns, ...rest] = img.repository.split('/')
      const repo = await t.call('getRepository', { instanceId, repoNamespaceName: ns, repoName: rest.join('/') })
      expect(repo.status, img.repository).toBe(200)
      const tags = await t.call('listRepoTag', { instanceId, repoId: repo.body.repoId, pageSize: 100 })
      const tag = tags.body.items.find((i) => i.tag === img.tag)
      expect(tag?.digest, `${img.repository}:${img.tag}`).toBe(img.digest)
    }
  })
})
