import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDemoImages, type DemoImageSummary } from './demo-images'
import { parseTar, type ParsedTarEntry } from './tar-test-utils'

const dirs: string[] = []
const tmp = async () => {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), 'demo-images-'))
  dirs.push(d)
  return d
}
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))))

const hex = (b: Buffer) => createHash('sha256').update(b).digest('hex')
type Json = Record<string, unknown>
interface Desc {
  mediaType: string
  digest: string
  size: number
}
interface Manifest {
  mediaType: string
  config: Desc
  layers: Desc[]
  manifests?: Desc[]
}

let dir: string
let images: DemoImageSummary[]
beforeAll(async () => {
  dir = await tmp()
  images = await buildDemoImages(dir)
})

const blob = (layout: string, digest: string) => fs.readFile(path.join(dir, layout, 'blobs', 'sha256', digest.slice('sha256:'.length)))
const json = async <T>(layout: string, digest: string) => JSON.parse((await blob(layout, digest)).toString('utf8')) as T
/** The single-platform manifest of a tag (the amd64 one of an index). */
async function manifestOf(layout: string, tag: string): Promise<Manifest> {
  const top = await json<Manifest>(layout, images.find((i) => i.path === layout && i.tag === tag)?.digest ?? '')
  return top.manifests ? json<Manifest>(layout, top.manifests[0]?.digest ?? '') : top
}
const layerEntries = async (layout: string, d: Desc): Promise<ParsedTarEntry[]> => parseTar(zlib.gunzipSync(await blob(layout, d.digest)))

describe('buildDemoImages', () => {
  it('gives the same bytes, and so the same digests, every time', async () => {
    const again = await tmp()
    const started = performance.now()
    expect(await buildDemoImages(again)).toEqual(images)
    // The budget is 2 s; the margin keeps a loaded test machine from failing it.
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(await fs.readFile(path.join(again, 'DEMO.json'), 'utf8')).toBe(await fs.readFile(path.join(dir, 'DEMO.json'), 'utf8'))
    expect(await fs.readFile(path.join(again, 'alpine-base.tar'))).toEqual(await fs.readFile(path.join(dir, 'alpine-base.tar')))
    expect(images.map((i) => `${i.repository}:${i.tag} ${i.format}`)).toEqual([
      'demo/ubuntu-web:22.04 oci-layout',
      'demo/ubuntu-web:1.0 oci-layout',
      'demo/legacy-api:2.3.1 oci-layout',
      'demo/alpine-base:3.18 docker-archive',
      'demo/shop-app:1.0.0 oci-layout',
      'demo/shop-app:latest oci-layout',
      'demo/dotnet-api:1.4.0 oci-layout',
    ])
  })

  it('writes OCI layouts whose blobs hash to their names and whose descriptors all resolve', async () => {
    for (const layout of ['ubuntu-web', 'legacy-api', 'shop-app', 'dotnet-api']) {
      for (const name of await fs.readdir(path.join(dir, layout, 'blobs', 'sha256'))) expect(hex(await blob(layout, `sha256:${name}`))).toBe(name)
      const index = JSON.parse(await fs.readFile(path.join(dir, layout, 'index.json'), 'utf8')) as { manifests: (Desc & { annotations: Record<string, string> })[] }
      const pending: Desc[] = [...index.manifests]
      for (let d = pending.pop(); d; d = pending.pop()) {
        expect((await blob(layout, d.digest)).length, d.digest).toBe(d.size)
        if (/manifest|index/.test(d.mediaType)) {
          const m = await json<Manifest>(layout, d.digest)
          pending.push(...(m.manifests ?? []), ...(m.config ? [m.config] : []), ...(m.layers ?? []))
        }
      }
      for (const m of index.manifests) {
        const tag = m.annotations['org.opencontainers.image.ref.name'] ?? ''
        expect(m.annotations['io.containerd.image.name']).toBe(`demo/${layout}:${tag}`)
        expect(images.find((i) => i.repository === `demo/${layout}` && i.tag === tag)?.digest).toBe(m.digest)
      }
    }
  })

  it('points both ubuntu-web tags at one index over linux/amd64 and linux/arm64', async () => {
    const [a, b] = images.filter((i) => i.repository === 'demo/ubuntu-web')
    expect(a?.digest).toBe(b?.digest)
    expect(a).toMatchObject({ mediaType: 'application/vnd.oci.image.index.v1+json', platforms: ['linux/amd64', 'linux/arm64'] })
    const index = await json<Manifest>('ubuntu-web', a?.digest ?? '')
    const arm = await json<Manifest>('ubuntu-web', index.manifests?.[1]?.digest ?? '')
    const status = (await layerEntries('ubuntu-web', arm.layers[0] as Desc)).find((e) => e.path === 'var/lib/dpkg/status')
    expect(status?.body.toString()).toContain('Package: libc6\nStatus: install ok installed\nPriority: optional\nSection: libs\nInstalled-Size: 13300\nMaintainer: Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>\nArchitecture: arm64\nMulti-Arch: same\nSource: glibc\nVersion: 2.35-0ubuntu3.3\n')
  })

  it('writes a docker save archive whose manifest.json names files that exist', async () => {
    const members = new Map((await parseTar(await fs.readFile(path.join(dir, 'alpine-base.tar')))).map((e) => [e.path, e.body]))
    const [entry] = JSON.parse(members.get('manifest.json')?.toString() ?? '') as { Config: string; RepoTags: string[]; Layers: string[] }[]
    expect(entry?.RepoTags).toEqual(['demo/alpine-base:3.18'])
    const configBytes = members.get(entry?.Config ?? '') ?? Buffer.alloc(0)
    const config = JSON.parse(configBytes.toString()) as { config: Json; rootfs: { diff_ids: string[] } }
    expect(config.config).toMatchObject({ User: '65534', Healthcheck: expect.anything() as unknown })
    const layers = (entry?.Layers ?? []).map((l) => members.get(l) ?? Buffer.alloc(0))
    expect(layers.map((l) => `sha256:${hex(l)}`)).toEqual(config.rootfs.diff_ids)
    // Classic archives carry no manifest; the summary digest is the schema2 manifest that
    // `docker push` would send for uncompressed layers (Docker's field order).
    const derived = {
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: configBytes.length, digest: `sha256:${hex(configBytes)}` },
      layers: layers.map((l) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar', size: l.length, digest: `sha256:${hex(l)}` })),
    }
    expect(images.find((i) => i.repository === 'demo/alpine-base')?.digest).toBe(`sha256:${hex(Buffer.from(JSON.stringify(derived)))}`)
    // shop-app and dotnet-api are built on the very same base layer bytes.
    const shop = await manifestOf('shop-app', '1.0.0')
    expect(zlib.gunzipSync(await blob('shop-app', shop.layers[0]?.digest ?? '')).equals(layers[0] ?? Buffer.alloc(0))).toBe(true)
    const dotnet = await manifestOf('dotnet-api', '1.4.0')
    expect(dotnet.layers[0]?.digest).toBe(shop.layers[0]?.digest)
  })

  it("deletes minimist with a whiteout and replaces app/config with an opaque directory in shop-app's last layer", async () => {
    const shop = await manifestOf('shop-app', '1.0.0')
    const all = await Promise.all(shop.layers.map((l) => layerEntries('shop-app', l)))
    const last = (all.at(-1) ?? []).map((e) => e.path)
    expect(last).toEqual(expect.arrayContaining(['app/node_modules/.wh.minimist', 'app/config/.wh..wh..opq', 'app/config/production.json']))
    const earlier = all.slice(0, -1).flat().map((e) => e.path)
    expect(earlier).toEqual(expect.arrayContaining(['app/node_modules/minimist/package.json', 'app/config/development.json']))
  })

  it("writes dotnet-api's publish manifests in one layer over the Alpine base, and no assemblies", async () => {
    const dotnet = await manifestOf('dotnet-api', '1.4.0')
    expect(dotnet.layers).toHaveLength(2)
    const files = (await layerEntries('dotnet-api', dotnet.layers[1] as Desc)).filter((e) => e.type === 'File')
    expect(files.map((e) => e.path)).toEqual(['app/DotnetApi.deps.json', 'app/DotnetApi.runtimeconfig.json'])
    const deps = JSON.parse(files[0]?.body.toString() ?? '') as { runtimeTarget: { name: string }; targets: Record<string, Record<string, Json>>; libraries: Record<string, Json> }
    expect(deps.runtimeTarget.name).toBe('.NETCoreApp,Version=v6.0')
    expect(deps.libraries['Newtonsoft.Json/12.0.3']).toMatchObject({ type: 'package', path: 'newtonsoft.json/12.0.3', hashPath: 'newtonsoft.json.12.0.3.nupkg.sha512' })
    expect(deps.targets['.NETCoreApp,Version=v6.0']?.['System.Runtime.CompilerServices.Unsafe/6.0.0']).toEqual({})
    expect(JSON.parse(files[1]?.body.toString() ?? '')).toMatchObject({ runtimeOptions: { tfm: 'net6.0', framework: { name: 'Microsoft.AspNetCore.App' } } })
  })

  it('plants the malicious-file material byte for byte', async () => {
    const shop = await manifestOf('shop-app', '1.0.0')
    const files = new Map((await Promise.all(shop.layers.map((l) => layerEntries('shop-app', l)))).flat().map((e) => [e.path, e.body]))
    const eicar = files.get('app/uploads/eicar.com') ?? Buffer.alloc(0)
    expect(eicar.length).toBe(68)
    expect(createHash('md5').update(eicar).digest('hex')).toBe('44d88612fea8a8f36de82e1278abb02f')
    expect(files.get('app/public/shell.php')?.toString()).toContain("system($_GET['cmd'])")
    expect(files.get('tmp/config.json')?.toString()).toContain('stratum+tcp://')
  })

  it('describes every image and its planted packages in DEMO.json', async () => {
    const demo = JSON.parse(await fs.readFile(path.join(dir, 'DEMO.json'), 'utf8')) as { images: DemoImageSummary[]; repositories: { repository: string; vulnerable: unknown[] }[] }
    expect(demo.images).toEqual(images)
    expect(demo.repositories.map((r) => r.repository)).toEqual(['demo/ubuntu-web', 'demo/legacy-api', 'demo/alpine-base', 'demo/shop-app', 'demo/dotnet-api'])
    expect(demo.repositories.every((r) => r.vulnerable.length > 0)).toBe(true)
  })

  it('replaces its own layouts on a second run but refuses to delete a directory that is not one', async () => {
    const target = await tmp()
    await buildDemoImages(target)
    await expect(buildDemoImages(target)).resolves.toHaveLength(7)
    const other = await tmp()
    await fs.mkdir(path.join(other, 'shop-app'))
    await fs.writeFile(path.join(other, 'shop-app', 'notes.txt'), 'mine')
    await expect(buildDemoImages(other)).rejects.toThrow(/not an OCI image layout/)
    expect(await fs.readFile(path.join(other, 'shop-app', 'notes.txt'), 'utf8')).toBe('mine')
  })
})
