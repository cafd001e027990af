import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDirectorySource } from './directory-source'
import { openImageSource } from './open-source'
import { formatPlatform } from './platform'
import { type DemoFixture, drain, writeDemoImages } from './testing/demo-fixture'

let demo: DemoFixture
beforeAll(async () => {
  demo = await writeDemoImages()
})
afterAll(() => demo?.remove())

describe('directory source', () => {
  it('merges every layout and archive of the demo directory', async () => {
    const source = await openImageSource({ kind: 'directory', path: demo.dir })
    expect(await source.listRepositories()).toEqual([...new Set(demo.images.map((i) => i.repository))].sort())
    for (const img of demo.images) {
      expect(await source.listTags(img.repository)).toContain(img.tag)
      const image = await source.resolve(img.repository, img.tag)
      expect(image.digest).toBe(img.digest)
      expect(image.platforms.map(formatPlatform)).toEqual(img.platforms)
      expect((await drain(await source.openBlob(img.repository, image.configDescriptor))).length).toBe(image.configDescriptor.size)
      expect((await source.readManifest(img.repository, img.digest)).digest).toBe(img.digest)
    }
    await source.close()
  })

  it('finds nested layouts, skips unreadable parts and refuses links out of the directory', async () => {
    const root = path.join(demo.scratch, 'instance')
    await fs.mkdir(path.join(root, 'team'), { recursive: true })
    await fs.cp(path.join(demo.dir, 'legacy-api'), path.join(root, 'team', 'legacy'), { recursive: true })
    await fs.writeFile(path.join(root, 'broken.tar'), 'not a tar archive at all')
    await fs.symlink(path.join(demo.dir, 'shop-app'), path.join(root, 'outside-link'))
    await fs.symlink(path.join(root, 'team'), path.join(root, 'inside-link'))
    const source = await openDirectorySource(root)
    expect(await source.listRepositories()).toEqual(['demo/legacy-api'])
    expect(source.skipped.map((s) => s.path)).toEqual(['broken.tar'])
    await expect(source.resolve('demo/shop-app', '1.0.0')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(source.listTags('demo/legacy-api')).resolves.toEqual(['2.3.1'])
  })

  it('refuses paths with .. and directories that do not exist', async () => {
    await expect(openDirectorySource(`${demo.dir}/../images`)).rejects.toMatchObject({ code: 'INVALID_REFERENCE' })
    await expect(openDirectorySource(path.join(demo.scratch, 'nothing'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
