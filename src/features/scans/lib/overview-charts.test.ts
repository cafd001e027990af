import { describe, expect, it } from 'vitest'
import { barName, baselineBars, describeBars, fixHeadline, histogramBars, layerBars, maliciousBars, metricBars, severityBars } from './overview-charts'

const counts = { totalSeverity: 24, criticalSeverity: 3, highSeverity: 7, mediumSeverity: 7, lowSeverity: 0, unknownSeverity: 7, fixableCount: 24 }

describe('overview chart bars', () => {
  it('severities worst first, each leading to the vulnerabilities of that severity', () => {
    const bars = severityBars(counts)
    expect(bars.map((b) => [b.label, b.count])).toEqual([
      ['Critical', 3],
      ['High', 7],
      ['Medium', 7],
      ['Low', 0],
      ['Unknown', 7],
    ])
    expect(bars[0]).toMatchObject({ tab: 'vulnerabilities', filters: { severity: 'Critical' }, color: 'var(--severity-critical)' })
  })

  it('a CVSS metric keeps its values’ order, in words, with the list filter of each', () => {
    const bars = metricBars({ param: 'attackVector', values: [{ value: 'NETWORK', count: 12 }, { value: 'ADJACENT_NETWORK', count: 1 }] })
    expect(bars.map((b) => b.label)).toEqual(['Network', 'Adjacent network'])
    expect(bars[0]).toMatchObject({ chart: 'Attack vector', tab: 'vulnerabilities', filters: { attackVector: 'NETWORK' } })
    expect(barName(bars[0] ?? bars[1]!)).toBe('Attack vector: Network, 12 findings, filter')
    expect(barName({ ...bars[1]!, count: 1 })).toBe('Attack vector: Adjacent network, 1 finding, filter')
    expect(metricBars({ param: 'v2IntegrityImpact', values: [{ value: 'PARTIAL', count: 2 }] })[0]).toMatchObject({
      chart: 'Integrity impact (v2)',
      filters: { v2IntegrityImpact: 'PARTIAL' },
    })
  })

  it('score bins filter on their inclusive bounds and take the colour of their band', () => {
    const bars = histogramBars([
      { min: 3, max: 3.9, count: 2 },
      { min: 7, max: 7.9, count: 5 },
      { min: 9, max: 10, count: 3 },
    ])
    expect(bars.map((b) => b.label)).toEqual(['3–3.9', '7–7.9', '9–10'])
    expect(bars.map((b) => b.color)).toEqual(['var(--severity-low)', 'var(--severity-high)', 'var(--severity-critical)'])
    expect(bars[2]?.filters).toEqual({ cvssMin: 9, cvssMax: 10 })
  })

  it('layers name their instruction; levels lead to their own tabs', () => {
    const layer = {
      index: 3,
      digest: 'sha256:x',
      size: 10,
      createdBy: 'RUN npm ci',
      instruction: 'RUN',
      value: 'npm ci',
      componentCount: 16,
      counts: { ...counts, totalSeverity: 6 },
    }
    const [bar] = layerBars([layer])
    expect(bar).toMatchObject({ label: 'Layer 3', count: 6, filters: { layerIndex: 3 } })
    expect(barName(bar!)).toBe('Findings per layer: Layer 3 (RUN), 6 findings, filter')
    expect(baselineBars({ total: 8, high: 4, medium: 3, low: 1 }).map((b) => [b.tab, b.filters, b.count])).toEqual([
      ['baseline', { level: 'High' }, 4],
      ['baseline', { level: 'Medium' }, 3],
      ['baseline', { level: 'Low' }, 1],
    ])
    const files = maliciousBars({ total: 3, serious: 2, suspicious: 0, remind: 1 })
    expect(files.map((b) => [b.tab, b.filters, b.label])).toEqual([
      ['malicious', { level: 'serious' }, 'Serious'],
      ['malicious', { level: 'suspicious' }, 'Suspicious'],
      ['malicious', { level: 'remind' }, 'Remind'],
    ])
    expect(barName(files[0]!, ['file', 'files'])).toBe('Malicious files: Serious, 2 files, filter')
  })

  it('describes a chart in words, leaving zero bars out', () => {
    expect(describeBars('Severity', severityBars(counts))).toBe('Severity: Critical 3, High 7, Medium 7, Unknown 7.')
    expect(describeBars('Scope', metricBars({ param: 'scope', values: [{ value: 'CHANGED', count: 0 }] }))).toBe('Scope: none.')
  })

  it('says which upgrades remove the criticals, else what they fix', () => {
    expect(fixHeadline({ componentCount: 15, findingCount: 24, criticalComponentCount: 2, criticalFindingCount: 3 })).toBe(
      'Upgrade 2 packages to remove 3 critical vulnerabilities',
    )
    expect(fixHeadline({ componentCount: 1, findingCount: 1, criticalComponentCount: 0, criticalFindingCount: 0 })).toBe('Upgrade 1 package to fix 1 vulnerability')
    expect(fixHeadline({ componentCount: 0, findingCount: 0, criticalComponentCount: 0, criticalFindingCount: 0 })).toBe('No vulnerability of this scan has a fix yet')
  })
})
