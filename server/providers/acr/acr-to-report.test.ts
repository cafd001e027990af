import { describe, expect, it } from 'vitest'
import { imageReport } from '@contract/findings'
import { vulnerabilityRows } from '../../scans/scan-rows'
import { acrImage, acrVulnerability } from './acr-schemas'
import { acrToReport, normalizeDigest } from './acr-to-report'
import { ACR_BASELINES, ACR_DIGEST_HEX, ACR_IMAGE, ACR_LAYER, ACR_MALICIOUS, ACR_VULNERABILITIES } from './testing/acr-fixtures'

const base = {
  repository: 'team/app',
  tag: '1',
  digest: normalizeDigest(ACR_DIGEST_HEX),
  image: acrImage.parse(ACR_IMAGE),
  vulnerabilities: ACR_VULNERABILITIES.map((v) => acrVulnerability.parse(v)),
  baselines: ACR_BASELINES,
  maliciousFiles: ACR_MALICIOUS,
  scannedAt: 1_700_000_000_000,
  durationMs: 10,
}

describe('acrToReport', () => {
  it('keeps every field of the reference example item on the vulnerability row', () => {
    const report = imageReport.parse(acrToReport(base))
    const row = vulnerabilityRows(report).find((r) => r.cve_name === 'CVE-2009-5155')
    expect(row?.item).toMatchObject({
      cveName: 'CVE-2009-5155',
      cveLink: 'https://security-tracker.debian.org/tracker/CVE-2009-5155',
      severity: 'Medium',
      feature: 'eglibc',
      version: '2.19-6.9',
      versionFixed: '2.19-18+deb8u5',
      versionFormat: 'dpkg',
      addedBy: ACR_LAYER,
      fixCmd: 'apt-get install --only-upgrade -y eglibc',
      cveLocation: '/var/lib/dpkg/status',
      scanType: 'cve',
    })
    expect(report.image).toMatchObject({ digest: `sha256:${ACR_DIGEST_HEX}`, configDigest: `sha256:${ACR_IMAGE.ImageId}`, size: 2_815_000, createdAt: new Date(1562849679000).toISOString() })
  })

  it('maps baselines (lower-case levels, item counts kept readable) and malicious files', () => {
    const report = acrToReport(base)
    expect(report.baseline).toEqual([expect.objectContaining({ checkId: 'ak_leak', level: 'High', evidence: '/app/config.yaml', remediation: 'Remove the AccessKey from the image and rotate it.' })])
    expect(report.baseline[0]?.description).toContain('Risk items: 1 high.')
    expect(report.maliciousFiles).toEqual([expect.objectContaining({ filePath: '/var/www/html/shell.php', level: 'remind', md5: '44d88612fea8a8f36de82e1278abb02f', maliciousName: 'Suspected to contain Webshell code' })])
  })

  it('maps a .NET finding onto a nuget package with its purl, layer, fix and severity', () => {
    const report = imageReport.parse(acrToReport(base))
    const newtonsoft = report.components.find((c) => c.name === 'Newtonsoft.Json')
    expect(newtonsoft).toMatchObject({ format: 'nuget', source: 'DOTNET', version: '12.0.3', purl: 'pkg:nuget/Newtonsoft.Json@12.0.3', layerDigest: ACR_LAYER, location: '/app/WebApp.deps.json' })
    const row = vulnerabilityRows(report).find((r) => r.cve_name === 'GHSA-5crp-9r3c-p9vr')
    expect(row?.item).toMatchObject({
      severity: 'High',
      feature: 'Newtonsoft.Json',
      version: '12.0.3',
      versionFixed: '13.0.1',
      versionFormat: 'nuget',
      addedBy: ACR_LAYER,
      fixCmd: 'dotnet add package Newtonsoft.Json --version 13.0.1',
      scanType: 'sca',
      componentId: newtonsoft?.componentId,
    })
    expect(report.notes.map((n) => n.code)).not.toContain('unknown-package-format')
  })

  it.each(['nuget', 'dotnet-core', 'packages-props', 'NuGet'])('reads Trivy\'s .NET package type %s as nuget, and an item without ScanType as sca', (word) => {
    const { ScanType: _, ...item } = { ...ACR_VULNERABILITIES.find((v) => v.Feature === 'Newtonsoft.Json'), VersionFormat: word }
    const report = acrToReport({ ...base, vulnerabilities: [acrVulnerability.parse(item)], baselines: null, maliciousFiles: null })
    expect(report.components.map((c) => c.format)).toEqual(['nuget'])
    expect(report.findings).toEqual([expect.objectContaining({ vulnerabilityId: 'GHSA-5crp-9r3c-p9vr', scanType: 'sca', fixedBy: '13.0.1' })])
  })

  it('says what it cannot show instead of guessing: an unknown package format is a note', () => {
    const report = acrToReport({ ...base, vulnerabilities: [acrVulnerability.parse({ ...ACR_VULNERABILITIES[0], VersionFormat: 'conda' })], baselines: null, maliciousFiles: null })
    expect(report.findings).toEqual([])
    expect(report.notes.find((n) => n.code === 'unknown-package-format')?.message).toContain('"conda"')
  })

  it('reads ListRepoTag times given as numeric strings', () => {
    expect(acrImage.parse(ACR_IMAGE).ImageCreate).toBe(1562849679000)
  })
})
