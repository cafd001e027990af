import { useNavigate } from 'react-router'
import { Bar, BarChart, CartesianGrid, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts'
import { ChartContainer, type ChartSeriesConfig } from '@/components/ui/chart-container'
import { barEmphasis, barPaint, type BarEmphasis } from '../../lib/active-filter-bar'
import { barName, describeBars, NEUTRAL_BAR, type FilterBar } from '../../lib/overview-charts'
import { FilterChipList, focusReportPanel, useFilterSearch, useIsActiveFilterBar } from './filter-link'

export interface FilterBarChartProps {
  title: string
  bars: FilterBar[]
  /** `columns`: upright bars, categories along the bottom; `rows`: one bar per line, labels on the left. */
  layout?: 'columns' | 'rows'
  /** The legend; by default one neutral series, "Findings". */
  legend?: Readonly<Record<string, ChartSeriesConfig>>
  /** Singular and plural of what the bars count, for the links' names. */
  noun?: readonly [string, string]
  height?: number
  /** The text alternative; by default each bar's label and count. */
  summary?: string
  className?: string
}

const FINDINGS_LEGEND = { findings: { label: 'Findings', color: NEUTRAL_BAR } }
const tick = { fill: 'currentColor', fontSize: 11 }

/** A bar as Recharts gets it: with how it is drawn next to the active filter's bar. */
type ChartBar = FilterBar & { emphasis: BarEmphasis }

/** Each bar in its own colour (Recharts' `shape`, which replaces the deprecated `Cell`), the active filter's outlined. */
function ColoredBar(props: BarShapeProps) {
  const bar = props.payload as ChartBar | undefined
  return <Rectangle {...props} fill={bar?.color ?? 'currentColor'} {...barPaint[bar?.emphasis ?? 'plain']} />
}

/**
 * A bar chart whose bars open the list they count: click a bar, or use the link under
 * the chart that carries the same label, count and filter. The drawing is hidden from
 * assistive technology; the chart's summary and its links are what it reads.
 */
export function FilterBarChart({ title, bars, layout = 'columns', legend = FINDINGS_LEGEND, noun, height, summary, className }: FilterBarChartProps) {
  const navigate = useNavigate()
  const searchFor = useFilterSearch()
  const isActive = useIsActiveFilterBar()
  const emphasis = barEmphasis(bars.map(isActive))
  const data: ChartBar[] = bars.map((bar, i) => ({ ...bar, emphasis: emphasis[i] ?? 'plain' }))
  const open = (bar: FilterBar | undefined) => {
    if (!bar || bar.count === 0) return
    void navigate({ search: searchFor(bar) })
    focusReportPanel(bar.tab)
  }
  const rows = layout === 'rows'
  return (
    <div className={className}>
      <ChartContainer title={title} config={legend} summary={summary ?? describeBars(title, bars)} height={height ?? (rows ? 28 * bars.length + 16 : 150)}>
        <div aria-hidden="true" className="size-full">
          <BarChart
            responsive
            accessibilityLayer={false}
            data={data}
            layout={rows ? 'vertical' : 'horizontal'}
            margin={{ top: 4, right: 12, bottom: 0, left: rows ? 0 : -16 }}
            style={{ width: '100%', height: '100%' }}
          >
            <CartesianGrid horizontal={!rows} vertical={rows} stroke="var(--ls-line)" />
            {rows ? (
              <>
                <XAxis type="number" allowDecimals={false} tickLine={false} axisLine={false} tick={tick} />
                <YAxis type="category" dataKey="label" width={104} interval={0} tickLine={false} axisLine={{ stroke: 'var(--ls-line)' }} tick={tick} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" tickLine={false} axisLine={{ stroke: 'var(--ls-line)' }} tick={tick} interval={0} />
                <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={tick} width={40} />
              </>
            )}
            <Tooltip
              cursor={{ fill: 'var(--ls-surface-muted)' }}
              contentStyle={{ background: 'var(--ls-surface)', border: '1px solid var(--ls-line)', borderRadius: 6, color: 'var(--ls-fg)', fontSize: 12 }}
              labelStyle={{ color: 'var(--ls-fg)', fontWeight: 600 }}
              itemStyle={{ color: 'var(--ls-fg)' }}
            />
            <Bar
              dataKey="count"
              name={noun?.[1] ?? 'Findings'}
              shape={ColoredBar}
              radius={rows ? [0, 3, 3, 0] : [3, 3, 0, 0]}
              maxBarSize={rows ? 18 : 40}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(_, index) => open(bars[index])}
            />
          </BarChart>
        </div>
      </ChartContainer>
      <div className="mt-2">
        <FilterChipList label={`${title} filters`} bars={bars} nameOf={(bar) => barName(bar, noun)} />
      </div>
    </div>
  )
}
