import { describe, expect, it } from 'vitest'
import { levelCharts } from './level-charts'

const overview = {
  baselineCounts: { total: 8, high: 4, medium: 3, low: 1 },
  maliciousCounts: { total: 3, serious: 2, suspicious: 0, remind: 1 },
  baselineCategories: [
    { category: 'Secrets and keys', count: 4 },
    { category: 'Image configuration', count: 2 },
  ],
  maliciousTypes: [
    { type: 'webshell', count: 1 },
    { type: 'test-file', count: 1 },
  ] as const,
}

const shape = (bars: { label: string; count: number; tab: string; filters: unknown }[] | undefined) => bars?.map((b) => [b.label, b.count, b.tab, b.filters])

describe('levelCharts', () => {
  it('draws baseline risks by level, high first, then by category, each bar opening the baseline tab with its filter', () => {
    const [levels, categories] = levelCharts('baseline', { ...overview, maliciousTypes: [...overview.maliciousTypes] })
    expect(levels?.title).toBe('Baseline risks by level')
    expect(shape(levels?.bars)).toEqual([
      ['High', 4, 'baseline', { level: 'High' }],
      ['Medium', 3, 'baseline', { level: 'Medium' }],
      ['Low', 1, 'baseline', { level: 'Low' }],
    ])
    expect(Object.keys(levels?.legend ?? {})).toEqual(['High', 'Medium', 'Low'])
    expect(categories?.title).toBe('Baseline risks by category')
    expect(shape(categories?.bars)).toEqual([
      ['Secrets and keys', 4, 'baseline', { category: 'Secrets and keys' }],
      ['Image configuration', 2, 'baseline', { category: 'Image configuration' }],
    ])
  })

  it('draws malicious files by level with the list’s own level values, zero levels kept, then by type with readable labels', () => {
    const [levels, types] = levelCharts('malicious', { ...overview, maliciousTypes: [...overview.maliciousTypes] })
    expect(levels?.noun).toEqual(['file', 'files'])
    expect(shape(levels?.bars)).toEqual([
      ['Serious', 2, 'malicious', { level: 'serious' }],
      ['Suspicious', 0, 'malicious', { level: 'suspicious' }],
      ['Remind', 1, 'malicious', { level: 'remind' }],
    ])
    expect(shape(types?.bars)).toEqual([
      ['Web shell', 1, 'malicious', { type: 'webshell' }],
      ['Test file', 1, 'malicious', { type: 'test-file' }],
    ])
  })

  it('draws nothing for a scan that did not check, or found nothing', () => {
    const types = [...overview.maliciousTypes]
    expect(levelCharts('baseline', { ...overview, maliciousTypes: types, baselineCounts: null, baselineCategories: null })).toEqual([])
    expect(levelCharts('malicious', { ...overview, maliciousTypes: [], maliciousCounts: { total: 0, serious: 0, suspicious: 0, remind: 0 } })).toEqual([])
  })
})
