import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImageReport } from '@contract/findings'
import { buildDemoImages } from '../demo/demo-images'
import { openDirectorySource } from './acquire/directory-source'
import type { ImageSource } from './acquire/image-source'
import { memoryAdvisories } from './advisories/memory-advisories'
import { loadOsvFixtures } from './advisories/testing/osv-fixtures'
import { createMemoryLayerCache } from './layers/layer-cache'
import { loadSignatureDir } from './malware/signature-db'
import { scanImage, type AdvisorySource } from './scan-image'

/**
 * The whole engine on the demo images and the real OSV fixtures: what a security engineer
 * would see in each report. Every expected line below was checked against the OSV record
 * it comes from (fixtures/osv) and the package versions the demo images install.
 */

let dir: string
let source: ImageSource
let advisories: AdvisorySource
const cache = createMemoryLayerCache()

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-scan-'))
  await buildDemoImages(dir)
  source = await openDirectorySource(dir)
  const records = loadOsvFixtures()
  advisories = { ...memoryAdvisories(records), info: () => Promise.resolve({ recordCount: records.length, importedAt: 0, newestModified: null }) }
}, 60_000)

afterAll(async () => {
  await source.close()
  await fs.rm(dir, { recursive: true, force: true })
})

const scan = (repository: string, reference: string, platform?: string) =>
  scanImage({ source, repository, reference, advisories, cache, ...(platform ? { platform } : {}) })

/** `package@version vulnerability severity fixedBy`, sorted: the report as a reviewer reads it. */
function lines(report: ImageReport): string[] {
  const byId = new Map(report.components.map((c) => [c.componentId, c]))
  return report.findings
    .map((f) => {
      const c = byId.get(f.componentId)
      return `${c?.name}@${c?.version} ${f.vulnerabilityId} ${f.severity} ${f.fixedBy ?? '-'}`
    })
    .sort()
}

const UBUNTU_2204 = [
  'curl@7.81.0-1ubuntu1.13 CVE-2023-38545 Critical 7.81.0-1ubuntu1.14',
  'curl@7.81.0-1ubuntu1.13 CVE-2023-38546 Low 7.81.0-1ubuntu1.14',
  'libc-bin@2.35-0ubuntu3.3 CVE-2023-4527 Unknown 2.35-0ubuntu3.4',
  'libc-bin@2.35-0ubuntu3.3 CVE-2023-4911 High 2.35-0ubuntu3.4',
  'libc6@2.35-0ubuntu3.3 CVE-2023-4527 Unknown 2.35-0ubuntu3.4',
  'libc6@2.35-0ubuntu3.3 CVE-2023-4911 High 2.35-0ubuntu3.4',
  'libcurl4@7.81.0-1ubuntu1.13 CVE-2023-38545 Critical 7.81.0-1ubuntu1.14',
  'libcurl4@7.81.0-1ubuntu1.13 CVE-2023-38546 Low 7.81.0-1ubuntu1.14',
  ...['libssl3', 'openssl'].flatMap((pkg) =>
    [
      'CVE-2022-4203 Medium',
      'CVE-2022-4304 Medium',
      'CVE-2022-4450 High',
      'CVE-2023-0215 High',
      'CVE-2023-0216 High',
      'CVE-2023-0217 High',
      'CVE-2023-0286 High',
      'CVE-2023-0401 High',
    ].map((v) => `${pkg}@3.0.2-0ubuntu1.7 ${v} 3.0.2-0ubuntu1.8`),
  ),
].sort()

describe('scanImage on the demo images', () => {
  it('demo/ubuntu-web:22.04 (Ubuntu 22.04, both platforms): curl, glibc and openssl advisories from USNs and Ubuntu CVE records', async () => {
    const amd = await scan('demo/ubuntu-web', '22.04')
    expect(amd.os?.ecosystem).toBe('Ubuntu:22.04:LTS')
    expect(amd.image.platform).toBe('linux/amd64')
    expect(lines(amd)).toEqual(UBUNTU_2204)
    const arm = await scan('demo/ubuntu-web', '22.04', 'linux/arm64')
    expect(arm.image.platform).toBe('linux/arm64')
    expect(arm.image.manifestDigest).not.toBe(amd.image.manifestDigest)
    expect(lines(arm)).toEqual(UBUNTU_2204)

    // The same CVE under a USN and an Ubuntu CVE record is one finding with both ids.
    const curl = amd.findings.find((f) => f.vulnerabilityId === 'CVE-2023-38545')
    expect(curl?.aliases).toEqual(expect.arrayContaining(['UBUNTU-CVE-2023-38545', 'USN-6429-1']))
    expect(curl?.cvssV3?.baseScore).toBe(9.8)
    expect(curl?.scanType).toBe('cve')
    expect(curl?.fixCmd).toMatch(/^apt-get install --only-upgrade (lib)?curl4?=7\.81\.0-1ubuntu1\.14$/)
  })

  it('demo/legacy-api:2.3.1 (Ubuntu 20.04): bash, curl and OpenSSL 1.1.1, with USN-only fixes', async () => {
    const report = await scan('demo/legacy-api', '2.3.1')
    expect(report.os?.ecosystem).toBe('Ubuntu:20.04:LTS')
    expect(lines(report)).toEqual(
      [
        'bash@5.0-6ubuntu1.1 CVE-2019-18276 Unknown 5.0-6ubuntu1.2',
        // USN-6429-1 names only CVE-2023-38546 for 20.04 (its cves_map): CVE-2023-38545 comes from its own record.
        'curl@7.68.0-1ubuntu2.18 CVE-2023-38545 Critical 7.68.0-1ubuntu2.19',
        'curl@7.68.0-1ubuntu2.18 CVE-2023-38546 Low 7.68.0-1ubuntu2.20',
        'libcurl4@7.68.0-1ubuntu2.18 CVE-2023-38545 Critical 7.68.0-1ubuntu2.19',
        'libcurl4@7.68.0-1ubuntu2.18 CVE-2023-38546 Low 7.68.0-1ubuntu2.20',
        ...['libssl1.1', 'openssl'].flatMap((pkg) =>
          ['CVE-2022-4304 Medium', 'CVE-2022-4450 High', 'CVE-2023-0215 High', 'CVE-2023-0286 High'].map((v) => `${pkg}@1.1.1f-1ubuntu2.16 ${v} 1.1.1f-1ubuntu2.17`),
        ),
      ].sort(),
    )
    const curlRisk = report.componentRisks.find((r) => report.components.find((c) => c.componentId === r.componentId)?.name === 'curl')
    expect(curlRisk?.fixedByAll).toBe('7.68.0-1ubuntu2.20')
  })

  it('demo/alpine-base:3.18 (a docker save archive): musl through its origin package', async () => {
    const report = await scan('demo/alpine-base', '3.18')
    expect(report.os?.ecosystem).toBe('Alpine:v3.18')
    expect(lines(report)).toEqual(['musl-utils@1.2.4-r2 CVE-2025-26519 High 1.2.4-r3', 'musl@1.2.4-r2 CVE-2025-26519 High 1.2.4-r3'])
    expect(report.findings[0]?.fixCmd).toMatch(/^apk add --upgrade musl(-utils)?=1\.2\.4-r3$/)
  })

  it('demo/shop-app:1.0.0: npm, PyPI and Maven findings, nested jars included, a deleted package left out', async () => {
    const report = await scan('demo/shop-app', '1.0.0')
    expect(lines(report)).toEqual(
      [
        'Django@3.2.4 CVE-2021-35042 Unknown 3.2.5',
        'Django@3.2.4 CVE-2022-34265 Unknown 3.2.14',
        'Django@3.2.4 CVE-2023-31047 Unknown 3.2.19',
        'Jinja2@2.11.2 CVE-2020-28493 Unknown 2.11.3',
        'Jinja2@2.11.2 CVE-2024-22195 Medium 3.1.3',
        'PyYAML@5.3 CVE-2020-1747 Unknown 5.3.1',
        'axios@0.21.0 CVE-2020-28168 Medium 0.21.1',
        'express@4.17.1 CVE-2024-29041 Medium 4.19.2',
        'jackson-databind@2.13.2 CVE-2020-36518 High 2.13.2.1',
        'jackson-databind@2.13.2 CVE-2022-42003 High 2.13.4.1',
        'jsonwebtoken@8.5.1 CVE-2022-23539 Medium 9.0.0',
        'jsonwebtoken@8.5.1 CVE-2022-23541 Medium 9.0.0',
        'lodash@4.17.20 CVE-2020-28500 Medium 4.17.21',
        'log4j-core@2.14.1 CVE-2021-44228 Critical 2.15.0',
        'log4j-core@2.14.1 CVE-2021-45046 Critical 2.16.0',
        'log4j-core@2.14.1 CVE-2021-45105 High 2.17.0',
        'musl-utils@1.2.4-r2 CVE-2025-26519 High 1.2.4-r3',
        'musl@1.2.4-r2 CVE-2025-26519 High 1.2.4-r3',
        'qs@6.7.0 CVE-2022-24999 High 6.7.3',
        'requests@2.19.1 CVE-2018-18074 Unknown 2.20.0',
        'requests@2.19.1 CVE-2023-32681 Unknown 2.31.0',
        'spring-beans@5.3.17 CVE-2022-22965 Critical 5.3.18',
        'urllib3@1.26.16 CVE-2023-43804 High 1.26.17',
        'urllib3@1.26.16 CVE-2023-45803 Medium 1.26.18',
      ].sort(),
    )
    const log4shell = report.findings.find((f) => f.vulnerabilityId === 'CVE-2021-44228')
    expect(log4shell).toMatchObject({ severity: 'Critical', scanType: 'sca', fixedBy: '2.15.0' })
    expect(log4shell?.cvssV3).toMatchObject({ baseScore: 10, attackVector: 'NETWORK', scope: 'CHANGED' })
    const spring = report.components.find((c) => c.name === 'spring-beans')
    expect(spring?.location).toContain('!/BOOT-INF/lib/')
    // PyPI names normalise: PyYAML is matched although the advisory writes it differently.
    expect(report.components.find((c) => c.name === 'PyYAML')?.purl).toBe('pkg:pypi/pyyaml@5.3')
    // minimist 1.2.5 is installed in one layer and whited out by a later one: not in the image.
    expect(report.components.some((c) => c.name === 'minimist')).toBe(false)
    // Every component is attributed to a real layer of this image.
    for (const c of report.components) expect(report.layers[c.layerIndex]?.digest).toBe(c.layerDigest)
  })

  it('demo/dotnet-api:1.4.0: a NuGet package from the deps.json, with the dotnet fix command', async () => {
    const report = await scan('demo/dotnet-api', '1.4.0')
    expect(lines(report)).toEqual(['Newtonsoft.Json@12.0.3 CVE-2024-21907 High 13.0.1', 'musl-utils@1.2.4-r2 CVE-2025-26519 High 1.2.4-r3', 'musl@1.2.4-r2 CVE-2025-26519 High 1.2.4-r3'])
    const newtonsoft = report.components.find((c) => c.name === 'Newtonsoft.Json')
    expect(newtonsoft).toMatchObject({ version: '12.0.3', format: 'nuget', source: 'DOTNET', purl: 'pkg:nuget/Newtonsoft.Json@12.0.3', location: 'app/DotnetApi.deps.json', layerIndex: 1 })
    const finding = report.findings.find((f) => f.componentId === newtonsoft?.componentId)
    expect(finding).toMatchObject({ scanType: 'sca', fixedBy: '13.0.1', fixCmd: 'dotnet add package Newtonsoft.Json --version 13.0.1' })
    expect(finding?.advisoryIds).toContain('GHSA-5crp-9r3c-p9vr')
    // Listed in the deps.json without runtime assets (net6.0 ships its own copy): not a component.
    expect(report.components.some((c) => c.name === 'System.Runtime.CompilerServices.Unsafe')).toBe(false)
  })

  it('a rescan with a warm cache reads no layer and finds the same', async () => {
    const first = await scan('demo/shop-app', 'latest')
    expect(first.layers.every((l) => l.cached)).toBe(true)
    expect(lines(first)).toHaveLength(24)
  })

  it('with baseline and malware checks (SAS): planted risks and files found, secrets masked, vulnerabilities unchanged', async () => {
    const malware = await loadSignatureDir(new URL('../../signatures', import.meta.url).pathname)
    const report = await scanImage({ source, repository: 'demo/shop-app', reference: '1.0.0', advisories, cache, security: { baseline: true, malware } })
    expect(lines(report)).toHaveLength(24)
    expect(report.baseline.map((b) => `${b.checkId} ${b.level} ${b.path ?? ''}`.trim())).toEqual([
      'ak_leak High app/.env',
      'run_as_root High',
      'secret_in_env High',
      'secret_in_file High app/.env',
      'add_remote_url Medium',
      'env_file Medium app/.env',
      'world_writable_dir Medium app/uploads',
      'no_healthcheck Low',
    ])
    expect(report.maliciousFiles.map((m) => `${m.filePath} ${m.type} ${m.level} ${m.engine} ${m.maliciousName}`)).toEqual([
      'app/public/shell.php webshell serious ndb Layerscope.Php.Webshell.SystemGet-1',
      'tmp/config.json miner serious ndb Layerscope.Multios.Coinminer.StratumPoolUrl-1',
      'app/uploads/eicar.com test-file remind hash Eicar-Test-Signature',
    ])
    const eicar = report.maliciousFiles.find((m) => m.type === 'test-file')
    expect(eicar).toMatchObject({ md5: '44d88612fea8a8f36de82e1278abb02f', sha256: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' })
    expect(report.layers[eicar?.layerIndex ?? -1]?.digest).toBe(eicar?.layerDigest)
    // The planted access key is reported, never shown.
    const ak = report.baseline.find((b) => b.checkId === 'ak_leak')
    expect(ak?.evidence).toMatch(/\*{4,}/)
  })

  it('the vulnerability-only scan (ACR) runs no baseline or malware check', async () => {
    const report = await scan('demo/shop-app', '1.0.0')
    expect(report.baseline).toEqual([])
    expect(report.maliciousFiles).toEqual([])
  })
})
