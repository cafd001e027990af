import { sql, type RawBuilder } from 'kysely'
import type { SeverityCounts } from '@contract/scans'

/** The counts a severity-counting SELECT returns, one column per bucket. */
export interface SeverityCountRow {
  total: number
  critical: number
  high: number
  medium: number
  low: number
  unknown: number
  fixable: number
}

/**
 * The aggregate columns that count scan_vulnerabilities rows by severity and fix, for
 * any GROUP BY (the whole scan, a layer, a package). `alias` prefixes the columns when
 * the FROM joins other tables.
 *
 * @example
 * sql`select ${severityCountColumns()} from scan_vulnerabilities where task_id = ${id}`
 */
export function severityCountColumns(alias?: string): RawBuilder<unknown> {
  const col = (name: string) => (alias ? sql.ref(`${alias}.${name}`) : sql.ref(name))
  return sql`count(*)::int as total,
    (count(*) filter (where ${col('severity_rank')} = 4))::int as critical,
    (count(*) filter (where ${col('severity_rank')} = 3))::int as high,
    (count(*) filter (where ${col('severity_rank')} = 2))::int as medium,
    (count(*) filter (where ${col('severity_rank')} = 1))::int as low,
    (count(*) filter (where ${col('severity_rank')} = 0))::int as unknown,
    (count(*) filter (where ${col('fixable')}))::int as fixable`
}

export const NO_FINDINGS: SeverityCounts = {
  totalSeverity: 0,
  criticalSeverity: 0,
  highSeverity: 0,
  mediumSeverity: 0,
  lowSeverity: 0,
  unknownSeverity: 0,
  fixableCount: 0,
}

/** A counting row as the contract's SeverityCounts; a missing row (no findings) is all zeros. */
export function toSeverityCounts(row: Partial<SeverityCountRow> | undefined): SeverityCounts {
  if (!row) return NO_FINDINGS
  const n = (v: number | undefined) => Number(v ?? 0)
  return {
    totalSeverity: n(row.total),
    criticalSeverity: n(row.critical),
    highSeverity: n(row.high),
    mediumSeverity: n(row.medium),
    lowSeverity: n(row.low),
    unknownSeverity: n(row.unknown),
    fixableCount: n(row.fixable),
  }
}
