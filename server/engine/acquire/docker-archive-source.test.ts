import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeDockerArchive } from '../../demo/docker-archive-writer'
import { buildImage, buildLayer } from '../../demo/image-writer'
import { createTar } from '../../demo/tar-writer'
import { digestOf } from './digest'
import { openDockerArchiveSource } from './docker-archive-source'
import { decompressLayer } from './layer-stream'
import { MediaType } from './media-types'
import { indexTar } from './tar-index'
import { type DemoFixture, drain, tarPaths, writeDemoImages } from './testing/demo-fixture'

let demo: DemoFixture
beforeAll(async () => {
  demo = await writeDemoImages()
})
afterAll(() => demo?.remove())

const T0 = '2024-01-01T00:00:00Z'
function smallImage(format: 'oci' | 'docker', compression: 'gzip' | 'none') {
  const base = buildLayer([{ path: 'etc/', type: 'dir' }, { path: 'etc/os-release', content: 'ID=demo\nVERSION_ID=1\n' }], compression)
  const app = buildLayer([{ path: `app/${'deep/'.repeat(30)}main.js`, content: 'console.log(1)\n' }], compression)
  return buildImage({
    format,
    layers: [base, app],
    config: { architecture: 'arm64', variant: 'v8', os: 'linux', created: T0, config: { Cmd: ['node', 'main.js'] }, history: [{ created: T0, created_by: 'ADD rootfs /' }, { created: T0, created_by: 'COPY main.js /app/' }] },
  })
}

describe('docker archive source', () => {
  it('reads the classic demo archive with the manifest docker push would send', async () => {
    const summary = demo.images.find((i) => i.format === 'docker-archive')
    if (!summary) throw new Error('no demo archive')
    const source = await openDockerArchiveSource(path.join(demo.dir, summary.path))
    expect(await source.listRepositories()).toEqual([summary.repository])
    expect(await source.listTags(summary.repository)).toEqual([summary.tag])
    const image = await source.resolve(summary.repository, summary.tag)
    expect(image.digest).toBe(summary.digest)
    expect(image.mediaType).toBe(MediaType.dockerManifest)
    const layer = image.layers[0]
    if (!layer) throw new Error('no layers')
    expect(layer.mediaType).toBe(MediaType.dockerLayer)
    expect(layer.digest).toBe(image.config.rootfs.diff_ids[0])
    expect(await tarPaths(decompressLayer(await source.openBlob(summary.repository, layer), layer.mediaType))).toContain('etc/alpine-release')
  })

  it('reads the OCI layout inside a newer docker save, with real digests', async () => {
    const image = smallImage('oci', 'none')
    const file = path.join(demo.scratch, 'newer.tar')
    await writeDockerArchive(file, [{ image, repoTags: ['registry.example.com/team/small:1.0', 'team/small:latest'] }], 'oci')
    const source = await openDockerArchiveSource(file)
    expect(await source.listRepositories()).toEqual(['team/small'])
    expect(await source.listTags('team/small')).toEqual(['1.0', 'latest'])
    const resolved = await source.resolve('team/small', '1.0', { platform: 'linux/arm64' })
    expect(resolved).toMatchObject({ digest: image.manifest.digest, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } })
    for (const layer of resolved.layers) expect(digestOf(await drain(await source.openBlob('team/small', layer)))).toBe(layer.digest)
  })

  it('hashes compressed layers of a classic archive and follows linked duplicate layers', async () => {
    const image = smallImage('docker', 'gzip')
    const configHex = image.configDescriptor.digest.slice(7)
    const [l0, l1] = image.layers
    if (!l0 || !l1) throw new Error('expected two layers')
    const manifest = [
      { Config: `${configHex}.json`, RepoTags: ['team/zipped:1'], Layers: ['a/layer.tar', 'b/layer.tar'] },
      { Config: `${configHex}.json`, RepoTags: ['team/zipped:2'], Layers: ['a/layer.tar', 'c/layer.tar'] },
    ]
    const file = path.join(demo.scratch, 'podman.tar')
    await fs.writeFile(
      file,
      createTar([
        { path: 'a/layer.tar', content: l0.blob },
        { path: 'b/layer.tar', content: l1.blob },
        { path: 'c/layer.tar', type: 'symlink', linkname: '../b/layer.tar' },
        { path: '../escape.txt', content: 'never indexed' },
        { path: `${configHex}.json`, content: image.blobs.get(image.configDescriptor.digest) ?? '' },
        { path: 'manifest.json', content: JSON.stringify(manifest) },
      ]),
    )
    const handle = await fs.open(file)
    const members = await indexTar(handle, { what: 'podman.tar' }).finally(() => handle.close())
    expect([...members.keys()].some((k) => k.includes('escape'))).toBe(false)
    const source = await openDockerArchiveSource(file)
    expect(await source.listTags('team/zipped')).toEqual(['1', '2'])
    const one = await source.resolve('team/zipped', '1')
    const two = await source.resolve('team/zipped', '2')
    expect(one.digest).toBe(two.digest)
    expect(one.layers.map((l) => [l.mediaType, l.digest])).toEqual([
      [MediaType.dockerLayerGzip, l0.descriptor.digest],
      [MediaType.dockerLayerGzip, l1.descriptor.digest],
    ])
    const second = two.layers[1] ?? l1.descriptor
    const deep = await tarPaths(decompressLayer(await source.openBlob('team/zipped', second), second.mediaType))
    expect(deep.at(-1)).toMatch(/^app\/(deep\/){30}main\.js$/)
  })

  it('refuses what is not a docker archive', async () => {
    const file = path.join(demo.scratch, 'plain.tar')
    await fs.writeFile(file, createTar([{ path: 'hello.txt', content: 'hi' }]))
    await expect(openDockerArchiveSource(file)).rejects.toMatchObject({ code: 'INVALID_MANIFEST' })
    await fs.writeFile(file, Buffer.concat([createTar([{ path: 'hello.txt', content: 'x'.repeat(2000) }]).subarray(0, 1024)]))
    await expect(openDockerArchiveSource(file)).rejects.toMatchObject({ code: 'INVALID_MANIFEST' })
    await expect(openDockerArchiveSource(path.join(demo.scratch, 'missing.tar'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
