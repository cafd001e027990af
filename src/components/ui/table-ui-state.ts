/**
 * Everything a data view can be showing, decided once so every table renders the same
 * five cases the same way.
 */
export type TableUIState<T> =
  | { type: 'loading' }
  | { type: 'error'; error: unknown }
  | { type: 'empty' }
  | { type: 'filtered-empty' }
  | { type: 'data'; rows: T[]; isFetching: boolean }

export interface TableUIStateInput<T> {
  /** The query's rows; undefined until the first page arrives. */
  rows: T[] | undefined
  error: unknown
  isFetching: boolean
  /** A search or filter is narrowing the list (or the page is past the first one). */
  isFiltered: boolean
}

/**
 * Derives the view's state from a query. An error wins (a failed refetch must not leave
 * stale rows looking current); no rows yet means loading; an empty page is "empty" or,
 * when filters are on, "filtered-empty" so the user is offered to clear them.
 *
 * @example
 * const query = useQuery(listRepositoryOptions(input))
 * const uiState = getTableUIState({ rows: query.data?.items, error: query.error, isFetching: query.isFetching, isFiltered })
 * // { type: 'loading' } → { type: 'data', rows, isFetching: false }
 */
export function getTableUIState<T>({ rows, error, isFetching, isFiltered }: TableUIStateInput<T>): TableUIState<T> {
  if (error) return { type: 'error', error }
  if (rows === undefined) return { type: 'loading' }
  if (rows.length === 0) return isFiltered ? { type: 'filtered-empty' } : { type: 'empty' }
  return { type: 'data', rows, isFetching }
}
