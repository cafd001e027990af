import type { z } from 'zod'
import type { ExportInput, ExportName } from '@contract/exports'
import { API_BASE } from '@/api/client'
import { toQueryString } from '@/api/query-string'
import { parseUrlState } from '@/hooks/url-state'
import { vulnerabilityUrlDefaults, vulnerabilityUrlSchema } from './report-url-state'

/**
 * The address of a download (contract/exports.ts): the API's base, the export's name and
 * its input as a query string, as every read is addressed.
 *
 * @example
 * exportUrl('exportScanSarif', { scanTaskId }) // '/api/v1/exportScanSarif?scanTaskId=…'
 */
export function exportUrl<N extends ExportName>(name: N, input: ExportInput<N>): string {
  return `${API_BASE}/${name}${toQueryString(input)}`
}

type VulnerabilityFilters = Omit<z.output<typeof vulnerabilityUrlSchema>, 'pageNo' | 'pageSize'>

/**
 * The vulnerability filters and sort of the report's query string, paging left out: an
 * export is every page of the view on screen.
 *
 * @example
 * vulnerabilityExportFilters(new URLSearchParams('severity=High&pageNo=3')) // { severity: ['High'], sortBy: 'severity', sortOrder: 'desc', … }
 */
export function vulnerabilityExportFilters(params: URLSearchParams): VulnerabilityFilters {
  const { pageNo: _pageNo, pageSize: _pageSize, ...filters } = parseUrlState(vulnerabilityUrlSchema, params, vulnerabilityUrlDefaults)
  return filters
}
