import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { writeDockerArchive } from './docker-archive-writer'
import { buildImage, buildIndex, buildLayer, type ImageConfigSpec, MEDIA_TYPES, writeOciLayout } from './image-writer'
import { parseTar } from './tar-test-utils'

const dirs: string[] = []
const tmp = async () => {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), 'image-writer-'))
  dirs.push(d)
  return d
}
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))))

const hex = (b: Buffer | string) => createHash('sha256').update(b).digest('hex')
const config = (architecture: string, layers: number): ImageConfigSpec => ({
  architecture,
  os: 'linux',
  created: '2024-01-01T00:00:00Z',
  config: { Cmd: ['/bin/sh'] },
  history: Array.from({ length: layers }, (_, i) => ({ created: '2024-01-01T00:00:00Z', created_by: `layer ${i}` })),
})
const twoLayers = [[{ path: 'etc/', type: 'dir' as const }, { path: 'etc/hostname', content: 'demo\n' }], [{ path: 'app/run.sh', content: 'echo hi\n', mode: 0o755 }]]

describe('buildImage', () => {
  it('derives diff_ids from the tars and layer digests from the gzip blobs', () => {
    const image = buildImage({ layers: twoLayers, config: config('amd64', 2) })
    expect(image.manifest.mediaType).toBe(MEDIA_TYPES.ociManifest)
    for (const [i, layer] of image.layers.entries()) {
      expect(image.config.rootfs.diff_ids[i]).toBe(`sha256:${hex(layer.tar)}`)
      expect(layer.descriptor.digest).toBe(`sha256:${hex(layer.blob)}`)
      expect(zlib.gunzipSync(layer.blob).equals(layer.tar)).toBe(true)
      expect(layer.blob[9]).toBe(0xff) // gzip OS byte: "unknown", whatever wrote it
    }
    const manifest = JSON.parse(image.blobs.get(image.manifest.digest)?.toString() ?? '') as { config: { digest: string }; layers: { mediaType: string }[] }
    expect(manifest.config.digest).toBe(image.configDescriptor.digest)
    expect(manifest.layers.map((l) => l.mediaType)).toEqual([MEDIA_TYPES.ociLayerGzip, MEDIA_TYPES.ociLayerGzip])
    for (const [digest, bytes] of image.blobs) expect(digest).toBe(`sha256:${hex(bytes)}`)
  })

  it('writes Docker schema2 media types, and plain tar layers when asked', () => {
    const image = buildImage({ format: 'docker', layers: twoLayers, config: config('amd64', 2) })
    expect(image.manifest.mediaType).toBe(MEDIA_TYPES.dockerManifest)
    expect(image.configDescriptor.mediaType).toBe(MEDIA_TYPES.dockerConfig)
    expect(image.layers[0]?.descriptor.mediaType).toBe(MEDIA_TYPES.dockerLayerGzip)
    const plain = buildImage({ format: 'docker', layers: twoLayers.map((l) => buildLayer(l, 'none')), config: config('amd64', 2) })
    expect(plain.layers.map((l) => l.descriptor.mediaType)).toEqual([MEDIA_TYPES.dockerLayer, MEDIA_TYPES.dockerLayer])
    expect(plain.layers.map((l) => l.descriptor.digest)).toEqual(plain.config.rootfs.diff_ids)
  })

  it('refuses a history that does not match the layers', () => {
    expect(() => buildImage({ layers: twoLayers, config: config('amd64', 1) })).toThrow(/2 layers but 1/)
  })
})

describe('writeOciLayout and buildIndex', () => {
  it('writes an index over platforms, tags annotated as containerd exports them, blobs by digest', async () => {
    const index = buildIndex([{ image: buildImage({ layers: twoLayers, config: config('amd64', 2) }) }, { image: buildImage({ layers: twoLayers, config: config('arm64', 2) }) }])
    expect(index.platforms.map((p) => p.architecture)).toEqual(['amd64', 'arm64'])
    const dir = await tmp()
    await writeOciLayout(dir, [{ image: index, refName: '1.0', imageName: 'demo/x:1.0' }])
    expect(JSON.parse(await fs.readFile(path.join(dir, 'oci-layout'), 'utf8'))).toEqual({ imageLayoutVersion: '1.0.0' })
    const top = JSON.parse(await fs.readFile(path.join(dir, 'index.json'), 'utf8')) as { manifests: { digest: string; mediaType: string; annotations: Record<string, string> }[] }
    expect(top.manifests).toEqual([
      expect.objectContaining({ digest: index.manifest.digest, mediaType: MEDIA_TYPES.ociIndex, annotations: { 'io.containerd.image.name': 'demo/x:1.0', 'org.opencontainers.image.ref.name': '1.0' } }),
    ])
    const names = await fs.readdir(path.join(dir, 'blobs', 'sha256'))
    expect(names.sort()).toEqual([...index.blobs.keys()].map((d) => d.slice(7)).sort())
    for (const name of names) expect(hex(await fs.readFile(path.join(dir, 'blobs', 'sha256', name)))).toBe(name)
  })
})

describe('writeDockerArchive', () => {
  const image = buildImage({ format: 'docker', layers: twoLayers, config: config('amd64', 2) })

  it('writes the classic docker save layout', async () => {
    const file = path.join(await tmp(), 'x.tar')
    await writeDockerArchive(file, [{ image, repoTags: ['demo/x:1', 'demo/x:latest'] }])
    const members = new Map((await parseTar(await fs.readFile(file))).map((e) => [e.path, e.body]))
    const manifest = JSON.parse(members.get('manifest.json')?.toString() ?? '') as { Config: string; RepoTags: string[]; Layers: string[] }[]
    expect(manifest).toHaveLength(1)
    expect(manifest[0]?.RepoTags).toEqual(['demo/x:1', 'demo/x:latest'])
    const configBytes = members.get(manifest[0]?.Config ?? '')
    expect(manifest[0]?.Config).toBe(`${hex(configBytes ?? '')}.json`)
    const diffIds = (JSON.parse(configBytes?.toString() ?? '') as { rootfs: { diff_ids: string[] } }).rootfs.diff_ids
    expect(manifest[0]?.Layers.map((l) => `sha256:${hex(members.get(l) ?? '')}`)).toEqual(diffIds)
    expect(JSON.parse(members.get('repositories')?.toString() ?? '')).toEqual({ 'demo/x': { '1': diffIds[1]?.slice(7), latest: diffIds[1]?.slice(7) } })
  })

  it('writes the layout of Docker 25 and later: manifest.json pointing into an OCI layout', async () => {
    const file = path.join(await tmp(), 'x.tar')
    await writeDockerArchive(file, [{ image, repoTags: ['demo/x:1'] }], 'oci')
    const members = new Map((await parseTar(await fs.readFile(file))).map((e) => [e.path, e.body]))
    const manifest = JSON.parse(members.get('manifest.json')?.toString() ?? '') as { Config: string; Layers: string[] }[]
    for (const name of [manifest[0]?.Config ?? '', ...(manifest[0]?.Layers ?? [])]) expect(`blobs/sha256/${hex(members.get(name) ?? '')}`).toBe(name)
    const index = JSON.parse(members.get('index.json')?.toString() ?? '') as { manifests: { digest: string; annotations: Record<string, string> }[] }
    expect(index.manifests[0]).toMatchObject({ digest: image.manifest.digest, annotations: { 'org.opencontainers.image.ref.name': '1' } })
    expect(members.has(`blobs/sha256/${image.manifest.digest.slice(7)}`)).toBe(true)
  })
})
