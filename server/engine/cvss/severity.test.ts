import { describe, expect, it } from 'vitest'
import { severityFromLabel, severityFromScore, severityFromV2 } from './severity'

describe('severityFromScore (v3/v4 bands)', () => {
  it.each([
    [10, 'Critical'],
    [9.0, 'Critical'],
    [8.9, 'High'],
    [7.0, 'High'],
    [6.9, 'Medium'],
    [4.0, 'Medium'],
    [3.9, 'Low'],
    [0.1, 'Low'],
    [0, 'Unknown'],
    [-1, 'Unknown'],
    [10.1, 'Unknown'],
    [Number.NaN, 'Unknown'],
  ])('%d → %s', (score, severity) => {
    expect(severityFromScore(score)).toBe(severity)
  })
})

describe('severityFromV2 (NVD v2 bands, no Critical)', () => {
  it.each([
    [10, 'High'],
    [7.0, 'High'],
    [6.9, 'Medium'],
    [4.0, 'Medium'],
    [3.9, 'Low'],
    [0, 'Low'],
    [-0.1, 'Unknown'],
    [Number.POSITIVE_INFINITY, 'Unknown'],
  ])('%d → %s', (score, severity) => {
    expect(severityFromV2(score)).toBe(severity)
  })
})

describe('severityFromLabel', () => {
  it.each([
    // Ubuntu priorities
    ['critical', 'Critical'],
    ['high', 'High'],
    ['medium', 'Medium'],
    ['low', 'Low'],
    ['negligible', 'Low'],
    ['untriaged', 'Unknown'],
    // GHSA database_specific.severity
    ['CRITICAL', 'Critical'],
    ['HIGH', 'High'],
    ['MODERATE', 'Medium'],
    ['LOW', 'Low'],
    // Red Hat / StackRox
    ['IMPORTANT', 'High'],
    ['Moderate', 'Medium'],
    ['IMPORTANT_VULNERABILITY_SEVERITY', 'High'],
    ['UNKNOWN_VULNERABILITY_SEVERITY', 'Unknown'],
    // Debian urgency
    ['unimportant', 'Low'],
    ['low*', 'Low'],
    ['medium**', 'Medium'],
    ['high*', 'High'],
    ['not yet assigned', 'Unknown'],
    ['end-of-life', 'Unknown'],
    [' High ', 'High'],
  ])('%j → %s', (label, severity) => {
    expect(severityFromLabel(label)).toBe(severity)
  })

  it.each(['', 'severe', 'p1', 'constructor', '9.8'])('%j is not a severity word', (label) => {
    expect(severityFromLabel(label)).toBeUndefined()
  })
})
