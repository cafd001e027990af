import { describe, expect, it } from 'vitest'
import type { CvssV2, CvssV3 } from '@contract/findings'
import { cvssV2Metrics, cvssV3Metrics, formatCvss, humanizeEnum } from './cvss'

// Log4Shell's NVD vectors.
const v3: CvssV3 = {
  vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
  version: '3.1',
  baseScore: 10,
  exploitabilityScore: 3.9,
  impactScore: 6,
  attackVector: 'NETWORK',
  attackComplexity: 'LOW',
  privilegesRequired: 'NONE',
  userInteraction: 'NONE',
  scope: 'CHANGED',
  confidentiality: 'HIGH',
  integrity: 'HIGH',
  availability: 'HIGH',
}
const v2: CvssV2 = {
  vector: 'AV:N/AC:M/Au:N/C:C/I:C/A:C',
  baseScore: 9.3,
  exploitabilityScore: 8.6,
  impactScore: 10,
  accessVector: 'NETWORK',
  accessComplexity: 'MEDIUM',
  authentication: 'NONE',
  confidentiality: 'COMPLETE',
  integrity: 'COMPLETE',
  availability: 'COMPLETE',
}

describe('cvssV3Metrics', () => {
  it('decodes the eight base metrics in the specification order, with codes matching the vector', () => {
    const metrics = cvssV3Metrics(v3)
    expect(metrics.map((m) => m.label)).toEqual([
      'Attack vector',
      'Attack complexity',
      'Privileges required',
      'User interaction',
      'Scope',
      'Confidentiality',
      'Integrity',
      'Availability',
    ])
    expect(metrics[0]).toEqual({ label: 'Attack vector', code: 'AV:N', value: 'Network' })
    expect(`CVSS:3.1/${metrics.map((m) => m.code).join('/')}`).toBe(v3.vector)
  })
  it('spells adjacent network as words', () => {
    expect(cvssV3Metrics({ ...v3, attackVector: 'ADJACENT_NETWORK' })[0]).toMatchObject({ code: 'AV:A', value: 'Adjacent network' })
  })
})

describe('cvssV2Metrics', () => {
  it('decodes the six base metrics, codes matching the vector', () => {
    const metrics = cvssV2Metrics(v2)
    expect(metrics.map((m) => m.code).join('/')).toBe(v2.vector)
    expect(metrics[2]).toEqual({ label: 'Authentication', code: 'Au:N', value: 'None' })
    expect(metrics[3]?.value).toBe('Complete')
  })
})

describe('formatCvss', () => {
  it('prints one decimal, or a dash', () => {
    expect(formatCvss(10)).toBe('10.0')
    expect(formatCvss(7.45)).toBe('7.5')
    expect(formatCvss(null)).toBe('—')
  })
})

describe('humanizeEnum', () => {
  it('turns an enum into a capitalised phrase', () => {
    expect(humanizeEnum('PRIVILEGES_REQUIRED')).toBe('Privileges required')
    expect(humanizeEnum('LOW')).toBe('Low')
  })
})
