import { describe, expect, it } from 'vitest'
import { parseUrlState, serializeUrlState } from '@/hooks/url-state'
import { baselineUrlSchema, maliciousUrlSchema, reportTabSchema, searchForTab, vulnerabilityUrlDefaults, vulnerabilityUrlSchema } from './report-url-state'

const qs = (s: string) => new URLSearchParams(s)

describe('reportTabSchema', () => {
  it('reads a known tab and drops an unknown one', () => {
    expect(parseUrlState(reportTabSchema, qs('tab=baseline'))).toEqual({ tab: 'baseline' })
    expect(parseUrlState(reportTabSchema, qs('tab=bogus'))).toEqual({})
    expect(parseUrlState(reportTabSchema, qs(''))).toEqual({})
  })
})

describe('vulnerabilityUrlSchema', () => {
  it('parses filters with the contract: severity in any case, repeated or comma-separated', () => {
    const state = parseUrlState(vulnerabilityUrlSchema, qs('severity=critical&severity=HIGH,low&scanType=SCA&vulQueryKey=%20log4j%20&pageNo=2'), vulnerabilityUrlDefaults)
    expect(state).toEqual({
      severity: ['Critical', 'High', 'Low'],
      scanType: 'sca',
      vulQueryKey: 'log4j',
      pageNo: 2,
      pageSize: 30,
      sortBy: 'severity',
      sortOrder: 'desc',
    })
  })

  it('falls back to defaults for values the contract refuses', () => {
    expect(parseUrlState(vulnerabilityUrlSchema, qs('severity=bad&sortBy=size&pageSize=1000&scanType=os'), vulnerabilityUrlDefaults)).toEqual({
      pageNo: 1,
      pageSize: 30,
      sortBy: 'severity',
      sortOrder: 'desc',
    })
  })

  it('writes severities as repeated keys, leaves defaults out and keeps the tab', () => {
    const out = serializeUrlState(
      vulnerabilityUrlSchema,
      { severity: ['Critical', 'High'], scanType: 'cve', pageNo: 1, pageSize: 30, sortBy: 'severity', sortOrder: 'desc' },
      qs('tab=vulnerabilities&embed=1'),
      vulnerabilityUrlDefaults,
    )
    expect(out.toString()).toBe('tab=vulnerabilities&embed=1&severity=Critical&severity=High&scanType=cve')
  })

  it('round-trips a sorted, searched page', () => {
    const state = { vulQueryKey: 'CVE-2021', sortBy: 'cvss' as const, sortOrder: 'asc' as const, pageNo: 3, pageSize: 10 }
    const url = serializeUrlState(vulnerabilityUrlSchema, state, qs(''), vulnerabilityUrlDefaults)
    expect(parseUrlState(vulnerabilityUrlSchema, url, vulnerabilityUrlDefaults)).toEqual(state)
  })
})

describe('level filters', () => {
  it('read baseline levels in any case', () => {
    expect(parseUrlState(baselineUrlSchema, qs('level=high'))).toEqual({ level: 'High', pageNo: 1, pageSize: 30 })
  })
  it('map High/Medium/Low onto the malicious-file levels, as the contract does', () => {
    expect(parseUrlState(maliciousUrlSchema, qs('level=High'))).toMatchObject({ level: 'serious' })
    expect(parseUrlState(maliciousUrlSchema, qs('level=remind'))).toMatchObject({ level: 'remind' })
    expect(parseUrlState(maliciousUrlSchema, qs('level=nope'))).toEqual({ pageNo: 1, pageSize: 30 })
  })
})

describe('searchForTab', () => {
  it('starts the other tab clean and keeps page-wide keys', () => {
    expect(searchForTab(qs('embed=1&severity=High&pageNo=2&tab=vulnerabilities'), 'baseline').toString()).toBe('embed=1&tab=baseline')
  })
  it('leaves the default tab out of the URL', () => {
    expect(searchForTab(qs('tab=notes&level=high'), 'overview').toString()).toBe('')
    expect(searchForTab(qs('tab=notes&level=high'), 'vulnerabilities').toString()).toBe('tab=vulnerabilities')
  })
})
