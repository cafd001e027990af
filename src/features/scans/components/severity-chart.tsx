import { Bar, BarChart, CartesianGrid, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts'
import type { SeverityCounts } from '@contract/scans'
import { ChartContainer } from '@/components/ui/chart-container'
import { describeSeverityCounts } from '../lib/severity'
import { severityChartConfig, severityChartData, type SeverityBar } from '../lib/severity-chart'

export interface SeverityChartProps {
  counts: SeverityCounts
}

/** Each bar in its severity's colour (Recharts' `shape`, which replaces the deprecated `Cell`). */
function SeverityBarShape(props: BarShapeProps) {
  const bar = props.payload as SeverityBar | undefined
  return <Rectangle {...props} fill={bar?.color ?? 'currentColor'} />
}

const tick = { fill: 'currentColor', fontSize: 12 }

/** The severity distribution of a scan: five bars, worst first. */
export function SeverityChart({ counts }: SeverityChartProps) {
  const data = severityChartData(counts)
  const summary = `Severity distribution: ${describeSeverityCounts(counts)}.`
  return (
    <ChartContainer title="Severity distribution" config={severityChartConfig} summary={summary} height={130}>
      <BarChart responsive data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} title="Severity distribution" desc={summary} style={{ width: '100%', height: '100%' }}>
        <CartesianGrid vertical={false} stroke="var(--ls-line)" />
        <XAxis dataKey="severity" tickLine={false} axisLine={{ stroke: 'var(--ls-line)' }} tick={tick} />
        <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={tick} width={40} />
        <Tooltip
          cursor={{ fill: 'var(--ls-surface-muted)' }}
          contentStyle={{ background: 'var(--ls-surface)', border: '1px solid var(--ls-line)', borderRadius: 6, color: 'var(--ls-fg)', fontSize: 12 }}
          labelStyle={{ color: 'var(--ls-fg)', fontWeight: 600 }}
          itemStyle={{ color: 'var(--ls-fg)' }}
        />
        <Bar dataKey="count" name="Vulnerabilities" shape={SeverityBarShape} radius={[3, 3, 0, 0]} maxBarSize={48} isAnimationActive={false} />
      </BarChart>
    </ChartContainer>
  )
}
