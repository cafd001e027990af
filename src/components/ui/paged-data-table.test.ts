import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { urlSortProps } from './paged-data-table'

const sortBy = z.enum(['repoName', 'lastPushTime'])
const defaults = { sortBy: 'repoName', sortOrder: 'asc' } as const

describe('urlSortProps', () => {
  it('reads the sort from the URL, falling back to the defaults', () => {
    const setState = vi.fn()
    expect(urlSortProps({ state: {}, setState }, sortBy, defaults).sort).toEqual({ sortBy: 'repoName', sortOrder: 'asc' })
    expect(urlSortProps({ state: { sortBy: 'lastPushTime', sortOrder: 'desc' }, setState }, sortBy, defaults).sort).toEqual({
      sortBy: 'lastPushTime',
      sortOrder: 'desc',
    })
  })

  it('writes a column the contract sorts by and ignores any other', () => {
    const setState = vi.fn()
    const { onSortChange } = urlSortProps({ state: {}, setState }, sortBy, defaults)
    onSortChange({ sortBy: 'lastPushTime', sortOrder: 'desc' })
    onSortChange({ sortBy: 'tagCount', sortOrder: 'asc' })
    expect(setState.mock.calls).toEqual([[{ sortBy: 'lastPushTime', sortOrder: 'desc' }]])
  })
})
