import { describe, expect, it } from 'vitest'
import { getPageItems, getRangeLabel } from './pagination-items'

const render = (items: ReturnType<typeof getPageItems>) => items.map((i) => (i.type === 'page' ? String(i.page) : '…')).join(' ')

describe('getPageItems', () => {
  it('lists every page when there are few', () => {
    expect(render(getPageItems(1, 1))).toBe('1')
    expect(render(getPageItems(1, 0))).toBe('1')
    expect(render(getPageItems(3, 7))).toBe('1 2 3 4 5 6 7')
  })
  it('skips pages around the current one', () => {
    expect(render(getPageItems(1, 20))).toBe('1 2 3 4 5 … 20')
    expect(render(getPageItems(6, 20))).toBe('1 … 5 6 7 … 20')
    expect(render(getPageItems(20, 20))).toBe('1 … 16 17 18 19 20')
    expect(render(getPageItems(17, 20))).toBe('1 … 16 17 18 19 20')
  })
  it('never shows more than 7 items', () => {
    for (let p = 1; p <= 50; p += 1) expect(getPageItems(p, 50).length).toBeLessThanOrEqual(7)
  })
  it('clamps a page past the end', () => {
    expect(render(getPageItems(99, 3))).toBe('1 2 3')
  })
})

describe('getRangeLabel', () => {
  it('says which rows are shown', () => {
    expect(getRangeLabel(1, 30, 45)).toBe('1–30 of 45')
    expect(getRangeLabel(2, 30, 45)).toBe('31–45 of 45')
    expect(getRangeLabel(1, 10, 0)).toBe('0 of 0')
    expect(getRangeLabel(5, 100, 12345)).toBe('401–500 of 12,345')
  })
  it('does not invent rows past the end', () => {
    expect(getRangeLabel(9, 30, 45)).toBe('0 of 45')
  })
})
