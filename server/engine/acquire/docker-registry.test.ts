import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DOCKER_REGISTRY_BIN, type RunningRegistry, startDockerRegistry } from '../../testing/docker-registry'
import { openDirectorySource } from './directory-source'
import type { ImageSource } from './image-source'
import { formatPlatform } from './platform'
import { pushImage } from './push'
import { openRegistrySource } from './registry-source'
import { type DemoFixture, drain, writeDemoImages } from './testing/demo-fixture'

/**
 * Against the real CNCF distribution registry (Debian's docker-registry package): what
 * push.ts sends must be accepted by it, and what registry-source reads back must match.
 */
const available = fs.existsSync(DOCKER_REGISTRY_BIN)
if (!available) console.warn(`Skipping the docker-registry tests: ${DOCKER_REGISTRY_BIN} is not installed (Debian package docker-registry).`)

const user = { name: 'carol', password: 'distribution-pass' }
let demo: DemoFixture
let local: ImageSource
let registry: RunningRegistry | undefined

describe.skipIf(!available)('the real docker-registry', () => {
  beforeAll(async () => {
    demo = await writeDemoImages()
    local = await openDirectorySource(demo.dir)
    registry = await startDockerRegistry({ user })
  }, 60_000)
  afterAll(async () => {
    await registry?.stop()
    await local?.close()
    await demo?.remove()
  })

  it('accepts every demo image from pushImage and serves back the same digests, tags and platforms', async () => {
    if (!registry) throw new Error('registry did not start')
    const target = { url: registry.url, username: user.name, password: user.password }
    for (const img of demo.images) {
      expect((await pushImage(local, img.repository, img.tag, target, img.repository, img.tag)).digest).toBe(img.digest)
    }
    const remote = await openRegistrySource(target)
    await remote.ping()
    expect(await remote.listRepositories()).toEqual([...new Set(demo.images.map((i) => i.repository))].sort())
    for (const img of demo.images) {
      expect(await remote.listTags(img.repository)).toContain(img.tag)
      const image = await remote.resolve(img.repository, img.tag)
      expect(image.digest).toBe(img.digest)
      expect(image.platforms.map(formatPlatform)).toEqual(img.platforms)
      const layer = image.layers[0]
      if (layer) expect((await drain(await remote.openBlob(img.repository, layer))).length).toBe(layer.size)
    }
  }, 60_000)

  it('refuses a wrong password and anonymous access', async () => {
    if (!registry) throw new Error('registry did not start')
    const wrong = await openRegistrySource({ url: registry.url, username: user.name, password: 'wrong', retry: { retries: 0 } })
    await expect(wrong.ping()).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    const anonymous = await openRegistrySource({ url: registry.url, retry: { retries: 0 } })
    await expect(anonymous.listRepositories()).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
  })
})
