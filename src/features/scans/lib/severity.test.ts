import { describe, expect, it } from 'vitest'
import type { SeverityCounts } from '@contract/scans'
import { describeSeverityCounts, severityBuckets } from './severity'
import { severityChartData } from './severity-chart'

const counts: SeverityCounts = {
  totalSeverity: 24,
  criticalSeverity: 3,
  highSeverity: 7,
  mediumSeverity: 7,
  lowSeverity: 0,
  unknownSeverity: 7,
  fixableCount: 24,
}

describe('severityBuckets', () => {
  it('lists the five buckets worst first, zeros included', () => {
    expect(severityBuckets(counts)).toEqual([
      { severity: 'Critical', count: 3 },
      { severity: 'High', count: 7 },
      { severity: 'Medium', count: 7 },
      { severity: 'Low', count: 0 },
      { severity: 'Unknown', count: 7 },
    ])
  })
})

describe('describeSeverityCounts', () => {
  it('says the non-zero buckets in words', () => {
    expect(describeSeverityCounts(counts)).toBe('3 critical, 7 high, 7 medium, 7 unknown')
  })
  it('says when there is nothing', () => {
    expect(describeSeverityCounts({ ...counts, totalSeverity: 0, criticalSeverity: 0, highSeverity: 0, mediumSeverity: 0, unknownSeverity: 0 })).toBe(
      'No vulnerabilities',
    )
  })
})

describe('severityChartData', () => {
  it('gives each bar its severity colour variable', () => {
    const data = severityChartData(counts)
    expect(data.map((d) => d.count)).toEqual([3, 7, 7, 0, 7])
    expect(data[0]).toEqual({ severity: 'Critical', count: 3, color: 'var(--severity-critical)' })
    expect(new Set(data.map((d) => d.color)).size).toBe(5)
  })
})
