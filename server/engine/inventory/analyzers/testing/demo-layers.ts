import fs from 'node:fs/promises'
import path from 'node:path'
import zlib from 'node:zlib'
import type { OsInfo, ScanNote } from '@contract/findings'
import { parseTar } from '../../../../demo/tar-test-utils'
import type { Analyzer, PackageRecord } from '../../analyzer'

/**
 * Reads the layers of the demo images as written to disk (OCI layouts and a docker-save
 * archive) and runs analyzers over each layer's regular files, the way the layer walker
 * calls them: `wants(path, size, mode)` first, then `analyze` on the whole file.
 */

interface Descriptor {
  digest: string
  mediaType: string
}
interface ManifestOrIndex {
  layers?: Descriptor[]
  manifests?: Descriptor[]
}

const readJson = async <T>(file: string) => JSON.parse(await fs.readFile(file, 'utf8')) as T
const ungzip = (b: Buffer) => (b[0] === 0x1f && b[1] === 0x8b ? zlib.gunzipSync(b) : b)

/** The uncompressed layer tars of one tag of an OCI layout; `platform` picks a manifest of an index. */
export async function ociLayers(layoutDir: string, tag: string, platform = 0): Promise<Buffer[]> {
  const blob = (digest: string) => path.join(layoutDir, 'blobs', 'sha256', digest.slice('sha256:'.length))
  const index = await readJson<{ manifests: (Descriptor & { annotations?: Record<string, string> })[] }>(path.join(layoutDir, 'index.json'))
  const top = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag)
  if (!top) throw new Error(`no tag ${tag} in ${layoutDir}`)
  let manifest = await readJson<ManifestOrIndex>(blob(top.digest))
  if (manifest.manifests) manifest = await readJson<ManifestOrIndex>(blob(manifest.manifests[platform]?.digest ?? ''))
  return Promise.all((manifest.layers ?? []).map(async (l) => ungzip(await fs.readFile(blob(l.digest)))))
}

/** The layer tars of a `docker save` archive, in manifest.json order. */
export async function dockerArchiveLayers(archive: string): Promise<Buffer[]> {
  const members = new Map((await parseTar(await fs.readFile(archive))).map((e) => [e.path, e.body]))
  const [entry] = JSON.parse(members.get('manifest.json')?.toString() ?? '[]') as { Layers: string[] }[]
  return (entry?.Layers ?? []).map((l) => ungzip(members.get(l) ?? Buffer.alloc(0)))
}

export interface LayerFindings {
  os: { path: string; os: OsInfo }[]
  packages: PackageRecord[]
  notes: ScanNote[]
}

export async function analyzeLayer(tar: Buffer, analyzers: Analyzer[]): Promise<LayerFindings> {
  const out: LayerFindings = { os: [], packages: [], notes: [] }
  for (const entry of await parseTar(tar)) {
    if (entry.type !== 'File' && entry.type !== 'OldFile') continue
    const file = { path: entry.path.replace(/^\.?\/+/, ''), bytes: entry.body, mode: entry.mode ?? 0 }
    for (const a of analyzers) {
      if (!a.wants(file.path, file.bytes.length, file.mode)) continue
      const result = await a.analyze(file)
      if (result.os) out.os.push({ path: file.path, os: result.os })
      out.packages.push(...(result.packages ?? []))
      out.notes.push(...(result.notes ?? []))
    }
  }
  return out
}
