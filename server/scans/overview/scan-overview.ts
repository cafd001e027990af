import { sql } from 'kysely'
import type { FixableComponent, ScanOverview } from '@contract/report-overview'
import type { MaliciousType, PackageFormat } from '@contract/findings'
import { CVSS_V2_FILTERS, CVSS_V3_FILTERS } from '@contract/scans'
import type { Db } from '../../db/database'
import { notSnoozed, snoozedFindings, type SnoozedFinding } from '../scan-results'
import { resolveTask } from '../scan-store'
import { cvssBreakdowns, layerFindings, scoreBins, type MetricCountRow, type StoredLayer } from './overview-shape'
import { severityCountColumns, toSeverityCounts, type SeverityCountRow } from './severity-columns'

/**
 * The overview of one COMPLETE scan, aggregated in SQL: each query reads the task's rows
 * once (the task_id index narrows them first), so a scan with thousands of findings
 * still answers in milliseconds and nothing but counts travels to the server.
 */

const TOP_FIXABLE = 10

/** One row per finding and CVSS metric (unnested with a lateral VALUES), grouped. */
function metricValuesSql() {
  const pairs = [
    ...Object.entries(CVSS_V3_FILTERS).map(([param, metric]) => sql`(${sql.lit(param)}, v.item->'cvssV3'->>${sql.lit(metric)})`),
    ...Object.entries(CVSS_V2_FILTERS).map(([param, metric]) => sql`(${sql.lit(param)}, v.item->'cvssV2'->>${sql.lit(metric)})`),
  ]
  return sql.join(pairs)
}

/**
 * @example
 * await getScanOverview(db, scanTaskId) // counts without findings under an approved exception
 * await getScanOverview(db, scanTaskId, { includeSnoozed: true }) // with them, as the stored summary counts
 */
export async function getScanOverview(db: Db, scanTaskId: string, opts: { includeSnoozed?: boolean | undefined } = {}): Promise<ScanOverview> {
  const task = await resolveTask(db, { scanTaskId }, 'complete')
  const id = task.id
  const sas = task.scan_service === 'SAS_SCAN_SERVICE'
  // Every count below is a count of list rows, so it leaves out what the list leaves out.
  const { snoozed } = await snoozedFindings(db, task)
  const shown = opts.includeSnoozed ? [] : snoozed
  const visible = notSnoozed(shown)

  const totals = await sql<SeverityCountRow & { v3: number; v2: number; unscored: number }>`
    select ${severityCountColumns()},
      (count(*) filter (where jsonb_typeof(item->'cvssV3') = 'object'))::int as v3,
      (count(*) filter (where jsonb_typeof(item->'cvssV2') = 'object'))::int as v2,
      (count(*) filter (where cvss_score is null))::int as unscored
    from scan_vulnerabilities where task_id = ${id} and ${visible}`.execute(db)
  const total = totals.rows[0]

  const metrics = await sql<MetricCountRow>`
    select m.param, m.value, count(*)::int as n
    from scan_vulnerabilities v cross join lateral (values ${metricValuesSql()}) as m(param, value)
    where v.task_id = ${id} and ${notSnoozed(shown, 'v')} and m.value is not null
    group by m.param, m.value`.execute(db)

  const bins = await sql<{ bin: number; n: number }>`
    select least(floor(cvss_score), 9)::int as bin, count(*)::int as n
    from scan_vulnerabilities where task_id = ${id} and ${visible} and cvss_score is not null
    group by 1`.execute(db)

  return {
    scanTaskId: id,
    digest: task.digest,
    scanService: task.scan_service,
    scanTime: new Date(task.finished_at ?? task.updated_at).getTime(),
    counts: toSeverityCounts(total),
    ...cvssBreakdowns(metrics.rows, { v3: Number(total?.v3 ?? 0), v2: Number(total?.v2 ?? 0) }),
    scoreHistogram: { bins: scoreBins(bins.rows), unscored: Number(total?.unscored ?? 0) },
    fixable: await fixableSummary(db, id, shown),
    layers: await layers(db, id, shown),
    baselineCounts: sas ? await baselineCounts(db, id) : null,
    maliciousCounts: sas ? await maliciousCounts(db, id) : null,
    baselineCategories: sas ? await baselineCategories(db, id) : null,
    maliciousTypes: sas ? await maliciousTypes(db, id) : null,
  }
}

async function fixableSummary(db: Db, id: string, snoozed: readonly SnoozedFinding[]): Promise<ScanOverview['fixable']> {
  const all = await sql<{ components: number; findings: number; critical_components: number; critical_findings: number }>`
    select count(distinct item->>'componentId')::int as components, count(*)::int as findings,
      (count(distinct item->>'componentId') filter (where severity_rank = 4))::int as critical_components,
      (count(*) filter (where severity_rank = 4))::int as critical_findings
    from scan_vulnerabilities where task_id = ${id} and fixable and ${notSnoozed(snoozed)}`.execute(db)
  // Most fixable critical findings first, then high, …: the upgrades that remove the worst.
  const top = await sql<SeverityCountRow & { component_id: string; name: string; version: string; format: PackageFormat; layer_index: number; fixed_by: string | null }>`
    with f as (
      select item->>'componentId' as cid, ${severityCountColumns()}
      from scan_vulnerabilities where task_id = ${id} and fixable and ${notSnoozed(snoozed)} group by 1
    ), risks as (
      select r->>'componentId' as cid, r->>'fixedByAll' as fixed_by
      from scan_reports, jsonb_array_elements(report->'componentRisks') r where task_id = ${id}
    )
    select c.component_id, c.name, c.version, c.format, c.layer_index, risks.fixed_by, f.*
    from f join scan_components c on c.task_id = ${id} and c.component_id = f.cid
    left join risks on risks.cid = f.cid
    order by f.critical desc, f.high desc, f.medium desc, f.low desc, f.unknown desc, lower(c.name), c.version, c.id
    limit ${TOP_FIXABLE}`.execute(db)
  const row = all.rows[0]
  return {
    componentCount: Number(row?.components ?? 0),
    findingCount: Number(row?.findings ?? 0),
    criticalComponentCount: Number(row?.critical_components ?? 0),
    criticalFindingCount: Number(row?.critical_findings ?? 0),
    top: top.rows.map(
      (r): FixableComponent => ({
        componentId: r.component_id,
        name: r.name,
        version: r.version,
        format: r.format,
        layerIndex: Number(r.layer_index),
        fixedBy: r.fixed_by ?? null,
        counts: toSeverityCounts(r),
      }),
    ),
  }
}

async function layers(db: Db, id: string, snoozed: readonly SnoozedFinding[]) {
  const stored = await sql<StoredLayer>`
    select (l->>'index')::int as index, l->>'digest' as digest, (l->>'size')::bigint as size, l->>'createdBy' as "createdBy"
    from scan_reports, jsonb_array_elements(report->'layers') l where task_id = ${id}`.execute(db)
  const findings = await sql<SeverityCountRow & { layer_index: number }>`
    select (item->>'layerIndex')::int as layer_index, ${severityCountColumns()}
    from scan_vulnerabilities where task_id = ${id} and ${notSnoozed(snoozed)} group by 1`.execute(db)
  const components = await sql<{ layer_index: number; n: number }>`
    select layer_index, count(*)::int as n from scan_components where task_id = ${id} group by 1`.execute(db)
  return layerFindings(
    stored.rows.map((l) => ({ ...l, size: Number(l.size), createdBy: l.createdBy ?? undefined })),
    findings.rows,
    components.rows,
  )
}

async function baselineCounts(db: Db, id: string) {
  const r = await sql<{ total: number; high: number; medium: number; low: number }>`
    select count(*)::int as total, (count(*) filter (where level = 'High'))::int as high,
      (count(*) filter (where level = 'Medium'))::int as medium, (count(*) filter (where level = 'Low'))::int as low
    from scan_baseline where task_id = ${id}`.execute(db)
  const row = r.rows[0]
  return { total: Number(row?.total ?? 0), high: Number(row?.high ?? 0), medium: Number(row?.medium ?? 0), low: Number(row?.low ?? 0) }
}

async function maliciousCounts(db: Db, id: string) {
  const r = await sql<{ total: number; serious: number; suspicious: number; remind: number }>`
    select count(*)::int as total, (count(*) filter (where level = 'serious'))::int as serious,
      (count(*) filter (where level = 'suspicious'))::int as suspicious, (count(*) filter (where level = 'remind'))::int as remind
    from scan_malicious where task_id = ${id}`.execute(db)
  const row = r.rows[0]
  return { total: Number(row?.total ?? 0), serious: Number(row?.serious ?? 0), suspicious: Number(row?.suspicious ?? 0), remind: Number(row?.remind ?? 0) }
}

/** Grouped on the same JSON field listBaseline's `category` filter compares, so the counts are its totals. */
async function baselineCategories(db: Db, id: string) {
  const r = await sql<{ category: string; n: number }>`
    select finding->>'category' as category, count(*)::int as n
    from scan_baseline where task_id = ${id} group by 1 order by 2 desc, 1`.execute(db)
  return r.rows.map((row) => ({ category: row.category, count: Number(row.n) }))
}

/** Grouped on the same JSON field listMalicious's `type` filter compares. */
async function maliciousTypes(db: Db, id: string) {
  const r = await sql<{ type: MaliciousType; n: number }>`
    select finding->>'type' as type, count(*)::int as n
    from scan_malicious where task_id = ${id} group by 1 order by 2 desc, 1`.execute(db)
  return r.rows.map((row) => ({ type: row.type, count: Number(row.n) }))
}
