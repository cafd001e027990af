import { z } from 'zod'
import { epochMs, optionalParam, pageOf, pageQuery, sortOrder } from './common'
import { componentSource, maliciousType, packageFormat } from './findings'
import { booleanParam, CVSS_V2_FILTERS, listRepoTagScanResultQuery, CVSS_V3_FILTERS, scanService, scanTaskId, includeSnoozedParam, severityCounts, type CvssV2FilterParam, type CvssV3FilterParam } from './scans'

/**
 * The report's Overview, Components and Layers tabs: aggregates of one COMPLETE scan
 * computed in SQL, and its packages paged on the server. Every count here is a count of
 * listRepoTagScanResult rows (one per vulnerability and package), and every breakdown is
 * keyed by the list filter that returns exactly the rows it counts.
 */

const ext = (description: string) => ({ description: `Extension (not in ACR): ${description}` })
const count = z.number().int().min(0)

export const getScanOverviewQuery = z.object({ scanTaskId, includeSnoozed: includeSnoozedParam() })

const cvssV3Param = z.enum(Object.keys(CVSS_V3_FILTERS) as [CvssV3FilterParam, ...CvssV3FilterParam[]])
const cvssV2Param = z.enum(Object.keys(CVSS_V2_FILTERS) as [CvssV2FilterParam, ...CvssV2FilterParam[]])

const metricValues = z.array(z.object({ value: z.string().meta({ description: 'The metric value as the vector model names it (NETWORK, LOW, …).' }), count }))

export const cvssV3Breakdown = z
  .object({
    /** Findings with a v3 vector: each metric's counts add up to this. */
    scored: count,
    metrics: z.array(z.object({ param: cvssV3Param.meta({ description: 'The listRepoTagScanResult parameter that filters on this metric.' }), values: metricValues })),
  })
  .meta({ id: 'CvssV3Breakdown' })

export const cvssV2Breakdown = z
  .object({
    scored: count,
    metrics: z.array(z.object({ param: cvssV2Param, values: metricValues })),
  })
  .meta({ id: 'CvssV2Breakdown' })

export const scoreBin = z
  .object({
    /** The bin is [min, max], both inclusive: scores have one decimal, so 7.0–7.9, and 9.0–10.0 for the last. */
    min: z.number(),
    max: z.number(),
    count,
  })
  .meta({ id: 'ScoreBin' })

export const fixableComponent = z
  .object({
    componentId: z.string(),
    name: z.string(),
    version: z.string(),
    format: packageFormat,
    layerIndex: z.number().int(),
    /** The lowest version that fixes every fixable vulnerability of the package, in its own version ordering. */
    fixedBy: z.string().nullable(),
    /** Fixable findings of this package by severity. */
    counts: severityCounts,
  })
  .meta({ id: 'FixableComponent' })
export type FixableComponent = z.infer<typeof fixableComponent>

export const layerFindings = z
  .object({
    index: z.number().int(),
    digest: z.string(),
    size: z.number().int(),
    createdBy: z.string().nullable(),
    /** StackRox's split of createdBy: RUN, COPY, ADD, … and the rest of the line. */
    instruction: z.string().nullable(),
    value: z.string().nullable(),
    componentCount: count,
    counts: severityCounts,
  })
  .meta({ id: 'LayerFindings' })
export type LayerFindings = z.infer<typeof layerFindings>

export const scanOverview = z
  .object({
    scanTaskId: z.string(),
    digest: z.string(),
    scanService,
    scanTime: epochMs,
    counts: severityCounts,
    cvssV3: cvssV3Breakdown,
    cvssV2: cvssV2Breakdown,
    scoreHistogram: z.object({
      bins: z.array(scoreBin).meta({ description: 'Ten bins of 1.0 by the best base score (v3, else v4, else v2), 0–1 first.' }),
      unscored: count.meta({ description: 'Findings with no CVSS vector at all.' }),
    }),
    fixable: z.object({
      /** Packages with at least one fixable finding, and those findings. */
      componentCount: count,
      findingCount: count,
      /** "Upgrade these N packages to remove M criticals". */
      criticalComponentCount: count,
      criticalFindingCount: count,
      top: z.array(fixableComponent).meta({ description: 'Up to 10 packages, most fixable critical, then high, … findings first.' }),
    }),
    layers: z.array(layerFindings).meta({ description: 'Every layer of the image, bottom first, with the findings and packages it added.' }),
    baselineCounts: z
      .object({ total: count, high: count, medium: count, low: count })
      .nullable()
      .meta({ description: 'Null when the scan was not a SAS_SCAN_SERVICE scan.' }),
    maliciousCounts: z
      .object({ total: count, serious: count, suspicious: count, remind: count })
      .nullable()
      .meta({ description: 'Null when the scan was not a SAS_SCAN_SERVICE scan.' }),
    baselineCategories: z
      .array(z.object({ category: z.string(), count }))
      .nullable()
      .meta(ext('Baseline risks per check category, most first: each count is listScanBaselineByTask’s totalCount with that category. Null when the scan was not a SAS_SCAN_SERVICE scan.')),
    maliciousTypes: z
      .array(z.object({ type: maliciousType, count }))
      .nullable()
      .meta(ext('Malicious files per type, most first: each count is listScanMaliciousFileByTask’s totalCount with that type. Null when the scan was not a SAS_SCAN_SERVICE scan.')),
  })
  .meta({ id: 'ScanOverview' })
export type ScanOverview = z.infer<typeof scanOverview>

// ─── Components ──────────────────────────────────────────────────────────────

export const componentSortBy = z.enum(['severity', 'findings', 'name', 'layer'])
export type ComponentSortBy = z.infer<typeof componentSortBy>

export const listScanComponentQuery = pageQuery.extend({
  scanTaskId,
  componentQueryKey: optionalParam(z.string().trim().max(256)).meta(ext('Case-insensitive substring of the package name, group, purl or location.')),
  source: optionalParam(componentSource).meta(ext('OS, NODEJS, PYTHON, JAVA, GO, …')),
  layerIndex: optionalParam(z.coerce.number().int().min(0)).meta(ext('Only packages added by this layer (bottom = 0).')),
  vulnerable: booleanParam.meta(ext('true: only packages with at least one vulnerability; false: only those with none.')),
  includeSnoozed: includeSnoozedParam(),
  // The vulnerabilities tab grouped by package: with any of these, a package's counts are of its
  // findings that match (as listRepoTagScanResult filters them), and a package with none is left out.
  severity: listRepoTagScanResultQuery.shape.severity.meta(ext('Count only findings of these severities; packages with none are left out.')),
  scanType: listRepoTagScanResultQuery.shape.scanType.meta(ext('Count only `cve` (OS) or `sca` (application) findings; packages with none are left out.')),
  vulQueryKey: listRepoTagScanResultQuery.shape.vulQueryKey.meta(ext('Count only findings whose CVE id, alias, package or description contains this; packages with none are left out.')),
  fixable: listRepoTagScanResultQuery.shape.fixable.meta(ext('Count only findings with (true) or without (false) a fix; packages with none are left out.')),
  sortBy: optionalParam(componentSortBy).meta(
    ext('severity (default: most critical, then high, … findings first), findings (their number), name (then version) or layer. Ties by name, version and row.'),
  ),
  sortOrder: optionalParam(sortOrder).meta(ext('Default desc for severity and findings, asc for name and layer.')),
})

export const scanComponentItem = z
  .object({
    componentId: z.string(),
    name: z.string(),
    version: z.string(),
    format: packageFormat,
    source: componentSource,
    group: z.string().nullable(),
    purl: z.string(),
    location: z.string().meta({ description: 'Where in the image it was found: the package database, or the file.' }),
    layerIndex: z.number().int(),
    layerDigest: z.string(),
    licenses: z.array(z.string()),
    fixedBy: z.string().nullable().meta({ description: 'The lowest version that fixes every fixable vulnerability; null when none has a fix.' }),
    counts: severityCounts,
  })
  .meta({ id: 'ScanComponent' })
export type ScanComponentItem = z.infer<typeof scanComponentItem>

export const scanComponentPage = pageOf(scanComponentItem).extend({ scanTaskId: z.string() })
export type ScanComponentPage = z.infer<typeof scanComponentPage>
