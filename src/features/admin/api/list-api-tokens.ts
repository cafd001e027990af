import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { listApiTokenQuery } from '@contract/auth'
import { callOperation, type CallOptions } from '@/api/client'
import { tokenKeys } from './keys'

export type ListApiTokensParams = z.output<typeof listApiTokenQuery>

export function listApiTokens(params: ListApiTokensParams, options?: CallOptions) {
  return callOperation('listApiToken', { pageNo: params.pageNo, pageSize: params.pageSize, ...(params.includeRevoked ? { includeRevoked: 'true' as const } : {}) }, options)
}

export function listApiTokensOptions(params: ListApiTokensParams) {
  return queryOptions({
    queryKey: tokenKeys.list(params),
    queryFn: ({ signal }) => listApiTokens(params, { signal }),
    placeholderData: keepPreviousData,
  })
}

export function useApiTokens(params: ListApiTokensParams) {
  return useQuery(listApiTokensOptions(params))
}
