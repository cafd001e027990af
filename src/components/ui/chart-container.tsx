import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

export interface ChartSeriesConfig {
  label: string
  /** A CSS colour, normally a variable from styles.css (`var(--severity-high)`). */
  color: string
}

export interface ChartContainerProps {
  /** The visible title, also the chart's accessible name. */
  title: string
  /** Which series the chart draws and how: the legend is built from it. */
  config: Readonly<Record<string, ChartSeriesConfig>>
  /** A text alternative of the data for screen readers ("3 critical, 7 high, …"). */
  summary: string
  /** Height of the drawing area in pixels. */
  height?: number
  children: ReactNode
  className?: string
}

/**
 * The frame of every chart: a visible title, a legend from the series config (so colour
 * is never the only key), and a text summary for screen readers. Recharts draws inside
 * with its `accessibilityLayer` (arrow keys walk the data); colours come from CSS
 * variables, so both themes need nothing more.
 *
 * @example
 * <ChartContainer title="Severity distribution" config={config} summary="3 critical, 7 high">
 *   <BarChart responsive data={data}>…</BarChart>
 * </ChartContainer>
 */
export function ChartContainer({ title, config, summary, height = 180, children, className }: ChartContainerProps) {
  return (
    <figure className={cn('flex min-w-0 flex-col gap-2', className)}>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="text-sm font-semibold text-fg">{title}</span>
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-fg-muted" aria-hidden="true">
          {Object.entries(config).map(([key, series]) => (
            <li key={key} className="inline-flex items-center gap-1">
              <span className="size-2.5 rounded-sm" style={{ background: series.color }} />
              {series.label}
            </li>
          ))}
        </ul>
      </figcaption>
      <p className="sr-only">{summary}</p>
      <div className="w-full text-fg-muted" style={{ height }}>
        {children}
      </div>
    </figure>
  )
}
