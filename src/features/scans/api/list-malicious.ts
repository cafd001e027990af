import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { callOperation, type CallOptions } from '@/api/client'
import type { maliciousUrlSchema } from '../lib/report-url-state'
import { scanKeys } from './keys'

export type ListMaliciousParams = z.output<typeof maliciousUrlSchema> & { scanTaskId: string }

export function listMalicious(params: ListMaliciousParams, options?: CallOptions) {
  return callOperation('listScanMaliciousFileByTask', params, options)
}

/** One page of the malicious files a scan found, serious first. */
export function listMaliciousOptions(params: ListMaliciousParams) {
  return queryOptions({
    queryKey: scanKeys.malicious(params),
    queryFn: ({ signal }) => listMalicious(params, { signal }),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useMalicious(params: ListMaliciousParams) {
  return useQuery(listMaliciousOptions(params))
}
