import type { ListVulnExceptionQuery } from '@contract/exceptions'
import { queryRoots } from '@/api/query-roots'

/** Query keys of vulnerability exceptions; every fetcher input is in its key. */
export const exceptionKeys = {
  all: queryRoots.exceptions,
  lists: () => [...exceptionKeys.all, 'list'] as const,
  list: (params: ListVulnExceptionQuery) => [...exceptionKeys.lists(), params] as const,
}
