import { describe, expect, it } from 'vitest'
import { sampleReport } from '../../engine/report/testing/sample-report'
import { toImageReportView } from '../../scans/report-view'
import { storageImage } from '../../providers/stackrox/storage-image-model'
import { storageImageToReport } from '../../providers/stackrox/storage-image-to-report'
import { cvssV2Severity, cvssV3Severity, toStorageImage, toStorageImageName } from './to-storage-image'

const task = {
  scanTaskId: '6b0b094f-8a90-4f8f-b660-2427aed0a1b2',
  instanceId: 'cri-0123456789abcdef',
  repoId: 'crr-0123456789abcdef',
  tag: '1.4.2',
  digest: `sha256:${'a'.repeat(64)}`,
  scanService: 'ACR_SCAN_SERVICE' as const,
}
/** The sample report with the risk the matcher gives log4j-core. */
function reportWithRisk() {
  const report = sampleReport()
  report.componentRisks = [{ componentId: 'c-log4j-core', topCvss: 10, riskScore: 10, fixedByAll: '2.15.0', findingCount: 1 }]
  return report
}
const view = () => toImageReportView(task, reportWithRisk())
const requested = { registry: 'registry.example.com', remote: 'shop/api', tag: '1.4.2' }

describe('toStorageImage', () => {
  it('is a valid StorageImage naming the image as asked', () => {
    const image = storageImage.parse(toStorageImage(view(), requested))
    expect(image.id).toBe(`sha256:${'a'.repeat(64)}`)
    expect(image.name).toEqual({ registry: 'registry.example.com', remote: 'shop/api', tag: '1.4.2', fullName: 'registry.example.com/shop/api:1.4.2' })
    expect(image.names).toEqual([image.name])
  })

  it('carries the config and manifest digests, layers and creation time as metadata', () => {
    const { metadata } = toStorageImage(view(), requested)
    expect(metadata.v1.digest).toBe(`sha256:${'c'.repeat(64)}`)
    expect(metadata.v2.digest).toBe(`sha256:${'b'.repeat(64)}`)
    expect(metadata.v1.created).toBe('2024-05-01T10:00:00Z')
    expect(metadata.layerShas).toEqual(sampleReport().layers.map((l) => l.digest))
    expect(metadata.v1.layers).toHaveLength(3)
    expect(metadata.v1.layers[0]).toEqual({ instruction: '', value: '', created: null, author: '', empty: false })
  })

  it('maps log4shell with StackRox’s enums for severity, CVSS v2 and v3', () => {
    const image = toStorageImage(view(), requested)
    const log4j = image.scan.components.find((c) => c.name === 'log4j-core')
    expect(log4j).toMatchObject({ source: 'JAVA', fixedBy: '2.15.0', topCvss: 10, riskScore: 10 })
    expect(image.scan.components.find((c) => c.name === 'lodash')).toMatchObject({ fixedBy: '', topCvss: 0 })
    expect(log4j?.vulns[0]).toMatchObject({
      cve: 'CVE-2021-44228',
      cvss: 10,
      scoreVersion: 'V3',
      fixedBy: '2.15.0',
      summary: expect.stringContaining('JNDI') as unknown,
      severity: 'CRITICAL_VULNERABILITY_SEVERITY',
      state: 'OBSERVED',
      suppressed: false,
      vulnerabilityType: 'IMAGE_VULNERABILITY',
      publishedOn: '2021-12-10T00:00:00Z',
      cvssV3: { attackVector: 'ATTACK_NETWORK', attackComplexity: 'COMPLEXITY_LOW', privilegesRequired: 'PRIVILEGE_NONE', userInteraction: 'UI_NONE', scope: 'CHANGED', confidentiality: 'IMPACT_HIGH', score: 10, severity: 'CRITICAL' },
      cvssV2: { attackVector: 'ATTACK_NETWORK', accessComplexity: 'ACCESS_MEDIUM', authentication: 'AUTH_NONE', integrity: 'IMPACT_COMPLETE', score: 9.3, severity: 'HIGH' },
    })
  })

  it('sends unknowns as StackRox’s unset values, never invented ones', () => {
    const image = toStorageImage(view(), requested)
    const requests = image.scan.components.find((c) => c.name === 'requests')?.vulns[0]
    expect(requests).toMatchObject({ cvss: 0, scoreVersion: 'V2', cvssV2: null, cvssV3: null, severity: 'UNKNOWN_VULNERABILITY_SEVERITY' })
    const zlib = image.scan.components.find((c) => c.name === 'zlib1g')?.vulns[0]
    expect(zlib).toMatchObject({ fixedBy: '', severity: 'LOW_VULNERABILITY_SEVERITY' })
    expect(image).toMatchObject({ signature: null, signatureVerificationData: null, notes: ['MISSING_SIGNATURE', 'MISSING_SIGNATURE_VERIFICATION_DATA'], priority: '0' })
  })

  it('sends a NuGet package as DOTNETCORERUNTIME, which the StackRox provider reads back as nuget', () => {
    const report = reportWithRisk()
    report.components.push({
      componentId: 'c-newtonsoft',
      name: 'Newtonsoft.Json',
      version: '12.0.3',
      format: 'nuget',
      source: 'DOTNET',
      purl: 'pkg:nuget/Newtonsoft.Json@12.0.3',
      layerIndex: 2,
      layerDigest: report.layers[2]?.digest ?? '',
      location: 'app/WebApp.deps.json',
      licenses: ['MIT'],
    })
    report.findings.push({
      vulnerabilityId: 'GHSA-5crp-9r3c-p9vr',
      aliases: ['GHSA-5crp-9r3c-p9vr', 'CVE-2024-21907'],
      advisoryIds: ['GHSA-5crp-9r3c-p9vr'],
      summary: 'Improper Handling of Exceptional Conditions in Newtonsoft.Json',
      description: 'Newtonsoft.Json prior to version 13.0.1 is vulnerable to Insecure Defaults due to improper handling of expressions with high nesting level.',
      link: 'https://github.com/advisories/GHSA-5crp-9r3c-p9vr',
      severity: 'High',
      severitySource: 'ghsa',
      fixedBy: '13.0.1',
      scanType: 'sca',
      componentId: 'c-newtonsoft',
    })
    const image = storageImage.parse(toStorageImage(toImageReportView(task, report), requested))
    expect(image.scan?.components.find((c) => c.name === 'Newtonsoft.Json')).toMatchObject({ source: 'DOTNETCORERUNTIME', version: '12.0.3', location: 'app/WebApp.deps.json' })
    const back = storageImageToReport(image, { repository: 'registry.example.com/shop/api', reference: '1.4.2', scannedAt: 0, durationMs: 0 })
    const newtonsoft = back.components.find((c) => c.name === 'Newtonsoft.Json')
    expect(newtonsoft).toMatchObject({ format: 'nuget', source: 'DOTNET', version: '12.0.3', purl: 'pkg:nuget/Newtonsoft.Json@12.0.3', location: 'app/WebApp.deps.json', licenses: ['MIT'] })
    expect(back.findings.filter((f) => f.componentId === newtonsoft?.componentId)).toEqual([
      expect.objectContaining({ vulnerabilityId: 'GHSA-5crp-9r3c-p9vr', severity: 'High', fixedBy: '13.0.1', scanType: 'sca' }),
    ])
    expect(back.notes.map((n) => n.code)).not.toContain('unknown-package-format')
  })

  it('counts components, CVEs and fixable CVEs as the report does', () => {
    const v = view()
    const image = toStorageImage(v, requested)
    expect(image).toMatchObject({ components: v.components, cves: v.cves, fixableCves: v.fixableCves, topCvss: 10 })
    expect(image.scan).toMatchObject({ operatingSystem: 'ubuntu:22.04', scanTime: new Date(v.scan.scanTime).toISOString(), notes: v.scan.notes })
    expect(image.lastUpdated).toBe(image.scan.scanTime)
  })
})

describe('toStorageImageName', () => {
  it('names a digest reference with an empty tag and @digest', () => {
    const digest = `sha256:${'e'.repeat(64)}`
    expect(toStorageImageName({ registry: 'r.example', remote: 'a/b', tag: '', digest })).toEqual({ registry: 'r.example', remote: 'a/b', tag: '', fullName: `r.example/a/b@${digest}` })
  })
})

describe('CVSS bands', () => {
  it.each([
    [0, 'NONE', 'LOW'],
    [3.9, 'LOW', 'LOW'],
    [4, 'MEDIUM', 'MEDIUM'],
    [6.9, 'MEDIUM', 'MEDIUM'],
    [7, 'HIGH', 'HIGH'],
    [8.9, 'HIGH', 'HIGH'],
    [9, 'CRITICAL', 'HIGH'],
  ])('%s → v3 %s, v2 %s', (score, v3, v2) => {
    expect(cvssV3Severity(score)).toBe(v3)
    expect(cvssV2Severity(score)).toBe(v2)
  })
})
