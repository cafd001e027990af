import { cvssV2, cvssV3 } from '@contract/findings'
import type { LayerFindings, ScanOverview } from '@contract/report-overview'
import { CVSS_V2_FILTERS, CVSS_V3_FILTERS, type CvssV2FilterParam, type CvssV3FilterParam } from '@contract/scans'
import { splitInstruction } from '../report-view'
import { toSeverityCounts, type SeverityCountRow } from './severity-columns'

/**
 * Pure shaping of the overview's SQL rows into the contract: every metric lists every
 * value of its enum (zeros kept, in the enum's order), so each report's charts have the
 * same bars in the same places.
 */

export interface MetricCountRow {
  param: string
  value: string
  n: number
}

function metricValues(options: readonly string[], counts: Map<string, number>) {
  return options.map((value) => ({ value, count: counts.get(value) ?? 0 }))
}

function countsByParam(rows: readonly MetricCountRow[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>()
  for (const r of rows) {
    const m = out.get(r.param) ?? new Map<string, number>()
    m.set(r.value, (m.get(r.value) ?? 0) + Number(r.n))
    out.set(r.param, m)
  }
  return out
}

/**
 * The CVSS v3 and v2 breakdowns from `(param, value, n)` rows.
 *
 * @example
 * cvssBreakdowns([{ param: 'attackVector', value: 'NETWORK', n: 3 }], { v3: 3, v2: 0 }).cvssV3.metrics[0]
 * // { param: 'attackVector', values: [{ value: 'NETWORK', count: 3 }, { value: 'ADJACENT_NETWORK', count: 0 }, …] }
 */
export function cvssBreakdowns(rows: readonly MetricCountRow[], scored: { v3: number; v2: number }): Pick<ScanOverview, 'cvssV3' | 'cvssV2'> {
  const byParam = countsByParam(rows)
  const v3 = (Object.keys(CVSS_V3_FILTERS) as CvssV3FilterParam[]).map((param) => ({
    param,
    values: metricValues(cvssV3.shape[CVSS_V3_FILTERS[param]].options, byParam.get(param) ?? new Map<string, number>()),
  }))
  const v2 = (Object.keys(CVSS_V2_FILTERS) as CvssV2FilterParam[]).map((param) => ({
    param,
    values: metricValues(cvssV2.shape[CVSS_V2_FILTERS[param]].options, byParam.get(param) ?? new Map<string, number>()),
  }))
  return { cvssV3: { scored: scored.v3, metrics: v3 }, cvssV2: { scored: scored.v2, metrics: v2 } }
}

/**
 * Ten bins of 1.0 by score, [k.0, k.9] each and [9.0, 10.0] for the last, from
 * `(bin, n)` rows where bin = min(floor(score), 9).
 *
 * @example
 * scoreBins([{ bin: 9, n: 2 }])[9] // { min: 9, max: 10, count: 2 }
 */
export function scoreBins(rows: readonly { bin: number; n: number }[]): ScanOverview['scoreHistogram']['bins'] {
  const counts = new Map(rows.map((r) => [Number(r.bin), Number(r.n)]))
  return Array.from({ length: 10 }, (_, k) => ({ min: k, max: k === 9 ? 10 : k + 0.9, count: counts.get(k) ?? 0 }))
}

export interface StoredLayer {
  index: number
  digest: string
  size: number
  createdBy?: string | undefined
}

/** Every layer, bottom first, with the findings and packages it added (zeros for a layer that added none). */
export function layerFindings(
  layers: readonly StoredLayer[],
  findings: readonly (SeverityCountRow & { layer_index: number })[],
  components: readonly { layer_index: number; n: number }[],
): LayerFindings[] {
  const findingsOf = new Map(findings.map((r) => [Number(r.layer_index), r]))
  const componentsOf = new Map(components.map((r) => [Number(r.layer_index), Number(r.n)]))
  return [...layers]
    .sort((a, b) => a.index - b.index)
    .map((l) => ({
      index: l.index,
      digest: l.digest,
      size: l.size,
      createdBy: l.createdBy ?? null,
      ...splitInstruction(l.createdBy),
      componentCount: componentsOf.get(l.index) ?? 0,
      counts: toSeverityCounts(findingsOf.get(l.index)),
    }))
}
