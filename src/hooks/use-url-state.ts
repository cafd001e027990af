import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { z } from 'zod'
import { applyUrlStatePatch, hasActiveFilters, parseUrlState, serializeUrlState, type UrlStateSchema } from './url-state'

export interface UrlStateOptions<S extends UrlStateSchema> {
  /** Defaults the schema does not carry, e.g. a table's initial sort. They stay out of the URL too. */
  defaults?: Partial<z.output<S>>
}

export interface UrlStateApi<S extends UrlStateSchema> {
  state: z.output<S>
  /** Merges a change into the URL (a new history entry); anything but `pageNo` resets to page 1. */
  setState: (patch: Partial<z.output<S>>) => void
  /** Drops every key the schema owns, back to the defaults. */
  reset: () => void
  /** True when a key other than paging or sort differs from its default (filters are applied). */
  isFiltered: boolean
}

/**
 * Page, page size, sort and filters of a list, kept in the query string and parsed with
 * the contract's own zod schema, so every view is a link that reopens the same view.
 * Defaults stay out of the URL and changing anything but the page goes back to page 1.
 *
 * @example
 * const urlSchema = listRepoTagQuery.omit({ instanceId: true, repoId: true })
 * const { state, setState } = useUrlState(urlSchema, { defaults: { sortBy: 'pushTime', sortOrder: 'desc' } })
 * // ?tag=v1&pageNo=2 → state = { tag: 'v1', pageNo: 2, pageSize: 30, sortBy: 'pushTime', sortOrder: 'desc' }
 * setState({ sortBy: 'tag', sortOrder: 'asc' }) // → ?tag=v1&sortBy=tag&sortOrder=asc (page 1 again)
 */
export function useUrlState<S extends UrlStateSchema>(schema: S, options: UrlStateOptions<S> = {}): UrlStateApi<S> {
  const [searchParams, setSearchParams] = useSearchParams()
  const { defaults } = options
  // Callers pass `defaults` as a literal; key on its content so the memo holds.
  const defaultsKey = JSON.stringify(defaults ?? {})
  const stableDefaults = useMemo(() => JSON.parse(defaultsKey) as Partial<z.output<S>>, [defaultsKey])

  const state = useMemo(() => parseUrlState(schema, searchParams, stableDefaults), [schema, searchParams, stableDefaults])

  const setState = useCallback(
    (patch: Partial<z.output<S>>) => {
      setSearchParams((prev) => {
        const current = parseUrlState(schema, prev, stableDefaults)
        const next = applyUrlStatePatch(current as Record<string, unknown>, patch as Record<string, unknown>)
        return serializeUrlState(schema, next as Partial<z.output<S>>, prev, stableDefaults)
      })
    },
    [schema, setSearchParams, stableDefaults],
  )

  const reset = useCallback(() => {
    setSearchParams((prev) => serializeUrlState(schema, {}, prev, stableDefaults))
  }, [schema, setSearchParams, stableDefaults])

  const isFiltered = useMemo(() => hasActiveFilters(schema, state, stableDefaults), [schema, state, stableDefaults])

  return { state, setState, reset, isFiltered }
}
