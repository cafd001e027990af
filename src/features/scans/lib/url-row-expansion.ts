import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { RowExpansion } from '@/components/ui/row-expansion'

/** The query-string key of the expanded rows (repeated for several). */
export const EXPANDED_PARAM = 'expanded'

/**
 * The query string with one row expanded or collapsed; the rest is kept as it is.
 *
 * @example
 * toggleExpanded(new URLSearchParams('severity=High'), 'CVE-1|c1').toString() // 'severity=High&expanded=CVE-1%7Cc1'
 */
export function toggleExpanded(params: URLSearchParams, rowId: string): URLSearchParams {
  const current = params.getAll(EXPANDED_PARAM)
  const next = new URLSearchParams(params)
  next.delete(EXPANDED_PARAM)
  const rows = current.includes(rowId) ? current.filter((id) => id !== rowId) : [...current, rowId]
  for (const id of rows) next.append(EXPANDED_PARAM, id)
  return next
}

/**
 * Row expansion kept in the URL (`?expanded=<row id>`), so a copied link reopens the view
 * with the same row open. A drop-in for `useRowExpansion`.
 *
 * @example
 * const expansion = useUrlRowExpansion()
 * <RowExpansionProvider value={expansion}>…</RowExpansionProvider>
 */
export function useUrlRowExpansion(): RowExpansion {
  const [params, setParams] = useSearchParams()
  const expandedKey = params.getAll(EXPANDED_PARAM).join('\n')
  // Replace, not push: opening a row is not a place the back button should step through.
  const toggle = useCallback((rowId: string) => setParams((prev) => toggleExpanded(prev, rowId), { replace: true }), [setParams])
  return useMemo(() => {
    const expanded = new Set(expandedKey ? expandedKey.split('\n') : [])
    return { isExpanded: (rowId: string) => expanded.has(rowId), toggle }
  }, [expandedKey, toggle])
}
