import { describe, expect, it } from 'vitest'
import { barEmphasis, isActiveFilterBar } from './active-filter-bar'

const high = { tab: 'baseline', filters: { level: 'High' } } as const
const layer = { tab: 'vulnerabilities', filters: { layerIndex: 3 } } as const
const active = (search: string, bar: Parameters<typeof isActiveFilterBar>[1]) =>
  isActiveFilterBar(new URLSearchParams(search), bar)

describe('isActiveFilterBar', () => {
  it('is the bar whose filter the URL of its tab holds, whatever else the URL holds', () => {
    expect(active('tab=baseline&level=High', high)).toBe(true)
    expect(active('tab=baseline&level=High&pageNo=2&category=Secrets', high)).toBe(true)
    expect(active('tab=vulnerabilities&layerIndex=3', layer)).toBe(true)
  })

  it('is not a bar of another value, another tab, or a filter given twice', () => {
    expect(active('tab=baseline&level=Low', high)).toBe(false)
    expect(active('tab=baseline', high)).toBe(false)
    expect(active('tab=malicious&level=High', high)).toBe(false)
    expect(active('tab=baseline&level=High&level=Low', high)).toBe(false)
    expect(active('tab=vulnerabilities&layerIndex=30', layer)).toBe(false)
  })

  it('marks nothing on the Overview, whose bars open other tabs', () => {
    expect(active('', { tab: 'vulnerabilities', filters: { severity: 'High' } })).toBe(false)
  })
})

describe('barEmphasis', () => {
  it('outlines the active bar and fades the others, and leaves all plain when none is active', () => {
    expect(barEmphasis([false, true, false])).toEqual(['dimmed', 'active', 'dimmed'])
    expect(barEmphasis([false, false])).toEqual(['plain', 'plain'])
  })
})
