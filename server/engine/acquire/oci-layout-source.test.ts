import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AcquireError } from './errors'
import { decompressLayer } from './layer-stream'
import { nameLayoutEntry, toRepositoryName } from './layout-names'
import { openOciLayoutSource } from './oci-layout-source'
import { type DemoFixture, drain, tarPaths, writeDemoImages } from './testing/demo-fixture'

let demo: DemoFixture
beforeAll(async () => {
  demo = await writeDemoImages()
})
afterAll(() => demo?.remove())

async function copyLayout(name: string, edit?: (index: { manifests: { annotations?: Record<string, string> }[] }) => void): Promise<string> {
  const dir = path.join(demo.scratch, name)
  await fs.cp(path.join(demo.dir, 'ubuntu-web'), dir, { recursive: true })
  if (edit) {
    const file = path.join(dir, 'index.json')
    const index = JSON.parse(await fs.readFile(file, 'utf8')) as { manifests: { annotations?: Record<string, string> }[] }
    edit(index)
    await fs.writeFile(file, JSON.stringify(index))
  }
  return dir
}

describe('OCI layout source', () => {
  it('lists, resolves and streams the demo multi-platform layout', async () => {
    const source = await openOciLayoutSource(path.join(demo.dir, 'ubuntu-web'))
    expect(await source.listRepositories()).toEqual(['demo/ubuntu-web'])
    expect(await source.listTags('demo/ubuntu-web')).toEqual(['1.0', '22.04'])
    const summary = demo.images.find((i) => i.tag === '22.04')
    const image = await source.resolve('demo/ubuntu-web', '22.04', { platform: 'linux/arm64' })
    expect(image).toMatchObject({ digest: summary?.digest, platform: { os: 'linux', architecture: 'arm64' } })
    expect(image.config.rootfs.diff_ids).toHaveLength(image.layers.length)
    const layer = image.layers[0]
    if (!layer) throw new Error('no layers')
    const paths = await tarPaths(decompressLayer(await source.openBlob('demo/ubuntu-web', layer), layer.mediaType))
    expect(paths).toContain('etc/os-release')
    expect((await source.readManifest('demo/ubuntu-web', image.manifestDigest)).digest).toBe(image.manifestDigest)
    await source.close()
  })

  it('names repositories from the directory when no image name is annotated, and takes the tag of a full reference', async () => {
    const dir = await copyLayout('Team Web', (index) => {
      const [first, second] = index.manifests
      if (first) first.annotations = { 'org.opencontainers.image.ref.name': 'stable' }
      if (second) second.annotations = { 'org.opencontainers.image.ref.name': 'registry.example.com:5000/other/web:2.0' }
    })
    const source = await openOciLayoutSource(dir)
    expect(await source.listRepositories()).toEqual(['other/web', 'team-web'])
    expect(await source.listTags('team-web')).toEqual(['stable'])
    expect(await source.listTags('other/web')).toEqual(['2.0'])
  })

  it('refuses a wrong layout version and reports corrupt or missing blobs', async () => {
    const dir = await copyLayout('broken')
    await fs.writeFile(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '2.0.0' }))
    await expect(openOciLayoutSource(dir)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' })
    await fs.writeFile(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
    const source = await openOciLayoutSource(dir)
    const image = await source.resolve('demo/ubuntu-web', '1.0')
    const [first, second] = image.layers
    if (!first || !second) throw new Error('expected two layers')
    const blob = (d: string) => path.join(dir, 'blobs', 'sha256', d.slice(7))
    const bytes = await fs.readFile(blob(first.digest))
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1
    await fs.writeFile(blob(first.digest), bytes)
    const err = await drain(await source.openBlob('demo/ubuntu-web', first)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AcquireError)
    expect(err).toMatchObject({ code: 'DIGEST_MISMATCH' })
    await fs.truncate(blob(second.digest), 10)
    await expect(source.openBlob('demo/ubuntu-web', second)).rejects.toMatchObject({ code: 'SIZE_MISMATCH' })
    await fs.rm(blob(second.digest))
    await expect(source.openBlob('demo/ubuntu-web', second)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(source.resolve('demo/ubuntu-web', 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('does not follow a blob symlink out of the layout', async () => {
    const dir = await copyLayout('escape')
    const source = await openOciLayoutSource(dir)
    const image = await source.resolve('demo/ubuntu-web', '1.0')
    const layer = image.layers[0]
    if (!layer) throw new Error('no layers')
    const outside = path.join(demo.scratch, 'outside-blob')
    await fs.rename(path.join(dir, 'blobs', 'sha256', layer.digest.slice(7)), outside)
    await fs.symlink(outside, path.join(dir, 'blobs', 'sha256', layer.digest.slice(7)))
    await expect(source.openBlob('demo/ubuntu-web', layer)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('layout naming', () => {
  it('strips registry and tag from containerd image names', () => {
    expect(nameLayoutEntry({ 'io.containerd.image.name': 'docker.io/library/alpine:3.19', 'org.opencontainers.image.ref.name': '3.19' }, 'x')).toEqual({ repository: 'alpine', tag: '3.19' })
    expect(nameLayoutEntry({ 'io.containerd.image.name': 'docker.io/bitnami/redis:7' }, 'x')).toEqual({ repository: 'bitnami/redis', tag: '7' })
    expect(nameLayoutEntry({ 'io.containerd.image.name': 'localhost:5000/team/app:9' }, 'x')).toEqual({ repository: 'team/app', tag: '9' })
    expect(nameLayoutEntry({}, 'x')).toBeNull()
    expect(toRepositoryName('Shop App__v2')).toBe('shop-app_v2')
    expect(toRepositoryName('---')).toBe('image')
  })
})
