import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import { parseTar } from '../../../demo/tar-test-utils'
import type { ImageConfig } from '../../acquire/image-source'
import type { Analyzer, FileBaselineFinding, FileMaliciousFinding } from '../../inventory/analyzer'
import { mergeLayers } from '../../layers/merge-layers'
import type { FileIndex } from '../../layers/squashed-tree'
import { walkLayerTar } from '../../layers/walk-layer'
import type { CollectLayer, FileAnalysisWithFindings } from '../collect-file-findings'

/**
 * Test helpers: real layer tars through the real walker (file index, whiteouts, opaque
 * directories) and the squash, with the baseline/malware analyzers run the way the
 * walker calls them (`wants(path, size, mode)`, then `analyze` on the whole file). The
 * analyzers' `baseline` and `malicious` outputs are attached to each layer's analyses,
 * which is what the inventory will do once the walker keeps them.
 */

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`
const ungzip = (b: Buffer) => (b[0] === 0x1f && b[1] === 0x8b ? zlib.gunzipSync(b) : b)

export interface ScannedImage {
  layers: CollectLayer[]
  index: FileIndex
}

export async function scanLayerTars(tars: readonly { tar: Buffer; digest?: string }[], analyzers: readonly Analyzer[]): Promise<ScannedImage> {
  const layers: CollectLayer[] = []
  for (const { tar, digest } of tars) {
    const result = await walkLayerTar(Readable.from([tar]), { analyzers: [], expectedDiffId: sha256(tar) })
    const byPath = new Map<string, FileAnalysisWithFindings>()
    for (const entry of await parseTar(tar)) {
      if (entry.type !== 'File' && entry.type !== 'OldFile') continue
      const p = entry.path.replace(/^\.?\/+/, '')
      if (p.split('/').pop()?.startsWith('.wh.')) continue
      const analysis: FileAnalysisWithFindings = { path: p, packages: [] }
      const baseline: FileBaselineFinding[] = []
      const malicious: FileMaliciousFinding[] = []
      for (const a of analyzers) {
        if (!a.wants(p, entry.body.length, entry.mode ?? 0)) continue
        const out = await a.analyze({ path: p, bytes: entry.body, mode: entry.mode ?? 0 })
        baseline.push(...(out.baseline ?? []))
        malicious.push(...(out.malicious ?? []))
      }
      if (baseline.length) analysis.baseline = baseline
      if (malicious.length) analysis.malicious = malicious
      // The last entry of a path wins, as in the walker.
      if (baseline.length || malicious.length) byPath.set(p, analysis)
      else byPath.delete(p)
    }
    layers.push({ result: { ...result, analyses: [...byPath.values()] }, digest: digest ?? result.diffId })
  }
  const merged = mergeLayers(layers.map((l) => ({ result: { ...l.result, analyses: [] }, digest: l.digest })))
  return { layers, index: merged.fileIndex }
}

interface Descriptor {
  digest: string
}
const readJson = async <T>(file: string) => JSON.parse(await fs.readFile(file, 'utf8')) as T

export interface DemoImageOnDisk {
  config: ImageConfig
  layers: { digest: string; tar: Buffer }[]
}

/** One tag of an OCI layout written by buildDemoImages: config and uncompressed layers. */
export async function readOciImage(layoutDir: string, tag: string, platform = 0): Promise<DemoImageOnDisk> {
  const blob = (digest: string) => path.join(layoutDir, 'blobs', 'sha256', digest.slice('sha256:'.length))
  const index = await readJson<{ manifests: (Descriptor & { annotations?: Record<string, string> })[] }>(path.join(layoutDir, 'index.json'))
  const top = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag)
  if (!top) throw new Error(`no tag ${tag} in ${layoutDir}`)
  let manifest = await readJson<{ config?: Descriptor; layers?: Descriptor[]; manifests?: Descriptor[] }>(blob(top.digest))
  if (manifest.manifests) manifest = await readJson(blob(manifest.manifests[platform]?.digest ?? ''))
  const config = await readJson<ImageConfig>(blob(manifest.config?.digest ?? ''))
  const layers = await Promise.all((manifest.layers ?? []).map(async (l) => ({ digest: l.digest, tar: ungzip(await fs.readFile(blob(l.digest))) })))
  return { config, layers }
}

/** The image of a `docker save` archive (its first manifest entry). */
export async function readDockerArchive(archive: string): Promise<DemoImageOnDisk> {
  const members = new Map((await parseTar(await fs.readFile(archive))).map((e) => [e.path, e.body]))
  const [entry] = JSON.parse(members.get('manifest.json')?.toString() ?? '[]') as { Config: string; Layers: string[] }[]
  if (!entry) throw new Error(`no manifest in ${archive}`)
  const config = JSON.parse(members.get(entry.Config)?.toString() ?? '{}') as ImageConfig
  const layers = entry.Layers.map((l) => {
    const body = members.get(l) ?? Buffer.alloc(0)
    return { digest: sha256(body), tar: ungzip(body) }
  })
  return { config, layers }
}
