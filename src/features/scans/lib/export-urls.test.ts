import { describe, expect, it } from 'vitest'
import { exportUrl, vulnerabilityExportFilters } from './export-urls'

const task = '6b0b094f-8a90-4f8f-b660-2427aed0a1b2'

describe('export links', () => {
  it('carry the filters and sort of the view, never its page', () => {
    const filters = vulnerabilityExportFilters(new URLSearchParams('severity=High&severity=Critical&vulQueryKey=curl&sortBy=package&pageNo=3&pageSize=50&tab=vulnerabilities'))
    expect(filters).toMatchObject({ severity: ['High', 'Critical'], vulQueryKey: 'curl', sortBy: 'package' })
    expect(filters).not.toHaveProperty('pageNo')
    expect(exportUrl('exportRepoTagScanResult', { scanTaskId: task, format: 'json', ...filters })).toBe(
      `/api/v1/exportRepoTagScanResult?scanTaskId=${task}&format=json&severity=High&severity=Critical&vulQueryKey=curl&sortBy=package&sortOrder=desc`,
    )
  })

  it('address the documents of a scan by its task', () => {
    expect(exportUrl('exportScanSbom', { scanTaskId: task, withVulnerabilities: true })).toBe(`/api/v1/exportScanSbom?scanTaskId=${task}&withVulnerabilities=true`)
  })
})
