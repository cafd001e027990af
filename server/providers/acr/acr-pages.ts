/** The page size asked of ACR's lists: the largest ACR documents. */
export const ACR_PAGE_SIZE = 100
/** A ceiling on pages read from one list, so a server that never stops paging cannot loop forever. */
const MAX_PAGES = 1_000

/**
 * Reads every page of an ACR list. Stops at `TotalCount`, or at a short page when ACR
 * leaves the count out.
 *
 * @example
 * const repos = await acrPages((PageNo, PageSize) => listRepositories(PageNo, PageSize))
 */
export async function acrPages<T>(page: (pageNo: number, pageSize: number) => Promise<{ items: T[]; total: number | undefined }>): Promise<T[]> {
  const all: T[] = []
  for (let pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
    const { items, total } = await page(pageNo, ACR_PAGE_SIZE)
    all.push(...items)
    if (items.length === 0 || items.length < ACR_PAGE_SIZE || (total !== undefined && all.length >= total)) break
  }
  return all
}
