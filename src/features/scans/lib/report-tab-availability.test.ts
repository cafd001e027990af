import { describe, expect, it } from 'vitest'
import { REPORT_TABS } from './report-url-state'
import { defaultReportTab, reportTabFor, searchForReportTab, unavailableReason } from './report-tab-availability'

describe('report tabs by scan type', () => {
  it('keeps every tab of a vulnerability scan, and only the inventory tabs of an SBOM scan', () => {
    expect(REPORT_TABS.filter((tab) => unavailableReason(tab, 'VUL') !== null)).toEqual([])
    expect(REPORT_TABS.filter((tab) => unavailableReason(tab, 'SBOM') === null)).toEqual(['components', 'sbom', 'layers', 'notes'])
    expect(unavailableReason('vulnerabilities', 'SBOM')).toMatch(/SBOM scan/)
  })

  it('opens an SBOM scan on its SBOM, and a vulnerability scan on its overview', () => {
    expect(defaultReportTab('SBOM')).toBe('sbom')
    expect(defaultReportTab('VUL')).toBe('overview')
    expect(reportTabFor(new URLSearchParams(''), 'SBOM')).toBe('sbom')
    expect(reportTabFor(new URLSearchParams(''), 'VUL')).toBe('overview')
    // An old link with list filters and no tab still opens the vulnerabilities of a vulnerability scan.
    expect(reportTabFor(new URLSearchParams('severity=High'), 'VUL')).toBe('vulnerabilities')
    expect(reportTabFor(new URLSearchParams('severity=High'), 'SBOM')).toBe('sbom')
    expect(reportTabFor(new URLSearchParams('tab=layers'), 'SBOM')).toBe('layers')
  })

  it('leaves each scan’s own default tab out of the URL, and keeps page-wide keys', () => {
    expect(searchForReportTab(new URLSearchParams('embed=1&tab=layers&pageNo=2'), 'sbom', 'SBOM').toString()).toBe('embed=1')
    expect(searchForReportTab(new URLSearchParams(''), 'overview', 'SBOM').toString()).toBe('tab=overview')
    expect(searchForReportTab(new URLSearchParams('tab=sbom'), 'overview', 'VUL').toString()).toBe('')
    expect(searchForReportTab(new URLSearchParams(''), 'sbom', 'VUL').toString()).toBe('tab=sbom')
  })
})
