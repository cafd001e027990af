import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDirectorySource } from './directory-source'
import { AcquireError } from './errors'
import type { ImageSource } from './image-source'
import { formatPlatform } from './platform'
import { pushImage } from './push'
import { openRegistrySource } from './registry-source'
import { type DemoFixture, drain, writeDemoImages } from './testing/demo-fixture'
import { startTestRegistry } from './testing/test-registry'

const user = { username: 'pusher', password: 'push-pass' }
let demo: DemoFixture
let local: ImageSource

beforeAll(async () => {
  demo = await writeDemoImages()
  local = await openDirectorySource(demo.dir)
})
afterAll(async () => {
  await local?.close()
  await demo?.remove()
})

describe('pushImage', () => {
  it('copies every demo image and reads back the same digests, tags and platforms', async () => {
    const registry = await startTestRegistry({ auth: { mode: 'bearer', ...user } })
    const target = { url: registry.url, ...user }
    for (const img of demo.images) {
      const pushed = await pushImage(local, img.repository, img.tag, target, img.repository, img.tag)
      expect(pushed.digest).toBe(img.digest)
    }
    const remote = await openRegistrySource({ ...target, retry: { retries: 0 } })
    expect(await remote.listRepositories()).toEqual([...new Set(demo.images.map((i) => i.repository))].sort())
    for (const img of demo.images) {
      expect(await remote.listTags(img.repository)).toContain(img.tag)
      const [there, here] = await Promise.all([remote.resolve(img.repository, img.tag), local.resolve(img.repository, img.tag)])
      expect(there.digest).toBe(img.digest)
      expect(there.platforms.map(formatPlatform)).toEqual(img.platforms)
      expect(there.layers).toEqual(here.layers)
      for (const platform of img.platforms) {
        const one = await remote.resolve(img.repository, img.tag, { platform })
        for (const layer of one.layers) expect((await drain(await remote.openBlob(img.repository, layer))).length).toBe(layer.size)
      }
    }
  })

  it('skips blobs the registry has, and can push under another name', async () => {
    const registry = await startTestRegistry()
    await pushImage(local, 'demo/shop-app', '1.0.0', { url: registry.url }, 'demo/shop-app', '1.0.0')
    const uploadsBefore = registry.requests.filter((r) => r.method === 'POST').length
    expect(uploadsBefore).toBeGreaterThan(0)
    // The same image under another name: every blob is there already, so none is uploaded.
    const { digest } = await pushImage(local, 'demo/shop-app', 'latest', { url: registry.url }, 'mirror/shop', 'v1')
    expect(registry.requests.filter((r) => r.method === 'POST').length).toBe(uploadsBefore)
    const remote = await openRegistrySource({ url: registry.url })
    expect((await remote.resolve('mirror/shop', 'v1')).digest).toBe(digest)
  })

  it('reports refused credentials as UNAUTHORIZED', async () => {
    const registry = await startTestRegistry({ auth: { mode: 'basic', ...user } })
    const err = await pushImage(local, 'demo/legacy-api', '2.3.1', { url: registry.url, username: user.username, password: 'nope' }, 'demo/legacy-api', '2.3.1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AcquireError)
    expect((err as AcquireError).code).toBe('UNAUTHORIZED')
  })
})
