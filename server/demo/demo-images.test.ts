import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { buildDemoImages } from './demo-images'

const dirs: string[] = []
const tmp = async () => {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), 'demo-images-'))
  dirs.push(d)
  return d
}
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))))

describe('buildDemoImages', () => {
  it('gives the same digests every time', async () => {
    const a = await buildDemoImages(await tmp())
    const b = await buildDemoImages(await tmp())
    expect(a).toEqual(b)
    expect(a.map((i) => `${i.repository}:${i.tag}`)).toEqual([
      'demo/ubuntu-web:22.04',
      'demo/ubuntu-web:1.0',
      'demo/legacy-api:2.3.1',
      'demo/alpine-base:3.18',
      'demo/shop-app:1.0.0',
      'demo/shop-app:latest',
    ])
  })

  it('writes OCI layouts whose blobs hash to their names and whose layers are gzip tars', async () => {
    const dir = await tmp()
    await buildDemoImages(dir)
    for (const layout of ['ubuntu-web', 'legacy-api', 'shop-app']) {
      const blobs = path.join(dir, layout, 'blobs', 'sha256')
      for (const name of await fs.readdir(blobs)) {
        const bytes = await fs.readFile(path.join(blobs, name))
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(name)
      }
      const index = JSON.parse(await fs.readFile(path.join(dir, layout, 'index.json'), 'utf8')) as { manifests: { annotations: Record<string, string> }[] }
      expect(index.manifests[0]?.annotations['io.containerd.image.name']).toMatch(/^demo\//)
    }
    const shopIndex = JSON.parse(await fs.readFile(path.join(dir, 'shop-app', 'index.json'), 'utf8')) as { manifests: { digest: string }[] }
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'shop-app', 'blobs', 'sha256', shopIndex.manifests[0]!.digest.slice(7)), 'utf8')) as { layers: { digest: string }[] }
    const last = await fs.readFile(path.join(dir, 'shop-app', 'blobs', 'sha256', manifest.layers.at(-1)!.digest.slice(7)))
    // The last layer deletes minimist with a whiteout and makes /app/tmp opaque.
    const tar = zlib.gunzipSync(last).toString('latin1')
    expect(tar).toContain('app/node_modules/.wh.minimist')
    expect(tar).toContain('app/tmp/.wh..wh..opq')
  })
})
