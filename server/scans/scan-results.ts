import { sql, type SqlBool, type Expression } from 'kysely'
import type { BaselineLevel, ImageReport, MaliciousFile, MaliciousLevel, MaliciousType, ScanType, Severity } from '@contract/findings'
import type { SortOrder } from '@contract/common'
import { CVSS_V2_FILTERS, CVSS_V3_FILTERS, type BaselineItem, type CvssFilterParam, type ImageReportView, type MaliciousItem, type ScanSummary, type ScanTarget, type VulnerabilityItem, type VulnerabilityPage, type VulnerabilitySortBy } from '@contract/scans'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import { findingKey, findingStatesByKey, type FindingWithState } from '../exceptions/finding-states'
import { toImageReportView } from './report-view'
import type { ScanTaskRow } from './scan-queue'
import { BASELINE_LEVEL_RANK, MALICIOUS_LEVEL_RANK, type ScanSummaryCounts, type StoredBaseline } from './scan-rows'
import { resolveTask, resolveVulnerabilityTask } from './scan-store'
import { severityCountColumns, toSeverityCounts, type SeverityCountRow } from './overview/severity-columns'

/**
 * Reads of a COMPLETE scan's results. Lists filter, sort and page in SQL, return their
 * page and totalCount from one transaction, and end every ORDER BY on the row id, so
 * paging never repeats or skips a row when sort keys tie.
 */

const offset = (q: { pageNo: number; pageSize: number }) => (q.pageNo - 1) * q.pageSize
const finishedMs = (t: ScanTaskRow) => new Date(t.finished_at ?? t.updated_at).getTime()

/** A finding an approved exception covers, as the scan's rows name it. */
export interface SnoozedFinding {
  cveName: string
  componentId: string
}

/**
 * The findings of a task under an approved exception now, and every finding's state by
 * {@link findingKey}, for the reads that leave the first out unless includeSnoozed. Takes
 * the task the read resolved, so it is not looked up again.
 */
export async function snoozedFindings(db: Db, task: ScanTaskRow): Promise<{ snoozed: SnoozedFinding[]; states: Map<string, FindingWithState> }> {
  const states = await findingStatesByKey(db, task, new Date())
  const snoozed = [...states.values()].filter((f) => f.suppressed).map((f) => ({ cveName: f.cveName, componentId: f.componentId }))
  return { snoozed, states }
}

/**
 * A condition on scan_vulnerabilities rows: not one of these findings. Rows are keyed as
 * findingStatesByKey keys them, by CVE and package; `alias` qualifies the columns in a join.
 *
 * @example
 * sql`select count(*) from scan_vulnerabilities where task_id = ${id} and ${notSnoozed(snoozed)}`
 */
export function notSnoozed(snoozed: readonly SnoozedFinding[], alias?: string): Expression<SqlBool> {
  if (snoozed.length === 0) return sql<SqlBool>`true`
  const col = (name: string) => (alias ? sql.ref(`${alias}.${name}`) : sql.ref(name))
  const keys = sql.join(snoozed.map((f) => sql`(${f.cveName}::text, ${f.componentId}::text)`))
  return sql<SqlBool>`(${col('cve_name')}, ${col('item')}->>'componentId') not in (${keys})`
}

export async function getSummary(db: Db, q: ScanTarget & { includeSnoozed?: boolean | undefined }): Promise<ScanSummary> {
  const task = await resolveVulnerabilityTask(db, q, 'complete')
  const summary = task.summary as ScanSummaryCounts
  const { snoozed } = await snoozedFindings(db, task)
  // The stored counts ignore exceptions: without includeSnoozed, count the rows the list shows.
  const counts =
    q.includeSnoozed || snoozed.length === 0
      ? summary.counts
      : toSeverityCounts(
          (
            await sql<SeverityCountRow>`select ${severityCountColumns()} from scan_vulnerabilities where task_id = ${task.id} and ${notSnoozed(snoozed)}`.execute(db)
          ).rows[0],
        )
  return {
    ...counts,
    scanTaskId: task.id,
    digest: task.digest,
    scanService: task.scan_service,
    scanTime: finishedMs(task),
    componentCount: summary.componentCount,
    snoozedCount: snoozed.length,
    baselineCounts: summary.baselineCounts,
    maliciousCounts: summary.maliciousCounts,
  }
}

/** The CVSS metric filters, each as the metric's value (NETWORK, LOW, …) or unset. */
type CvssMetricFilters = { [K in CvssFilterParam]?: string | undefined }

export interface VulnerabilityQuery extends ScanTarget, CvssMetricFilters {
  severity?: Severity[] | undefined
  scanType?: ScanType | undefined
  vulQueryKey?: string | undefined
  filterValue?: 'FixCmd' | undefined
  fixable?: boolean | undefined
  /** StackRox's includeSnoozed: also the findings under an approved exception. Default false. */
  includeSnoozed?: boolean | undefined
  cvssMin?: number | undefined
  cvssMax?: number | undefined
  layerIndex?: number | undefined
  componentId?: string | undefined
  sortBy?: VulnerabilitySortBy | undefined
  sortOrder?: SortOrder | undefined
  pageNo: number
  pageSize: number
}

const SEVERITY_RANK: Record<Severity, number> = { Critical: 4, High: 3, Medium: 2, Low: 1, Unknown: 0 }

/**
 * The WHERE of a vulnerability list: every filter of listRepoTagScanResult, in one place,
 * so the list, its exports and the overview's links agree on what a filter means. The
 * CVSS metrics, layer and package are read from the stored item: every clause is
 * narrowed to one task first, and a task holds a few thousand rows at most. Findings
 * under an approved exception (`snoozed`) are left out unless includeSnoozed.
 */
export function vulnerabilityConditions(
  taskId: string,
  q: Omit<VulnerabilityQuery, keyof ScanTarget | 'pageNo' | 'pageSize'>,
  snoozed: readonly SnoozedFinding[],
): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [sql<SqlBool>`task_id = ${taskId}`]
  if (!q.includeSnoozed && snoozed.length > 0) where.push(notSnoozed(snoozed))
  if (q.severity?.length) where.push(sql<SqlBool>`severity_rank in (${sql.join(q.severity.map((s) => SEVERITY_RANK[s]))})`)
  if (q.scanType) where.push(sql<SqlBool>`scan_type = ${q.scanType}`)
  if (q.vulQueryKey) where.push(sql<SqlBool>`strpos(search_text, lower(${q.vulQueryKey})) > 0`)
  if (q.fixable !== undefined) where.push(sql<SqlBool>`fixable = ${q.fixable}`)
  for (const [param, metric] of Object.entries(CVSS_V3_FILTERS)) {
    const value = q[param as CvssFilterParam]
    if (value) where.push(sql<SqlBool>`item->'cvssV3'->>${metric}::text = ${value}`)
  }
  for (const [param, metric] of Object.entries(CVSS_V2_FILTERS)) {
    const value = q[param as CvssFilterParam]
    if (value) where.push(sql<SqlBool>`item->'cvssV2'->>${metric}::text = ${value}`)
  }
  if (q.cvssMin !== undefined) where.push(sql<SqlBool>`cvss_score >= ${q.cvssMin}`)
  if (q.cvssMax !== undefined) where.push(sql<SqlBool>`cvss_score <= ${q.cvssMax}`)
  if (q.layerIndex !== undefined) where.push(sql<SqlBool>`(item->>'layerIndex')::int = ${q.layerIndex}`)
  if (q.componentId) where.push(sql<SqlBool>`item->>'componentId' = ${q.componentId}`)
  return where
}

export async function listVulnerabilities(db: Db, q: VulnerabilityQuery): Promise<VulnerabilityPage> {
  const task = await resolveVulnerabilityTask(db, q, 'complete')
  const { snoozed, states } = await snoozedFindings(db, task)
  const where = vulnerabilityConditions(task.id, q, snoozed)
  const conditions = (eb: { and: (e: Expression<SqlBool>[]) => Expression<SqlBool> }) => eb.and(where)
  const sortBy = q.sortBy ?? 'severity'
  const order = q.sortOrder ?? (sortBy === 'severity' || sortBy === 'cvss' || sortBy === 'published' ? 'desc' : 'asc')
  const dir = order === 'desc' ? sql`desc` : sql`asc`
  const primary =
    sortBy === 'severity' ? [sql`severity_rank ${dir}`, sql`cvss_score ${dir} nulls last`]
    : sortBy === 'cvss' ? [sql`cvss_score ${dir} nulls last`, sql`severity_rank ${dir}`]
    : sortBy === 'package' ? [sql`lower(package_name) ${dir}`, sql`package_version ${dir}`]
    // ISO 8601 instants in UTC sort as text; undated advisories go last either way.
    : sortBy === 'published' ? [sql`item->>'publishedAt' ${dir} nulls last`]
    : [sql`cve_name ${dir}`]
  return db.transaction().execute(async (trx) => {
    const { n } = await trx.selectFrom('scan_vulnerabilities').where(conditions).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    let rows = trx.selectFrom('scan_vulnerabilities').where(conditions).select(['item'])
    for (const o of [...primary, sql`cve_name asc`, sql`lower(package_name) asc`, sql`id asc`]) rows = rows.orderBy(o)
    const found = await rows.limit(q.pageSize).offset(offset(q)).execute()
    const items = found.map((r): VulnerabilityItem => {
      const item = r.item as VulnerabilityItem
      const s = states.get(findingKey(item.cveName, item.componentId))
      return {
        ...item,
        state: s?.state ?? 'OBSERVED',
        suppressed: s?.suppressed ?? false,
        suppressActivation: s?.suppressActivation ?? null,
        suppressExpiry: s?.suppressExpiry ?? null,
        exceptionId: s?.exceptionId ?? null,
      }
    })
    return {
      items: q.filterValue === 'FixCmd' ? items.map((i) => (i.fixCmd ? { fixCmd: i.fixCmd } : {})) : items,
      totalCount: n,
      pageNo: q.pageNo,
      pageSize: q.pageSize,
      scanTaskId: task.id,
      digest: task.digest,
    }
  })
}

type Paged = ScanTarget & { pageNo: number; pageSize: number }

export async function listBaseline(db: Db, q: Paged & { level?: BaselineLevel | undefined; category?: string | undefined }) {
  const task = await resolveTask(db, q, 'complete', 'SAS_SCAN_SERVICE')
  return db.transaction().execute(async (trx) => {
    let base = trx.selectFrom('scan_baseline').where('task_id', '=', task.id)
    if (q.level) base = base.where('level_rank', '=', BASELINE_LEVEL_RANK[q.level])
    if (q.category) base = base.where(sql<string>`finding->>'category'`, '=', q.category)
    const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    const rows = await base.select(['finding']).orderBy('level_rank', 'desc').orderBy('check_id').orderBy('path').orderBy('id').limit(q.pageSize).offset(offset(q)).execute()
    const at = finishedMs(task)
    const items = rows.map((r): BaselineItem => {
      const f = r.finding as StoredBaseline
      return {
        scanTaskId: task.id,
        baselineNameKey: f.checkId,
        baselineClassAlias: f.category,
        baselineNameAlias: f.title,
        baselineNameLevel: f.level === 'High' ? 'high' : f.level === 'Medium' ? 'medium' : 'low',
        baselineItemCount: f.itemCount,
        highRiskItemCount: f.highCount,
        middleRiskItemCount: f.mediumCount,
        lowRiskItemCount: f.lowCount,
        baselineDetailDescription: f.description,
        baselineDetailPrompt: f.evidence,
        baselineDetailAdvice: f.remediation,
        firstScanTime: at,
        createTime: at,
        updateTime: at,
        layerIndex: f.layerIndex ?? null,
        layerDigest: f.layerDigest ?? null,
        path: f.path ?? null,
      }
    })
    return { items, totalCount: n, pageNo: q.pageNo, pageSize: q.pageSize, scanTaskId: task.id, scanService: task.scan_service }
  })
}

export async function listMalicious(db: Db, q: Paged & { level?: MaliciousLevel | undefined; type?: MaliciousType | undefined }) {
  const task = await resolveTask(db, q, 'complete', 'SAS_SCAN_SERVICE')
  return db.transaction().execute(async (trx) => {
    let base = trx.selectFrom('scan_malicious').where('task_id', '=', task.id)
    if (q.level) base = base.where('level_rank', '=', MALICIOUS_LEVEL_RANK[q.level])
    if (q.type) base = base.where(sql<string>`finding->>'type'`, '=', q.type)
    const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    const rows = await base.select(['finding']).orderBy('level_rank', 'desc').orderBy('file_path').orderBy('id').limit(q.pageSize).offset(offset(q)).execute()
    const at = finishedMs(task)
    const items = rows.map((r): MaliciousItem => {
      const f = r.finding as MaliciousFile
      return {
        scanTaskId: task.id,
        maliciousName: f.maliciousName,
        maliciousMd5: f.md5,
        filePath: f.filePath,
        level: f.level,
        firstScanTime: at,
        createTime: at,
        updateTime: at,
        sha256: f.sha256,
        type: f.type,
        signature: f.signature,
        engine: f.engine,
        layerIndex: f.layerIndex,
        layerDigest: f.layerDigest,
        deletedInLayer: f.deletedInLayer ?? null,
        size: f.size,
        evidence: f.evidence ?? null,
      }
    })
    return { items, totalCount: n, pageNo: q.pageNo, pageSize: q.pageSize, scanTaskId: task.id, scanService: task.scan_service }
  })
}

export async function getImageReport(db: Db, scanTaskId: string): Promise<ImageReportView> {
  const task = await resolveTask(db, { scanTaskId }, 'complete')
  const row = await db.selectFrom('scan_reports').select('report').where('task_id', '=', task.id).executeTakeFirst()
  if (!row) throw new ApiError('INTERNAL_ERROR', `Scan task ${task.id} is COMPLETE but its report is missing.`)
  return toImageReportView(
    { scanTaskId: task.id, instanceId: task.instance_id, repoId: task.repo_id, tag: task.tag, digest: task.digest, scanService: task.scan_service },
    row.report as ImageReport,
  )
}
