import type { ListVulnExceptionQuery } from '@contract/exceptions'

/** Query keys of vulnerability exceptions; every fetcher input is in its key. */
export const exceptionKeys = {
  all: ['exceptions'] as const,
  lists: () => [...exceptionKeys.all, 'list'] as const,
  list: (params: ListVulnExceptionQuery) => [...exceptionKeys.lists(), params] as const,
}
