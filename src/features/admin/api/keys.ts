import type { ListApiTokensParams } from './list-api-tokens'

/** Query keys of API tokens, general → specific; every fetcher input is in its key. */
export const tokenKeys = {
  all: ['apiTokens'] as const,
  lists: () => [...tokenKeys.all, 'list'] as const,
  list: (params: ListApiTokensParams) => [...tokenKeys.lists(), params] as const,
}
