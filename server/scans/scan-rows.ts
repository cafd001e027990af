import type { BaselineFinding, Component, Finding, ImageReport, MaliciousFile } from '@contract/findings'
import type { SeverityCounts, VulnerabilityItem } from '@contract/scans'
import { severityRank } from '../engine/report/severity-order'

/**
 * How one engine report becomes the rows the result lists filter, sort and page in SQL.
 * Pure, so the mapping is unit-tested apart from the database.
 */

/** What a COMPLETE task keeps on its row (scan_tasks.summary) for lists and the summary. */
export interface ScanSummaryCounts {
  counts: SeverityCounts
  componentCount: number
  /** Null for ACR_SCAN_SERVICE scans: they check no baseline. */
  baselineCounts: { total: number; high: number; medium: number; low: number } | null
  maliciousCounts: { total: number; serious: number; suspicious: number; remind: number } | null
}

/** The best base score of a finding: v3, else v4, else v2. */
export function bestCvss(f: Finding): { score: number; version: 'V3' | 'V4' | 'V2' } | null {
  if (f.cvssV3) return { score: f.cvssV3.baseScore, version: 'V3' }
  if (f.cvssV4) return { score: f.cvssV4.baseScore, version: 'V4' }
  if (f.cvssV2) return { score: f.cvssV2.baseScore, version: 'V2' }
  return null
}

/**
 * The ACR-shaped list item of one finding in one package.
 *
 * @example
 * toVulnerabilityItem(log4shell, log4jCore).versionFixed // '2.15.0'
 */
export function toVulnerabilityItem(f: Finding, c: Component): VulnerabilityItem {
  return {
    cveName: f.vulnerabilityId,
    cveLink: f.link,
    severity: f.severity,
    feature: c.name,
    version: c.version,
    versionFixed: f.fixedBy ?? '',
    versionFormat: c.format,
    addedBy: c.layerDigest,
    fixCmd: f.fixCmd ?? '',
    description: f.description,
    cveLocation: c.location,
    scanType: f.scanType,
    aliases: f.aliases.filter((a) => a !== f.vulnerabilityId),
    cvssV2: f.cvssV2 ?? null,
    cvssV3: f.cvssV3 ?? null,
    cvssScore: bestCvss(f)?.score ?? null,
    layerIndex: c.layerIndex,
    publishedAt: f.publishedAt ?? null,
    modifiedAt: f.modifiedAt ?? null,
    summary: f.summary,
    fixedByNote: f.fixedByNote ?? null,
    componentId: c.componentId,
    severitySource: f.severitySource,
  }
}

export interface VulnerabilityRow {
  cve_name: string
  package_name: string
  package_version: string
  severity: string
  severity_rank: number
  cvss_score: number | null
  scan_type: 'cve' | 'sca'
  fixable: boolean
  search_text: string
  item: VulnerabilityItem
}

/** One row per finding, in the engine's order; a finding whose component is missing is skipped. */
export function vulnerabilityRows(report: ImageReport): VulnerabilityRow[] {
  const components = new Map(report.components.map((c) => [c.componentId, c]))
  const rows: VulnerabilityRow[] = []
  for (const f of report.findings) {
    const c = components.get(f.componentId)
    if (!c) continue
    const item = toVulnerabilityItem(f, c)
    rows.push({
      cve_name: item.cveName,
      package_name: c.name,
      package_version: c.version,
      severity: f.severity,
      severity_rank: severityRank(f.severity),
      cvss_score: item.cvssScore,
      scan_type: f.scanType,
      fixable: Boolean(f.fixedBy),
      search_text: [f.vulnerabilityId, ...f.aliases, c.name, c.group ?? '', f.summary, f.description].join('\n').toLowerCase(),
      item,
    })
  }
  return rows
}

export const BASELINE_LEVEL_RANK = { High: 2, Medium: 1, Low: 0 } as const
export const MALICIOUS_LEVEL_RANK = { serious: 2, suspicious: 1, remind: 0 } as const

/** What a stored baseline row holds: the finding plus ACR's per-check counts. */
export interface StoredBaseline extends BaselineFinding {
  itemCount: number
  highCount: number
  mediumCount: number
  lowCount: number
}

export function baselineRows(findings: readonly BaselineFinding[]) {
  const perCheck = new Map<string, { itemCount: number; highCount: number; mediumCount: number; lowCount: number }>()
  for (const f of findings) {
    const c = perCheck.get(f.checkId) ?? { itemCount: 0, highCount: 0, mediumCount: 0, lowCount: 0 }
    c.itemCount++
    if (f.level === 'High') c.highCount++
    else if (f.level === 'Medium') c.mediumCount++
    else c.lowCount++
    perCheck.set(f.checkId, c)
  }
  return findings.map((f) => ({
    check_id: f.checkId,
    level: f.level,
    level_rank: BASELINE_LEVEL_RANK[f.level],
    path: f.path ?? null,
    layer_index: f.layerIndex ?? null,
    finding: { ...f, ...perCheck.get(f.checkId) } as StoredBaseline,
  }))
}

export function maliciousRows(files: readonly MaliciousFile[]) {
  return files.map((f) => ({
    level: f.level,
    level_rank: MALICIOUS_LEVEL_RANK[f.level],
    file_path: f.filePath,
    md5: f.md5,
    sha256: f.sha256,
    layer_index: f.layerIndex,
    finding: f,
  }))
}

export function severityCountsOf(findings: readonly Finding[]): SeverityCounts {
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length
  return {
    totalSeverity: findings.length,
    criticalSeverity: n('Critical'),
    highSeverity: n('High'),
    mediumSeverity: n('Medium'),
    lowSeverity: n('Low'),
    unknownSeverity: n('Unknown'),
    fixableCount: findings.filter((f) => Boolean(f.fixedBy)).length,
  }
}

/**
 * The counts kept with a COMPLETE task. Counted from the rows that are stored, so the
 * summary always equals the list's totalCount.
 */
export function summarize(report: ImageReport, sas: boolean): ScanSummaryCounts {
  const components = new Set(report.components.map((c) => c.componentId))
  const stored = report.findings.filter((f) => components.has(f.componentId))
  return {
    counts: severityCountsOf(stored),
    componentCount: report.components.length,
    baselineCounts: sas
      ? {
          total: report.baseline.length,
          high: report.baseline.filter((b) => b.level === 'High').length,
          medium: report.baseline.filter((b) => b.level === 'Medium').length,
          low: report.baseline.filter((b) => b.level === 'Low').length,
        }
      : null,
    maliciousCounts: sas
      ? {
          total: report.maliciousFiles.length,
          serious: report.maliciousFiles.filter((m) => m.level === 'serious').length,
          suspicious: report.maliciousFiles.filter((m) => m.level === 'suspicious').length,
          remind: report.maliciousFiles.filter((m) => m.level === 'remind').length,
        }
      : null,
  }
}

/**
 * An ACR_SCAN_SERVICE scan reports vulnerabilities only: baseline risks and malicious
 * files, should the engine find any, are left out as ACR leaves them out.
 */
export function forService(report: ImageReport, sas: boolean): ImageReport {
  return sas ? report : { ...report, baseline: [], maliciousFiles: [] }
}
