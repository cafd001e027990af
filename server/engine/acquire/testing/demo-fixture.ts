import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { Parser } from 'tar'
import { buildDemoImages, type DemoImageSummary } from '../../../demo/demo-images'
import { readAll } from '../digest'

export interface DemoFixture {
  dir: string
  images: DemoImageSummary[]
  /** A scratch directory next to the images, removed with them. */
  scratch: string
  remove(): Promise<void>
}

/**
 * Writes the demo images (OCI layouts and a docker-save archive) into a fresh temp
 * directory. Use from beforeAll, and call remove() in afterAll.
 *
 * @example
 * let demo: DemoFixture
 * beforeAll(async () => { demo = await writeDemoImages() })
 * afterAll(() => demo.remove())
 */
export async function writeDemoImages(): Promise<DemoFixture> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-acquire-'))
  const dir = path.join(root, 'images')
  const scratch = path.join(root, 'scratch')
  await fs.mkdir(scratch)
  const images = await buildDemoImages(dir)
  return { dir, images, scratch, remove: () => fs.rm(root, { recursive: true, force: true }) }
}

/**
 * Reads a whole (small) stream; errors propagate.
 *
 * @example
 * expect((await drain(await source.openBlob(repo, layer))).length).toBe(layer.size)
 */
export function drain(stream: Readable): Promise<Buffer> {
  return readAll(stream, 512 * 1024 * 1024, 'test stream')
}

/**
 * Member paths of an uncompressed tar stream, read with node-tar's Parser.
 *
 * @example
 * expect(await tarPaths(decompressLayer(blob, layer.mediaType))).toContain('etc/os-release')
 */
export async function tarPaths(stream: Readable): Promise<string[]> {
  const paths: string[] = []
  const parser = new Parser({
    onReadEntry: (entry) => {
      paths.push(entry.path)
      entry.resume()
    },
  })
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject)
    parser.on('error', reject)
    parser.on('end', resolve)
    stream.pipe(parser)
  })
  return paths
}
