import { describe, expect, it } from 'vitest'
import { eicarTestFile } from '../../demo/images/fake-secrets'
import { createTar, type TarEntry } from '../../demo/tar-writer'
import { createMalwareAnalyzer } from '../malware/malware-analyzer'
import { buildSignatureDb } from '../malware/signature-db'
import { collectFileFindings } from './collect-file-findings'
import { baselineFilesAnalyzer } from './content-analyzer'
import { scanLayerTars } from './testing/scan-layers'

const file = (path: string, content: string, mode = 0o644): TarEntry => ({ path, content, mode })
const dir = (path: string): TarEntry => ({ path: `${path}/`, type: 'dir', mode: 0o755 })
const whiteout = (path: string): TarEntry => {
  const slash = path.lastIndexOf('/')
  return { path: `${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`, content: '' }
}
const SHELL = "<?php system($_GET['c']); ?>\n"
const analyzers = [baselineFilesAnalyzer, createMalwareAnalyzer(buildSignatureDb([]))]

async function collect(layers: TarEntry[][]) {
  const scanned = await scanLayerTars(
    layers.map((entries, i) => ({ tar: createTar(entries), digest: `sha256:layer${i}` })),
    analyzers,
  )
  return collectFileFindings(scanned.layers, scanned.index)
}

describe('collectFileFindings', () => {
  it('keeps baseline findings of the file the image ends up with, and drops those of rewritten files', async () => {
    const { baseline } = await collect([
      [dir('etc'), file('etc/shadow', 'root::19000:0:99999:7:::\n', 0o640)],
      [dir('etc'), file('etc/shadow', 'root:*:19000:0:99999:7:::\nops:$1$salt$hashhashhashhashhashha:19000:0:99999:7:::\n', 0o640)],
    ])
    expect(baseline.map((f) => [f.checkId, f.path, f.layerIndex, f.layerDigest])).toEqual([['weak_pwd_hash', 'etc/shadow', 1, 'sha256:layer1']])
  })

  it('drops baseline findings of files deleted by a whiteout or hidden by an opaque directory', async () => {
    const { baseline } = await collect([
      [dir('app'), dir('app/config'), file('app/.env', 'DB_PASSWORD=hunter22\n'), file('app/config/dev.json', '{"adminPassword": "admin123"}\n'), file('app/config/prod.json', '{"adminPassword": "prodPass1"}\n')],
      [dir('app'), whiteout('app/.env'), dir('app/config'), { path: 'app/config/.wh..wh..opq', content: '' }, file('app/config/prod.json', '{"adminPassword": "prodPass1"}\n')],
    ])
    expect(baseline.map((f) => [f.checkId, f.path, f.layerIndex])).toEqual([['secret_in_file', 'app/config/prod.json', 1]])
  })

  it('keeps malicious files that a later layer deletes or replaces, with deletedInLayer', async () => {
    const { malicious } = await collect([
      [dir('app'), dir('app/public'), file('app/public/shell.php', SHELL), file('app/eicar.com', eicarTestFile()), dir('tmp'), file('tmp/x.php', SHELL)],
      [dir('app'), whiteout('app/eicar.com')],
      [dir('app'), { path: 'app/public', content: 'now a file' }],
      [dir('opt'), file('opt/kept.php', SHELL)],
    ])
    expect(malicious.map((m) => [m.filePath, m.type, m.layerIndex, m.layerDigest, m.deletedInLayer])).toEqual([
      ['app/public/shell.php', 'webshell', 0, 'sha256:layer0', 2],
      ['opt/kept.php', 'webshell', 3, 'sha256:layer3', undefined],
      ['tmp/x.php', 'webshell', 0, 'sha256:layer0', undefined],
      ['app/eicar.com', 'test-file', 0, 'sha256:layer0', 1],
    ])
    expect(malicious[1]).not.toHaveProperty('deletedInLayer')
  })

  it('reports a file rewritten later once per layer that shipped it', async () => {
    const { malicious } = await collect([
      [dir('var'), dir('var/www'), file('var/www/a.php', SHELL)],
      [dir('var'), dir('var/www'), file('var/www/a.php', `${SHELL}// v2\n`)],
    ])
    expect(malicious.map((m) => [m.layerIndex, m.deletedInLayer])).toEqual([
      [0, 1],
      [1, undefined],
    ])
  })

  it('accepts a plain LayerResult whose analyses carry no findings', () => {
    const result = { schemaVersion: 1, diffId: 'sha256:x', fileCount: 0, uncompressedBytes: 0, files: [], whiteouts: [], opaqueDirs: [], analyses: [{ path: 'a', packages: [] }], notes: [] }
    expect(collectFileFindings([{ result, digest: 'sha256:x' }], new Map())).toEqual({ baseline: [], malicious: [] })
  })
})
