import { describe, expect, it } from 'vitest'
import { sampleReport } from '../engine/report/testing/sample-report'
import { imageScanNotes, splitInstruction, toImageReportView } from './report-view'

describe('splitInstruction', () => {
  it.each([
    ['/bin/sh -c #(nop)  CMD ["nginx", "-g", "daemon off;"]', 'CMD', '["nginx", "-g", "daemon off;"]'],
    ['/bin/sh -c #(nop) ADD file:0eae0dca665c7044bf242cb1fc92cb8ea744f5af2dd376a558c90bc47349aefe in / ', 'ADD', 'file:0eae0dca665c7044bf242cb1fc92cb8ea744f5af2dd376a558c90bc47349aefe in /'],
    ['/bin/sh -c apt-get update && apt-get install -y curl', 'RUN', 'apt-get update && apt-get install -y curl'],
    ['RUN /bin/sh -c npm ci # buildkit', 'RUN', '/bin/sh -c npm ci'],
    ['COPY app /srv/app # buildkit', 'COPY', 'app /srv/app'],
    ['WORKDIR /srv', 'WORKDIR', '/srv'],
  ])('%s', (line, instruction, value) => {
    expect(splitInstruction(line)).toEqual({ instruction, value })
  })

  it('leaves what it does not recognise as the value, and nothing as nulls', () => {
    expect(splitInstruction('created by a tool')).toEqual({ instruction: null, value: 'created by a tool' })
    expect(splitInstruction(undefined)).toEqual({ instruction: null, value: null })
  })
})

describe('imageScanNotes', () => {
  const base = sampleReport()
  const day = 24 * 60 * 60 * 1000

  it('has none for a complete scan with fresh advisories', () => {
    expect(imageScanNotes({ ...base, advisoryDb: { ...base.advisoryDb, importedAt: base.scannedAt - day } })).toEqual([])
  })

  it('says OS_UNAVAILABLE without an OS, OS_CVES_UNAVAILABLE for an OS without advisories', () => {
    expect(imageScanNotes({ ...base, os: null, advisoryDb: { ...base.advisoryDb, importedAt: base.scannedAt } })).toEqual(['OS_UNAVAILABLE'])
    expect(imageScanNotes({ ...base, os: { id: 'plan9', versionId: '4' }, advisoryDb: { ...base.advisoryDb, importedAt: base.scannedAt } })).toEqual(['OS_CVES_UNAVAILABLE'])
  })

  it('says PARTIAL_SCAN_DATA when part of the image went unread, not for a mere warning', () => {
    const fresh = { ...base.advisoryDb, importedAt: base.scannedAt }
    expect(imageScanNotes({ ...base, advisoryDb: fresh, notes: [{ level: 'warning', code: 'maven-group-unknown', message: '' }] })).toEqual([])
    expect(imageScanNotes({ ...base, advisoryDb: fresh, notes: [{ level: 'warning', code: 'unparsable-package-db', message: '' }] })).toEqual(['PARTIAL_SCAN_DATA'])
    expect(imageScanNotes({ ...base, advisoryDb: fresh, notes: [{ level: 'error', code: 'anything', message: '' }] })).toEqual(['PARTIAL_SCAN_DATA'])
  })

  it('says OS_CVES_STALE past a week since the last import, and *_CVES_UNAVAILABLE with an empty store', () => {
    expect(imageScanNotes({ ...base, advisoryDb: { ...base.advisoryDb, importedAt: base.scannedAt - 8 * day } })).toEqual(['OS_CVES_STALE'])
    expect(imageScanNotes({ ...base, advisoryDb: { recordCount: 0, importedAt: null, newestModified: null } })).toEqual(['OS_CVES_UNAVAILABLE', 'LANGUAGE_CVES_UNAVAILABLE'])
  })
})

describe('toImageReportView', () => {
  const task = { scanTaskId: 't', instanceId: 'cri-0000000000000000', repoId: 'crr-0000000000000000', tag: '1.4.2', digest: `sha256:${'a'.repeat(64)}`, scanService: 'ACR_SCAN_SERVICE' as const }

  it('nests each component’s vulnerabilities and counts CVEs once however many packages carry them', () => {
    const report = sampleReport()
    const view = toImageReportView(task, report)
    expect(view.components).toBe(report.components.length)
    const vulnCount = view.scan.components.reduce((n, c) => n + c.vulns.length, 0)
    expect(vulnCount).toBe(report.findings.length)
    expect(view.cves).toBe(new Set(report.findings.map((f) => f.vulnerabilityId)).size)
    expect(view.counts.totalSeverity).toBe(report.findings.length)
    const log4j = view.scan.components.find((c) => c.name === 'log4j-core')
    expect(log4j?.vulns[0]).toMatchObject({ cve: 'CVE-2021-44228', scoreVersion: 'V3', fixedBy: '2.15.0', publishedOn: expect.any(String) as unknown })
    expect(view.scan.operatingSystem).toBe('ubuntu:22.04')
    expect(view.name.fullName).toBe('registry.example.com/shop/api:1.4.2')
    expect(view.advisoryDb.ageDays).toBe(0)
    // ACR scans check neither baseline nor malicious files: null, not 0.
    expect(view.baselineCount).toBeNull()
  })
})
