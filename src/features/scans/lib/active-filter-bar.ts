import type { FilterBar } from './overview-charts'
import { currentReportTab } from './report-url-state'

/**
 * Whether the URL shows the list a bar leads to: its tab, with each of its filters set to
 * the bar's value (and only that one). Other keys, such as the page or a second filter,
 * do not matter: the bar's filter is still in effect. On the Overview no bar is active,
 * because its bars lead to other tabs.
 *
 * @example
 * isActiveFilterBar(new URLSearchParams('tab=baseline&level=High'), { tab: 'baseline', filters: { level: 'High' } }) // true
 */
export function isActiveFilterBar(params: URLSearchParams, bar: Pick<FilterBar, 'tab' | 'filters'>): boolean {
  if (currentReportTab(params) !== bar.tab) return false
  const filters = Object.entries(bar.filters)
  return (
    filters.length > 0 &&
    filters.every(([key, value]) => {
      const values = params.getAll(key)
      return values.length === 1 && values[0] === String(value)
    })
  )
}

/** How a bar is drawn: the active filter's bar stands out, the others step back; none when no bar is active. */
export type BarEmphasis = 'active' | 'dimmed' | 'plain'

/**
 * The emphasis of each bar of a chart, in order.
 *
 * @example
 * barEmphasis([false, true, false]) // ['dimmed', 'active', 'dimmed']
 */
export function barEmphasis(active: readonly boolean[]): BarEmphasis[] {
  const any = active.some(Boolean)
  return active.map((on) => (on ? 'active' : any ? 'dimmed' : 'plain'))
}

/**
 * SVG paint for a bar's emphasis. The active bar gets an outline in the text colour, which
 * meets the 3:1 contrast of non-text marks on the chart's background in both themes; the
 * others fade, so the colour alone does not have to carry the difference.
 */
export const barPaint: Record<BarEmphasis, { fillOpacity: number; stroke?: string; strokeWidth?: number }> = {
  active: { fillOpacity: 1, stroke: 'var(--ls-fg)', strokeWidth: 2 },
  dimmed: { fillOpacity: 0.35 },
  plain: { fillOpacity: 1 },
}
