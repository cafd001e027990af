import { describe, expect, it } from 'vitest'
import { cvssBreakdowns, layerFindings, scoreBins } from './overview-shape'

describe('cvssBreakdowns', () => {
  it('lists every metric and every value in the enum’s order, zeros kept', () => {
    const { cvssV3, cvssV2 } = cvssBreakdowns(
      [
        { param: 'attackVector', value: 'LOCAL', n: 2 },
        { param: 'attackVector', value: 'NETWORK', n: 5 },
        { param: 'accessVector', value: 'NETWORK', n: 1 },
      ],
      { v3: 7, v2: 1 },
    )
    expect(cvssV3.scored).toBe(7)
    expect(cvssV3.metrics).toHaveLength(8)
    expect(cvssV3.metrics[0]).toEqual({
      param: 'attackVector',
      values: [
        { value: 'NETWORK', count: 5 },
        { value: 'ADJACENT_NETWORK', count: 0 },
        { value: 'LOCAL', count: 2 },
        { value: 'PHYSICAL', count: 0 },
      ],
    })
    expect(cvssV3.metrics[4]).toEqual({ param: 'scope', values: [{ value: 'UNCHANGED', count: 0 }, { value: 'CHANGED', count: 0 }] })
    expect(cvssV2.metrics.map((m) => m.param)).toEqual(['accessVector', 'accessComplexity', 'authentication', 'v2ConfidentialityImpact', 'v2IntegrityImpact', 'v2AvailabilityImpact'])
    expect(cvssV2.metrics[0]?.values).toEqual([
      { value: 'LOCAL', count: 0 },
      { value: 'ADJACENT_NETWORK', count: 0 },
      { value: 'NETWORK', count: 1 },
    ])
  })
})

describe('scoreBins', () => {
  it('makes ten one-point bins whose bounds are the list filter’s inclusive cvssMin/cvssMax', () => {
    const bins = scoreBins([
      { bin: 0, n: 1 },
      { bin: 9, n: 4 },
    ])
    expect(bins).toHaveLength(10)
    expect(bins[0]).toEqual({ min: 0, max: 0.9, count: 1 })
    expect(bins[4]).toEqual({ min: 4, max: 4.9, count: 0 })
    expect(bins[9]).toEqual({ min: 9, max: 10, count: 4 })
  })
})

describe('layerFindings', () => {
  it('orders layers bottom first, splits the instruction and fills layers without findings with zeros', () => {
    const layers = layerFindings(
      [
        { index: 1, digest: 'sha256:b', size: 20, createdBy: '/bin/sh -c apt-get install -y curl' },
        { index: 0, digest: 'sha256:a', size: 10 },
      ],
      [{ layer_index: 1, total: 3, critical: 1, high: 2, medium: 0, low: 0, unknown: 0, fixable: 3 }],
      [{ layer_index: 1, n: 4 }],
    )
    expect(layers.map((l) => [l.index, l.instruction, l.value, l.componentCount, l.counts.totalSeverity])).toEqual([
      [0, null, null, 0, 0],
      [1, 'RUN', 'apt-get install -y curl', 4, 3],
    ])
    expect(layers[1]?.counts).toEqual({ totalSeverity: 3, criticalSeverity: 1, highSeverity: 2, mediumSeverity: 0, lowSeverity: 0, unknownSeverity: 0, fixableCount: 3 })
  })
})
