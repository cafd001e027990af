import { describe, expect, it } from 'vitest'
import type { BaselineFinding } from '@contract/findings'
import { sampleReport } from '../engine/report/testing/sample-report'
import { baselineRows, bestCvss, forService, summarize, toVulnerabilityItem, vulnerabilityRows } from './scan-rows'

describe('vulnerabilityRows', () => {
  it('makes one ACR-shaped row per finding, with the sort and filter columns beside it', () => {
    const report = sampleReport()
    const rows = vulnerabilityRows(report)
    expect(rows).toHaveLength(report.findings.length)
    const log4shell = rows.find((r) => r.cve_name === 'CVE-2021-44228')
    expect(log4shell).toMatchObject({ package_name: 'log4j-core', severity: 'Critical', severity_rank: 4, scan_type: 'sca', fixable: true })
    expect(log4shell?.item).toMatchObject({ feature: 'log4j-core', versionFixed: '2.15.0', versionFormat: 'maven', cvssScore: log4shell?.cvss_score })
    expect(log4shell?.search_text).toContain('log4j-core')
    expect(log4shell?.search_text).toBe(log4shell?.search_text.toLowerCase())
    const unknown = rows.find((r) => r.severity === 'Unknown')
    expect(unknown).toMatchObject({ severity_rank: 0, cvss_score: null })
  })

  it('fills ACR’s string fields with "" rather than leaving them out, and drops the CVE from its own aliases', () => {
    const report = sampleReport()
    const f = report.findings.find((x) => x.vulnerabilityId === 'CVE-2023-0286')!
    const c = report.components.find((x) => x.componentId === f.componentId)!
    const item = toVulnerabilityItem({ ...f, fixedBy: undefined, fixCmd: undefined }, c)
    expect(item).toMatchObject({ versionFixed: '', fixCmd: '', aliases: [], addedBy: c.layerDigest, cveLocation: c.location, fixedByNote: null })
  })

  it('skips a finding whose component is not in the report, and the summary counts the same rows', () => {
    const report = sampleReport()
    report.findings.push({ ...report.findings[0]!, componentId: 'nowhere' })
    const rows = vulnerabilityRows(report)
    const { counts } = summarize(report, false)
    expect(rows).toHaveLength(report.findings.length - 1)
    expect(counts.totalSeverity).toBe(rows.length)
    expect(counts.criticalSeverity + counts.highSeverity + counts.mediumSeverity + counts.lowSeverity + counts.unknownSeverity).toBe(rows.length)
    expect(counts.fixableCount).toBe(rows.filter((r) => r.fixable).length)
  })
})

describe('bestCvss', () => {
  it('prefers v3, then v4, then v2', () => {
    const f = sampleReport().findings.find((x) => x.cvssV3)!
    expect(bestCvss(f)?.version).toBe('V3')
    expect(bestCvss({ ...f, cvssV3: undefined, cvssV4: { vector: 'CVSS:4.0/…', baseScore: 8.1 } })).toEqual({ score: 8.1, version: 'V4' })
    expect(bestCvss({ ...f, cvssV3: undefined, cvssV4: undefined, cvssV2: undefined })).toBeNull()
  })
})

describe('baseline rows and service filtering', () => {
  const b = (checkId: string, level: BaselineFinding['level']): BaselineFinding => ({ checkId, category: 'c', title: 't', level, description: 'd', evidence: 'e', remediation: 'r' })

  it('count items per check, as ACR’s baselineItemCount and per-level counts', () => {
    const rows = baselineRows([b('ak_leak', 'High'), b('ak_leak', 'High'), b('weak', 'Low')])
    expect(rows.map((r) => [r.check_id, r.level_rank, r.finding.itemCount, r.finding.highCount, r.finding.lowCount])).toEqual([
      ['ak_leak', 2, 2, 2, 0],
      ['ak_leak', 2, 2, 2, 0],
      ['weak', 0, 1, 0, 1],
    ])
  })

  it('an ACR_SCAN_SERVICE report keeps vulnerabilities only, and says so with null counts', () => {
    const report = { ...sampleReport(), baseline: [b('ak_leak', 'High')] }
    expect(forService(report, false).baseline).toEqual([])
    expect(forService(report, true).baseline).toHaveLength(1)
    expect(summarize(report, false)).toMatchObject({ baselineCounts: null, maliciousCounts: null })
    expect(summarize(report, true).baselineCounts).toEqual({ total: 1, high: 1, medium: 0, low: 0 })
  })
})
