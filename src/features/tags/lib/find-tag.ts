import type { RepoTag } from '@contract/repositories'

export interface TagSearchPage {
  items: RepoTag[]
  totalCount: number
  pageNo: number
  pageSize: number
}

/**
 * Looks for a tag by exact name in one page of a substring search (`listRepoTag` with
 * `tag=`). Says whether to ask for the next page: only while rows remain unseen.
 *
 * @example
 * findTagInPage(page, 'v1') // { found: RepoTag } | { found: null, hasMore: true }
 */
export function findTagInPage(page: TagSearchPage, tag: string): { found: RepoTag } | { found: null; hasMore: boolean } {
  const found = page.items.find((item) => item.tag === tag)
  if (found) return { found }
  return { found: null, hasMore: page.items.length > 0 && page.pageNo * page.pageSize < page.totalCount }
}
