import { sql, type RawBuilder } from 'kysely'
import type { Component, ScanType, Severity } from '@contract/findings'
import type { ComponentSortBy, ScanComponentItem, ScanComponentPage } from '@contract/report-overview'
import type { SortOrder } from '@contract/common'
import type { Db } from '../../db/database'
import { snoozedFindings, vulnerabilityConditions } from '../scan-results'
import { resolveTask } from '../scan-store'
import { severityCountColumns, toSeverityCounts, type SeverityCountRow } from './severity-columns'

export interface ComponentQuery {
  scanTaskId: string
  componentQueryKey?: string | undefined
  source?: string | undefined
  layerIndex?: number | undefined
  vulnerable?: boolean | undefined
  /** Also count findings under an approved exception, as the list does with includeSnoozed. */
  includeSnoozed?: boolean | undefined
  /** Finding filters (listRepoTagScanResult's): count only matching findings, list only packages with one. */
  severity?: Severity[] | undefined
  scanType?: ScanType | undefined
  vulQueryKey?: string | undefined
  fixable?: boolean | undefined
  sortBy?: ComponentSortBy | undefined
  sortOrder?: SortOrder | undefined
  pageNo: number
  pageSize: number
}

/**
 * The packages of a COMPLETE scan with their findings counted per severity, filtered,
 * sorted and paged in SQL. Findings are grouped once per request (a CTE), and the fixed
 * version comes from the report's component risks, which the engine computed with each
 * ecosystem's own version ordering (SQL cannot order dpkg or Maven versions).
 */
export async function listScanComponents(db: Db, q: ComponentQuery): Promise<ScanComponentPage> {
  const task = await resolveTask(db, { scanTaskId: q.scanTaskId }, 'complete')
  const id = task.id
  // An SBOM task's packages are its whole result (the SBOM tab's table): it has no findings to
  // snooze, and the exception states answer PARAM_INVALID for it.
  const { snoozed } = task.scan_type === 'SBOM' ? { snoozed: [] } : await snoozedFindings(db, task)
  // The list's own WHERE, so a package's count here is the row count of the list filtered to it.
  const findingFilters = { severity: q.severity, scanType: q.scanType, vulQueryKey: q.vulQueryKey, fixable: q.fixable }
  const counted = sql.join(vulnerabilityConditions(id, { ...findingFilters, includeSnoozed: q.includeSnoozed }, snoozed), sql` and `)
  const filtersFindings = Object.values(findingFilters).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0))
  const where: RawBuilder<unknown>[] = [sql`c.task_id = ${id}`]
  if (q.componentQueryKey) {
    where.push(sql`strpos(lower(c.name || ' ' || c.purl || ' ' || coalesce(c.component->>'location', '')), lower(${q.componentQueryKey})) > 0`)
  }
  if (q.source) where.push(sql`c.source = ${q.source}`)
  if (q.layerIndex !== undefined) where.push(sql`c.layer_index = ${q.layerIndex}`)
  if (q.vulnerable !== undefined) where.push(q.vulnerable ? sql`f.total > 0` : sql`f.total is null`)
  if (filtersFindings) where.push(sql`f.total > 0`)
  const whereSql = sql.join(where, sql` and `)

  const sortBy = q.sortBy ?? 'severity'
  const order = q.sortOrder ?? (sortBy === 'severity' || sortBy === 'findings' ? 'desc' : 'asc')
  const dir = order === 'desc' ? sql`desc` : sql`asc`
  const n = (col: string) => sql`coalesce(${sql.ref(`f.${col}`)}, 0) ${dir}`
  const primary =
    sortBy === 'severity' ? [n('critical'), n('high'), n('medium'), n('low'), n('unknown')]
    : sortBy === 'findings' ? [n('total'), n('critical')]
    : sortBy === 'layer' ? [sql`c.layer_index ${dir}`]
    : [sql`lower(c.name) ${dir}`, sql`c.version ${dir}`]
  const orderBy = sql.join([...primary, sql`lower(c.name) asc`, sql`c.version asc`, sql`c.id asc`])

  const withFindings = sql`with f0 as (
      select item->>'componentId' as cid, ${severityCountColumns()}
      from scan_vulnerabilities where ${counted} group by 1
    ), risks as (
      select r->>'componentId' as cid, r->>'fixedByAll' as fixed_by
      from scan_reports, jsonb_array_elements(report->'componentRisks') r where task_id = ${id}
    )`
  return db.transaction().execute(async (trx) => {
    const total = await sql<{ n: number }>`${withFindings}
      select count(*)::int as n from scan_components c left join f0 f on f.cid = c.component_id where ${whereSql}`.execute(trx)
    const rows = await sql<Partial<SeverityCountRow> & { component: Component; fixed_by: string | null }>`${withFindings}
      select c.component, risks.fixed_by, f.total, f.critical, f.high, f.medium, f.low, f.unknown, f.fixable
      from scan_components c left join f0 f on f.cid = c.component_id left join risks on risks.cid = c.component_id
      where ${whereSql}
      order by ${orderBy}
      limit ${q.pageSize} offset ${(q.pageNo - 1) * q.pageSize}`.execute(trx)
    return {
      items: rows.rows.map((r): ScanComponentItem => {
        const c = r.component
        return {
          componentId: c.componentId,
          name: c.name,
          version: c.version,
          format: c.format,
          source: c.source,
          group: c.group ?? null,
          purl: c.purl,
          location: c.location,
          layerIndex: c.layerIndex,
          layerDigest: c.layerDigest,
          licenses: c.licenses,
          fixedBy: r.fixed_by ?? null,
          counts: toSeverityCounts(r),
        }
      }),
      totalCount: Number(total.rows[0]?.n ?? 0),
      pageNo: q.pageNo,
      pageSize: q.pageSize,
      scanTaskId: id,
    }
  })
}
