import { describe, expect, it } from 'vitest'
import { imageReport } from '@contract/findings'
import { storageImage } from './storage-image'
import { parseOperatingSystem, storageImageToReport } from './storage-image-to-report'
import { STACKROX_DIGEST, STORAGE_IMAGE } from './testing/storage-image-fixture'

const ctx = { repository: 'quay.example.com/team/api', reference: '1.4', scannedAt: 1, durationMs: 2 }

describe('storageImageToReport', () => {
  const report = imageReport.parse(storageImageToReport(storageImage.parse(STORAGE_IMAGE), ctx))

  it('maps components, CVSS v3 and v2 metrics, fixes and dates', () => {
    const eglibc = report.components.find((c) => c.name === 'eglibc')
    expect(eglibc).toMatchObject({ format: 'dpkg', source: 'OS', layerIndex: 0, layerDigest: STORAGE_IMAGE.metadata.layerShas[0] })
    const log4j = report.components.find((c) => c.name.endsWith('log4j-core'))
    // History index 2 (after an empty ENV step) is the second filesystem layer.
    expect(log4j).toMatchObject({ format: 'maven', source: 'JAVA', layerIndex: 1, location: '/app/app.jar', licenses: ['Apache-2.0'] })
    const high = report.findings.find((f) => f.vulnerabilityId === 'CVE-2009-5155')
    expect(high).toMatchObject({ severity: 'High', fixedBy: '2.19-18+deb8u5', publishedAt: '2018-05-07T20:29:00Z', scanType: 'cve', cvssV3: { version: '3.1', baseScore: 7.5, attackVector: 'NETWORK', privilegesRequired: 'NONE', availability: 'HIGH' } })
    const v2 = report.findings.find((f) => f.vulnerabilityId === 'CVE-2021-44832')
    expect(v2).toMatchObject({ severity: 'Medium', scanType: 'sca', cvssV2: { baseScore: 6.8, accessVector: 'NETWORK', accessComplexity: 'MEDIUM', authentication: 'NONE' } })
    expect(v2?.cvssV3).toBeUndefined()
    expect(report.componentRisks.find((r) => r.componentId === eglibc?.componentId)).toMatchObject({ topCvss: 7.5, fixedByAll: '2.19-18+deb8u5' })
  })

  it('maps a DOTNETCORERUNTIME component onto a nuget package, with its vulnerability as a finding', () => {
    const runtime = report.components.find((c) => c.name === 'microsoft.netcore.app')
    expect(runtime).toMatchObject({ format: 'nuget', source: 'DOTNET', version: '3.1.2', purl: 'pkg:nuget/microsoft.netcore.app@3.1.2', layerIndex: 0, location: 'usr/share/dotnet/shared/Microsoft.NETCore.App/3.1.2/' })
    expect(report.findings.filter((f) => f.componentId === runtime?.componentId)).toEqual([
      expect.objectContaining({ vulnerabilityId: 'CVE-2020-1108', severity: 'High', fixedBy: '3.1.4', scanType: 'sca', publishedAt: '2020-05-21T23:15:00Z', cvssV3: expect.objectContaining({ baseScore: 7.5 }) as unknown }),
    ])
    expect(report.componentRisks.find((r) => r.componentId === runtime?.componentId)).toMatchObject({ fixedByAll: '3.1.4' })
    expect(report.notes.map((n) => n.code)).not.toContain('unknown-package-format')
  })

  it('says which components it cannot model: an unknown source is a note, not a finding', () => {
    const [eglibc] = STORAGE_IMAGE.scan.components
    const image = storageImage.parse({ id: STACKROX_DIGEST, scan: { operatingSystem: 'debian:8', components: [{ ...eglibc, source: 'INFRASTRUCTURE' }] } })
    const sparse = storageImageToReport(image, ctx)
    expect(sparse.findings).toEqual([])
    expect(sparse.notes.find((n) => n.code === 'unknown-package-format')?.message).toContain('INFRASTRUCTURE components')
  })

  it('keeps deferred vulnerabilities, notes and signature results as notes, not findings', () => {
    expect(report.findings.map((f) => f.vulnerabilityId)).not.toContain('CVE-2016-10228')
    const codes = report.notes.map((n) => n.code)
    expect(codes).toEqual(expect.arrayContaining(['upstream-vulnerability-state', 'stackrox-image-missing-signature', 'signature-verification']))
    expect(report.notes.find((n) => n.code === 'signature-verification')?.message).toContain('FAILED_VERIFICATION')
    expect(report.notes.find((n) => n.code === 'upstream-vulnerability-state')?.message).toContain('CVE-2016-10228 in eglibc 2.19-6.9: DEFERRED')
  })

  it('maps the image, layers and OS', () => {
    expect(report.image).toMatchObject({ digest: STACKROX_DIGEST, manifestDigest: STACKROX_DIGEST, configDigest: STORAGE_IMAGE.metadata.v1.digest, createdAt: '2024-10-30T08:00:00Z' })
    expect(report.layers.map((l) => l.createdBy)).toEqual(['ADD file:0123 in /', 'COPY app.jar /app/app.jar'])
    expect(report.os).toMatchObject({ id: 'debian', versionId: '8' })
    expect(parseOperatingSystem('alpine:v3.18')).toMatchObject({ id: 'alpine', versionId: '3.18' })
  })

  it('reads a sparse StorageImage without failing', () => {
    const sparse = storageImageToReport(storageImage.parse({ id: STACKROX_DIGEST }), ctx)
    expect(sparse).toMatchObject({ components: [], findings: [], layers: [], os: null })
  })
})
