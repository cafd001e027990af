import type { LevelChartData } from '../../lib/level-charts'
import { FilterBarChart } from '../overview/filter-bar-chart'

export interface LevelChartProps {
  chart: LevelChartData
}

/**
 * The drawing of a tab's findings by level: the Overview's interactive bar chart, so a
 * bar and its link behave the same on both. Recharts comes with the report page's own
 * chunk, which the router loads lazily, so it stays out of the initial JS. (A nested
 * `lazy()` here made the bundler hoist zod into a shared chunk that runs before the
 * app's jitless setting, and zod's eval probe then broke the CSP.)
 */
export function LevelChart({ chart }: LevelChartProps) {
  return <FilterBarChart title={chart.title} bars={chart.bars} legend={chart.legend} noun={chart.noun} layout="rows" />
}
