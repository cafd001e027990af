export type PageItem = { type: 'page'; page: number } | { type: 'gap'; key: string }

/**
 * The page buttons to show: always the first and last page, the pages around the
 * current one, and a gap where pages are skipped; never more than 7 items.
 *
 * @example
 * getPageItems(6, 20) // 1 … 5 6 7 … 20
 * getPageItems(2, 4)  // 1 2 3 4
 */
export function getPageItems(current: number, pageCount: number): PageItem[] {
  const count = Math.max(1, pageCount)
  const page = Math.min(Math.max(1, current), count)
  const page_ = (n: number): PageItem => ({ type: 'page', page: n })
  if (count <= 7) return Array.from({ length: count }, (_, i) => page_(i + 1))
  if (page <= 4) return [...[1, 2, 3, 4, 5].map(page_), { type: 'gap', key: 'end' }, page_(count)]
  if (page >= count - 3) return [page_(1), { type: 'gap', key: 'start' }, ...[4, 3, 2, 1, 0].map((d) => page_(count - d))]
  return [page_(1), { type: 'gap', key: 'start' }, page_(page - 1), page_(page), page_(page + 1), { type: 'gap', key: 'end' }, page_(count)]
}

/**
 * "x–y of N" for the rows on screen.
 *
 * @example
 * getRangeLabel(2, 30, 45) // '31–45 of 45'
 */
export function getRangeLabel(pageNo: number, pageSize: number, totalCount: number): string {
  if (totalCount === 0) return '0 of 0'
  const fmt = new Intl.NumberFormat('en-US')
  const first = (pageNo - 1) * pageSize + 1
  if (first > totalCount) return `0 of ${fmt.format(totalCount)}`
  const last = Math.min(pageNo * pageSize, totalCount)
  return `${fmt.format(first)}–${fmt.format(last)} of ${fmt.format(totalCount)}`
}
