import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImageReport } from '@contract/findings'
import type { ScanFixPlan } from '@contract/fix-plan'
import { buildDemoImages } from '../demo/demo-images'
import { openDirectorySource } from '../engine/acquire/directory-source'
import type { ImageSource } from '../engine/acquire/image-source'
import { memoryAdvisories } from '../engine/advisories/memory-advisories'
import { loadOsvFixtures } from '../engine/advisories/testing/osv-fixtures'
import { createMemoryLayerCache } from '../engine/layers/layer-cache'
import { scanImage } from '../engine/scan-image'
import { baseImageLayers } from './fix-plan-base-image'
import { buildFixPlan } from './fix-plan'
import { vulnerabilityRows } from './scan-rows'

/**
 * The fix plan on real rows: the demo images scanned by the engine against the bundled
 * OSV records, turned into the rows the database stores.
 */
let dir: string
let source: ImageSource
const reports: Record<string, ImageReport> = {}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-fixplan-'))
  await buildDemoImages(dir)
  source = await openDirectorySource(dir)
  const records = loadOsvFixtures()
  const advisories = { ...memoryAdvisories(records), info: () => Promise.resolve({ recordCount: records.length, importedAt: 0, newestModified: null }) }
  const cache = createMemoryLayerCache()
  for (const [repository, reference] of [['demo/shop-app', '1.0.0'], ['demo/ubuntu-web', '22.04']] as const) {
    reports[repository] = await scanImage({ source, repository, reference, advisories, cache })
  }
}, 120_000)

afterAll(async () => {
  await source.close()
  await fs.rm(dir, { recursive: true, force: true })
})

function planOf(repository: string): ScanFixPlan {
  const report = reports[repository]
  if (!report) throw new Error(`no report of ${repository}`)
  const rows = vulnerabilityRows(report).map((r) => r.item)
  return buildFixPlan({ scanTaskId: 't', digest: report.image.digest, rows, layers: report.layers.map((l) => ({ index: l.index, createdBy: l.createdBy ?? null })) })
}

describe('buildFixPlan on shop-app 1.0.0', () => {
  const plan = () => planOf('demo/shop-app')

  it('makes one upgrade per package, to the latest fix of its findings, closing every finding with a fix', () => {
    const p = plan()
    const log4j = p.upgrades.find((u) => u.name === 'log4j-core')
    expect(log4j).toMatchObject({ installedVersion: '2.14.1', manager: 'maven', format: 'maven' })
    // Three advisories, fixed in 2.15.0, 2.16.0 and 2.17.0 (or .1): the upgrade goes to the latest.
    expect(log4j?.closes.map((f) => f.cveName).sort()).toEqual(['CVE-2021-44228', 'CVE-2021-45046', 'CVE-2021-45105'])
    const fixes = log4j?.closes.map((f) => f.versionFixed) ?? []
    expect(fixes).toContain(log4j?.targetVersion)
    expect(log4j?.command).toBe(`update org.apache.logging.log4j:log4j-core to ${log4j?.targetVersion}`)
    expect(log4j?.closes[0]?.cveName).toBe('CVE-2021-44228')
    const django = p.upgrades.find((u) => u.name === 'Django')
    expect(django?.closes).toHaveLength(3)
    expect(django?.command).toBe(`pip install 'Django==${django?.targetVersion}'`)
    // Every package appears once, and every finding with a fix is closed by exactly one upgrade.
    expect(new Set(p.upgrades.map((u) => u.componentId)).size).toBe(p.upgrades.length)
    expect(p.upgrades.reduce((n, u) => n + u.closes.length + u.remainsInPackage.length, 0) + p.unfixable.reduce((n, u) => n + u.findings.length, 0)).toBe(p.totalFindings)
    expect(p.totalFindings).toBe(24)
  })

  it('orders upgrades by the risk they remove, and counts what stays open after each', () => {
    const p = plan()
    const risks = p.upgrades.map((u) => u.riskRemoved)
    expect(risks).toEqual(risks.toSorted((a, b) => b - a))
    expect(p.upgrades[0]?.name).toBe('log4j-core')
    let open = p.totalFindings
    for (const u of p.upgrades) {
      open -= u.closes.length
      expect(u.remainingAfter).toBe(open)
    }
    expect(p.upgrades.at(-1)?.remainingAfter).toBe(p.totalFindings - p.fixableFindings)
  })

  it('finds the Alpine base layer from the history, with only musl in it', () => {
    const p = plan()
    expect(p.baseImage).toMatchObject({ lastLayerIndex: 0, evidence: 'buildkit', findings: 2, mostFindings: false })
    expect(p.upgrades.filter((u) => u.inBaseImage).map((u) => u.name).sort()).toEqual(['musl', 'musl-utils'])
  })

  it('writes one RUN per package manager, ready for a Dockerfile', () => {
    const lines = plan().dockerfile.split('\n')
    const runs = lines.filter((l) => l.startsWith('RUN '))
    expect(runs.filter((l) => l.startsWith('RUN apk add --no-cache --upgrade '))).toHaveLength(1)
    expect(runs.find((l) => l.startsWith('RUN apk'))).toMatch(/ musl=\S+ musl-utils=\S+$|musl-utils=\S+ musl=\S+$/)
    expect(runs.filter((l) => l.startsWith('RUN pip install --no-cache-dir '))).toHaveLength(1)
    expect(runs.find((l) => l.startsWith('RUN pip'))).toContain("'Django==")
    expect(lines.filter((l) => l.includes('npm install'))).toHaveLength(1)
    expect(lines.find((l) => l.includes('npm install'))).toMatch(/^RUN cd \/app && npm install .*express@/)
    expect(lines.find((l) => l.startsWith('# Maven'))).toContain('org.apache.logging.log4j:log4j-core')
  })
})

describe('buildFixPlan on ubuntu-web 22.04', () => {
  it('groups the dpkg findings by binary package and chains apt-get in one RUN', () => {
    const p = planOf('demo/ubuntu-web')
    const libc = p.upgrades.find((u) => u.name === 'libc6')
    expect(libc).toMatchObject({ manager: 'apt', installedVersion: '2.35-0ubuntu3.3', targetVersion: '2.35-0ubuntu3.4' })
    expect(libc?.closes.map((f) => f.cveName).sort()).toEqual(['CVE-2023-4527', 'CVE-2023-4911'])
    const run = p.dockerfile.split('\nRUN ')[0] ?? ''
    expect(run).toMatch(/^RUN apt-get update \\\n {4}&& apt-get install -y --only-upgrade .*libc6=2\.35-0ubuntu3\.4/)
    expect(run).toContain('&& rm -rf /var/lib/apt/lists/*')
  })
})

describe('baseImageLayers', () => {
  it('needs BuildKit steps above non-BuildKit ones, else a root file system at the bottom', () => {
    const nop = '/bin/sh -c #(nop) ADD file:abc in / '
    expect(baseImageLayers([{ index: 0, createdBy: nop }, { index: 1, createdBy: '/bin/sh -c apt-get update' }, { index: 2, createdBy: 'RUN /bin/sh -c make # buildkit' }])).toEqual({ lastLayerIndex: 1, evidence: 'buildkit' })
    expect(baseImageLayers([{ index: 0, createdBy: nop }, { index: 1, createdBy: '/bin/sh -c make' }])).toEqual({ lastLayerIndex: 0, evidence: 'rootfs' })
    expect(baseImageLayers([{ index: 0, createdBy: 'ADD alpine.tar.gz / # buildkit' }, { index: 1, createdBy: 'RUN /bin/sh -c make # buildkit' }])).toEqual({ lastLayerIndex: 0, evidence: 'rootfs' })
    expect(baseImageLayers([{ index: 0, createdBy: null }, { index: 1, createdBy: null }])).toBeNull()
    expect(baseImageLayers([{ index: 0, createdBy: nop }])).toBeNull()
  })
})
