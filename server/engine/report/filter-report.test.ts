import { describe, expect, it } from 'vitest'
import { exitCodeFor, filterBySeverity } from './filter-report'
import { sampleReport } from './testing/sample-report'

describe('filterBySeverity', () => {
  it('keeps only the listed severities (a set, as Trivy --severity)', () => {
    const report = filterBySeverity(sampleReport(), ['Critical', 'Low'])
    expect(report.findings.map((f) => [f.vulnerabilityId, f.severity])).toEqual([
      ['CVE-2023-45853', 'Low'],
      ['CVE-2021-44228', 'Critical'],
    ])
  })

  it('leaves components and the input report alone', () => {
    const input = sampleReport()
    const report = filterBySeverity(input, ['High'])
    expect(report.components).toEqual(input.components)
    expect(input.findings).toHaveLength(7)
  })

  it('drops the risks of components left without findings', () => {
    const input = sampleReport()
    input.componentRisks = [
      { componentId: 'c-lodash', topCvss: 7.2, riskScore: 12.5, fixedByAll: '4.17.21', findingCount: 2 },
      { componentId: 'c-requests', topCvss: null, riskScore: 5, findingCount: 1 },
    ]
    expect(filterBySeverity(input, ['High']).componentRisks.map((r) => r.componentId)).toEqual(['c-lodash'])
  })

  it('returns no findings for an empty selection', () => {
    expect(filterBySeverity(sampleReport(), []).findings).toEqual([])
  })
})

describe('exitCodeFor (Trivy --exit-code)', () => {
  const report = sampleReport()

  it('is 0 when no exit code is asked for, whatever is found', () => {
    expect(exitCodeFor(report, { exitCode: 0, severities: ['Critical'] })).toBe(0)
  })

  it('is the exit code when findings of the selected severities remain', () => {
    expect(exitCodeFor(report, { exitCode: 1, severities: ['High', 'Critical'] })).toBe(1)
    expect(exitCodeFor(report, { exitCode: 5 })).toBe(5)
  })

  it('is 0 when none of the selected severities is found', () => {
    const noCritical = filterBySeverity(report, ['Low', 'Medium', 'High', 'Unknown'])
    expect(exitCodeFor(noCritical, { exitCode: 1, severities: ['Critical'] })).toBe(0)
    expect(exitCodeFor({ ...report, findings: [] }, { exitCode: 1 })).toBe(0)
  })

  it('counts Unknown only when it is selected', () => {
    const unknownOnly = filterBySeverity(report, ['Unknown'])
    expect(exitCodeFor(unknownOnly, { exitCode: 2, severities: ['Low', 'Medium', 'High', 'Critical'] })).toBe(
      0,
    )
    expect(exitCodeFor(unknownOnly, { exitCode: 2, severities: ['Unknown'] })).toBe(2)
  })
})
