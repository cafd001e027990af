import type { MaliciousType } from '@contract/findings'
import type { ScanOverview } from '@contract/report-overview'
import { baselineBars, maliciousBars, NEUTRAL_BAR, type FilterBar } from './overview-charts'

/** The two report tabs whose findings come in levels. */
export type LevelChartKind = 'baseline' | 'malicious'

export interface LevelChartData {
  title: string
  /** Singular and plural of what the bars count, for the links' names. */
  noun: readonly [string, string]
  bars: FilterBar[]
  legend: Record<string, { label: string; color: string }>
}

type Counts = Pick<ScanOverview, 'baselineCounts' | 'maliciousCounts' | 'baselineCategories' | 'maliciousTypes'>

export const maliciousTypeLabel: Record<MaliciousType, string> = {
  'test-file': 'Test file',
  miner: 'Miner',
  webshell: 'Web shell',
  'reverse-shell': 'Reverse shell',
  backdoor: 'Backdoor',
  rootkit: 'Rootkit',
  packed: 'Packed',
  'hash-match': 'Known hash',
  malware: 'Malware',
}

/** Levels have a colour each, so the legend names them; categories and types share one. */
const legendOf = (bars: readonly FilterBar[]) => Object.fromEntries(bars.map((b) => [b.key, { label: b.label, color: b.color }]))

/**
 * What a baseline or malicious-files tab charts above its table, from the overview's
 * counts: its findings by level, then by check category (baseline) or by type (malicious
 * files). Every bar carries the list filter that returns exactly its count. Empty when the
 * scan did not check this kind or found nothing (the table's empty state says which).
 *
 * @example
 * levelCharts('baseline', overview).map((c) => c.title) // ['Baseline risks by level', 'Baseline risks by category']
 */
export function levelCharts(kind: LevelChartKind, overview: Counts): LevelChartData[] {
  if (kind === 'baseline') {
    const counts = overview.baselineCounts
    if (!counts || counts.total === 0) return []
    const levels = baselineBars(counts)
    const categories = (overview.baselineCategories ?? []).map(
      (c): FilterBar => ({ key: c.category, label: c.category, count: c.count, color: NEUTRAL_BAR, chart: 'Baseline risks by category', tab: 'baseline', filters: { category: c.category } }),
    )
    const noun = ['risk', 'risks'] as const
    return [
      { title: 'Baseline risks by level', noun, bars: levels, legend: legendOf(levels) },
      { title: 'Baseline risks by category', noun, bars: categories, legend: { risks: { label: 'Risks', color: NEUTRAL_BAR } } },
    ]
  }
  const counts = overview.maliciousCounts
  if (!counts || counts.total === 0) return []
  const levels = maliciousBars(counts)
  const types = (overview.maliciousTypes ?? []).map(
    (t): FilterBar => ({ key: t.type, label: maliciousTypeLabel[t.type], count: t.count, color: NEUTRAL_BAR, chart: 'Malicious files by type', tab: 'malicious', filters: { type: t.type } }),
  )
  const noun = ['file', 'files'] as const
  return [
    { title: 'Malicious files by level', noun, bars: levels, legend: legendOf(levels) },
    { title: 'Malicious files by type', noun, bars: types, legend: { files: { label: 'Files', color: NEUTRAL_BAR } } },
  ]
}
