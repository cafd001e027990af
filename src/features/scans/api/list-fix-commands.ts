import { queryOptions } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { uniqueFixCommands } from '../lib/fix-commands'
import type { ListVulnerabilitiesParams } from './list-vulnerabilities'
import { scanKeys } from './keys'

/** At most this many pages of 100 are read for "Copy fix commands" (10,000 rows). */
const MAX_PAGES = 100

/**
 * Every distinct fix command of the rows a filter selects, read with `filterValue=FixCmd`
 * (the rows reduced to their command, as ACR answers) page by page.
 */
export async function listFixCommands(params: FixCommandsParams, options?: CallOptions): Promise<string[]> {
  const items: Array<{ fixCmd?: string | undefined }> = []
  for (let pageNo = 1; pageNo <= MAX_PAGES; pageNo += 1) {
    const page = await callOperation('listRepoTagScanResult', { ...params, filterValue: 'FixCmd', pageNo, pageSize: 100 }, options)
    items.push(...page.items)
    if (pageNo * page.pageSize >= page.totalCount) break
  }
  return uniqueFixCommands(items)
}

export type FixCommandsParams = Omit<ListVulnerabilitiesParams, 'pageNo' | 'pageSize'>

/** The fix commands of every row a filter selects; the page on screen does not matter. */
export function fixCommandsOptions(filters: FixCommandsParams) {
  return queryOptions({
    queryKey: scanKeys.fixCommands(filters),
    queryFn: ({ signal }) => listFixCommands(filters, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  })
}
