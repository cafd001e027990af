import { describe, expect, it } from 'vitest'
import { packageFormat } from '@contract/findings'
import type { ScanSummary, VulnerabilityItem } from '@contract/scans'
import { acrVulnerability } from '../../../providers/acr/acr-schemas'
import { acrToReport } from '../../../providers/acr/acr-to-report'
import { camelParams } from './acr-action'
import {
  createRepoTagScanTaskAction,
  getRepoTagScanStatusAction,
  listRepoTagScanResultAction,
  toAcrScanStatusResponse,
  toAcrScanSummary,
  toAcrVulnerability,
  vulnerabilityListInput,
} from './scan-task-actions'

const wire = (o: Record<string, string>) => new Map(Object.entries(o))

const log4shell: VulnerabilityItem = {
  cveName: 'CVE-2021-44228',
  cveLink: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
  severity: 'Critical',
  feature: 'log4j-core',
  version: '2.14.1',
  versionFixed: '2.15.0',
  versionFormat: 'maven',
  addedBy: `sha256:${'a'.repeat(64)}`,
  fixCmd: 'update org.apache.logging.log4j:log4j-core to 2.15.0',
  description: 'Apache Log4j2 JNDI features do not protect against attacker controlled LDAP endpoints.',
  cveLocation: 'app/lib/log4j-core-2.14.1.jar',
  scanType: 'sca',
  aliases: ['GHSA-jfh8-c2jp-5v3q'],
  cvssV2: null,
  cvssV3: null,
  cvssScore: 10,
  layerIndex: 2,
  publishedAt: null,
  modifiedAt: null,
  summary: 'Remote code injection in Log4j',
  fixedByNote: null,
  componentId: 'c1',
  severitySource: 'cvss_v3',
}

describe('ListRepoTagScanResult mapping', () => {
  it('writes an item with ACR’s field names and reads Critical as High', () => {
    expect(toAcrVulnerability(log4shell)).toEqual({
      CveName: 'CVE-2021-44228',
      CveLink: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
      Severity: 'High',
      Feature: 'log4j-core',
      Version: '2.14.1',
      VersionFixed: '2.15.0',
      VersionFormat: 'maven',
      AddedBy: `sha256:${'a'.repeat(64)}`,
      FixCmd: 'update org.apache.logging.log4j:log4j-core to 2.15.0',
      Description: 'Apache Log4j2 JNDI features do not protect against attacker controlled LDAP endpoints.',
      CveLocation: 'app/lib/log4j-core-2.14.1.jar',
      ScanType: 'sca',
    })
  })

  it('writes our package format as VersionFormat, which the ACR provider reads back as the same format', () => {
    // nuget is also Trivy's word for NuGet packages, so an ACR client that maps Trivy's words reads it too.
    const newtonsoft = { ...log4shell, cveName: 'GHSA-5crp-9r3c-p9vr', feature: 'Newtonsoft.Json', version: '12.0.3', versionFixed: '13.0.1', versionFormat: 'nuget' as const, fixCmd: 'dotnet add package Newtonsoft.Json --version 13.0.1', cveLocation: 'app/WebApp.deps.json' }
    expect(toAcrVulnerability(newtonsoft)).toMatchObject({ VersionFormat: 'nuget', Feature: 'Newtonsoft.Json', VersionFixed: '13.0.1', FixCmd: 'dotnet add package Newtonsoft.Json --version 13.0.1' })
    for (const format of packageFormat.options) {
      const item = acrVulnerability.parse(toAcrVulnerability({ ...newtonsoft, versionFormat: format }))
      const report = acrToReport({ repository: 'team/app', tag: '1', digest: `sha256:${'a'.repeat(64)}`, image: null, vulnerabilities: [item], baselines: null, maliciousFiles: null, scannedAt: 0, durationMs: 0 })
      expect(report.components.map((c) => c.format), format).toEqual([format])
      expect(report.findings.map((f) => f.fixedBy), format).toEqual(['13.0.1'])
    }
  })

  it('asks for Critical too when an ACR client filters on High', () => {
    expect(vulnerabilityListInput(wire({ InstanceId: 'cri-x', Severity: 'High', PageSize: '50' }))).toEqual({ instanceId: 'cri-x', severity: ['Critical', 'High'], pageSize: '50' })
    expect(vulnerabilityListInput(wire({ Severity: 'Low' })).severity).toEqual(['Low'])
  })

  it('keeps only FixCmd under FilterValue=FixCmd, and nothing for an item without a fix', () => {
    const page = { items: [{ fixCmd: 'apk upgrade musl' }, {}], totalCount: 2, pageNo: 1, pageSize: 30, scanTaskId: 't', digest: 'd' }
    const body = listRepoTagScanResultAction.response.parse(listRepoTagScanResultAction.toResponse(page))
    expect(body).toEqual({ Vulnerabilities: [{ FixCmd: 'apk upgrade musl' }, {}], TotalCount: 2, PageNo: 1, PageSize: 30 })
  })
})

describe('GetRepoTagScanSummary mapping', () => {
  it('folds Critical into HighSeverity so TotalSeverity is the sum of ACR’s four buckets', () => {
    const summary = { totalSeverity: 10, criticalSeverity: 2, highSeverity: 3, mediumSeverity: 4, lowSeverity: 1, unknownSeverity: 0, fixableCount: 5 } as ScanSummary
    const acr = toAcrScanSummary(summary)
    expect(acr).toEqual({ TotalSeverity: 10, HighSeverity: 5, MediumSeverity: 4, LowSeverity: 1, UnknownSeverity: 0 })
    expect(acr.HighSeverity + acr.MediumSeverity + acr.LowSeverity + acr.UnknownSeverity).toBe(acr.TotalSeverity)
  })
})

describe('GetRepoTagScanStatus mapping', () => {
  it('reads QUEUED as SCANNING (ACR has no QUEUED) and keeps the other statuses', () => {
    const task = { scanTaskId: 'id', scanService: 'SAS_SCAN_SERVICE' as const }
    expect(toAcrScanStatusResponse({ ...task, status: 'QUEUED' } as never)).toEqual({ Status: 'SCANNING', ScanService: 'SAS_SCAN_SERVICE', ScanTaskId: 'id' })
    expect(toAcrScanStatusResponse({ ...task, status: 'RETRYING' } as never).Status).toBe('RETRYING')
  })

  it('accepts ScanType VUL only', () => {
    expect(() => getRepoTagScanStatusAction.toInput(wire({ ScanType: 'SBOM' }))).toThrow(/ScanType/)
    expect(createRepoTagScanTaskAction.toInput(wire({ ScanType: 'vul', InstanceId: 'cri-x', Tag: '1' }))).toEqual({ instanceId: 'cri-x', tag: '1' })
  })
})

describe('camelParams', () => {
  it('camelCases the named parameters and ignores the others', () => {
    expect(camelParams(wire({ ScanTaskId: 'T', RegionId: 'cn-hangzhou', Tag: 'v1' }), ['ScanTaskId', 'Tag'])).toEqual({ scanTaskId: 'T', tag: 'v1' })
  })

  it('collects the repeat-list form in index order', () => {
    expect(camelParams(wire({ 'Namespaces.2': 'b', 'Namespaces.1': 'a', 'Namespaces.10': 'c' }), ['Namespaces'])).toEqual({ namespaces: ['a', 'b', 'c'] })
    expect(() => camelParams(wire({ 'Namespaces.x': 'a' }), ['Namespaces'])).toThrow(/Namespaces.x/)
  })
})
