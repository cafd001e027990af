import { describe, expect, it } from 'vitest'
import { getTableUIState } from './table-ui-state'

const base = { rows: undefined, error: null, isFetching: false, isFiltered: false }

describe('getTableUIState', () => {
  it('is loading before the first page', () => {
    expect(getTableUIState({ ...base, isFetching: true })).toEqual({ type: 'loading' })
  })

  it('shows an error, even over rows a failed refetch left behind', () => {
    const error = new Error('boom')
    expect(getTableUIState({ ...base, error })).toEqual({ type: 'error', error })
    expect(getTableUIState({ ...base, rows: [1, 2], error })).toEqual({ type: 'error', error })
  })

  it('tells empty from filtered-empty', () => {
    expect(getTableUIState({ ...base, rows: [] })).toEqual({ type: 'empty' })
    expect(getTableUIState({ ...base, rows: [], isFiltered: true })).toEqual({ type: 'filtered-empty' })
  })

  it('keeps rows and says whether a newer page is on its way', () => {
    expect(getTableUIState({ ...base, rows: ['a'] })).toEqual({ type: 'data', rows: ['a'], isFetching: false })
    expect(getTableUIState({ ...base, rows: ['a'], isFetching: true, isFiltered: true })).toEqual({
      type: 'data',
      rows: ['a'],
      isFetching: true,
    })
  })
})
