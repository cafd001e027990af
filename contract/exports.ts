import { z } from 'zod'
import { listRepoTagScanResultQuery, scanTaskId } from './scans'

/**
 * Downloads of a scan: the vulnerability list as CSV or JSON, the image's CycloneDX SBOM
 * and SARIF. They are files, not JSON answers, so they are not contract operations; they
 * live beside them as `/api/v1/<name>` and take their input from the query string like
 * every read, so an export link is the report's own filters plus `format`.
 */

export const vulnerabilityExportFormat = z.enum(['csv', 'json'])
export type VulnerabilityExportFormat = z.infer<typeof vulnerabilityExportFormat>

// Everything the list takes but paging and the FixCmd reduction: an export is every page.
// Built from the list's own shape, so a filter added to the list is an export filter too.
const { pageNo: _pageNo, pageSize: _pageSize, filterValue: _filterValue, ...listFilters } = listRepoTagScanResultQuery.shape

export const exportRepoTagScanResultQuery = z
  .object({
    ...listFilters,
    format: vulnerabilityExportFormat.default('csv').meta({ description: 'csv (default) or json.' }),
  })
  // The list's own refinements (which scan, coherent bounds) checked on the same values, not restated here.
  .superRefine(({ format: _format, ...filters }, ctx) => {
    const list = listRepoTagScanResultQuery.safeParse(filters)
    if (!list.success) for (const issue of list.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
  })
export type ExportRepoTagScanResultQuery = z.output<typeof exportRepoTagScanResultQuery>

/** The flag of a query string: `1`/`true` on, `0`/`false`/absent off. */
const queryFlag = z.preprocess((v) => (v === '' || v === undefined ? undefined : v === '1' || v === 'true' || v === true), z.boolean().optional())

export const exportScanSbomQuery = z.object({
  scanTaskId,
  withVulnerabilities: queryFlag.meta({
    description: 'Add the scan’s vulnerabilities (a CycloneDX VDR). Default: the package inventory only.',
  }),
})
export type ExportScanSbomQuery = z.output<typeof exportScanSbomQuery>

export const exportScanSarifQuery = z.object({ scanTaskId })

/** One download: its route name (`/api/v1/<name>`), what it returns, and its query. */
export interface ExportDefinition<I extends z.ZodType = z.ZodType> {
  name: string
  input: I
  summary: string
  description: string
  /** Media types it answers with. */
  mediaTypes: readonly string[]
}

const defineExport = <I extends z.ZodType>(e: ExportDefinition<I>) => e

export const exportsByName = {
  exportRepoTagScanResult: defineExport({
    name: 'exportRepoTagScanResult',
    input: exportRepoTagScanResultQuery,
    summary: 'Download the vulnerabilities of a scan as CSV or JSON',
    description:
      'Extension. Every row listRepoTagScanResult answers for the same filters and sort, all pages, streamed. ' +
      'CSV cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) are prefixed with an apostrophe. ' +
      'JSON is `{ scanTaskId, digest, repository, tag, items[] }` with the list’s own items.',
    mediaTypes: ['text/csv', 'application/json'],
  }),
  exportScanSbom: defineExport({
    name: 'exportScanSbom',
    input: exportScanSbomQuery,
    summary: 'Download the CycloneDX 1.6 SBOM of a scan',
    description: 'Extension. Built from the stored report of any COMPLETE scan task, SBOM-only tasks included.',
    mediaTypes: ['application/vnd.cyclonedx+json'],
  }),
  exportScanSarif: defineExport({
    name: 'exportScanSarif',
    input: exportScanSarifQuery,
    summary: 'Download the vulnerabilities of a scan as SARIF 2.1.0',
    description: 'Extension. One result per vulnerability and package, as code-scanning tools read it.',
    mediaTypes: ['application/sarif+json'],
  }),
} as const
export type ExportName = keyof typeof exportsByName
export type ExportInput<N extends ExportName> = z.input<(typeof exportsByName)[N]['input']>
