import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { ListVulnExceptionQuery } from '@contract/exceptions'
import { callOperation, type CallOptions } from '@/api/client'
import { exceptionKeys } from './keys'

export function listExceptions(params: ListVulnExceptionQuery, options?: CallOptions) {
  return callOperation('listVulnException', params, options)
}

export function listExceptionsOptions(params: ListVulnExceptionQuery) {
  return queryOptions({
    queryKey: exceptionKeys.list(params),
    queryFn: ({ signal }) => listExceptions(params, { signal }),
    placeholderData: keepPreviousData,
  })
}

export function useExceptions(params: ListVulnExceptionQuery) {
  return useQuery(listExceptionsOptions(params))
}
