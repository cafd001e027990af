import { renderToStaticMarkup } from 'react-dom/server'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { barName, baselineBars } from '../../lib/overview-charts'
import { FilterChipList } from './filter-link'

const bars = baselineBars({ total: 8, high: 4, medium: 3, low: 1 })

/** Each link of the chart's list: its accessible name and whether it is marked current. */
function links(search: string): [string, string | null][] {
  const html = renderToStaticMarkup(
    <MemoryRouter initialEntries={[`/scans/t1${search}`]}>
      <FilterChipList
        label="Baseline risks by level filters"
        bars={bars}
        nameOf={(bar) => barName(bar, ['risk', 'risks'])}
      />
    </MemoryRouter>,
  )
  const tags = [...html.matchAll(/<a [^>]*>/g)].map(([tag]) => tag)
  return tags.map((tag) => [
    /aria-label="([^"]*)"/.exec(tag)?.[1] ?? '',
    /aria-current="([^"]*)"/.exec(tag)?.[1] ?? null,
  ])
}

describe('chart filter links', () => {
  it('mark the active filter’s link current, and only it', () => {
    expect(links('?tab=baseline&level=Medium')).toEqual([
      ['Baseline risks: High, 4 risks, filter', null],
      ['Baseline risks: Medium, 3 risks, filter', 'true'],
      ['Baseline risks: Low, 1 risk, filter', null],
    ])
  })

  it('mark none without a filter', () => {
    expect(links('?tab=baseline').every(([, current]) => current === null)).toBe(true)
  })
})
