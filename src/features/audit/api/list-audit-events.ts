import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { listAuditEventQuery } from '@contract/audit'
import { callOperation, type CallOptions } from '@/api/client'
import { auditKeys } from './keys'

export type ListAuditEventsParams = z.output<typeof listAuditEventQuery>

export function listAuditEvents(params: ListAuditEventsParams, options?: CallOptions) {
  return callOperation('listAuditEvent', params, options)
}

export function listAuditEventsOptions(params: ListAuditEventsParams) {
  return queryOptions({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => listAuditEvents(params, { signal }),
    placeholderData: keepPreviousData,
  })
}

export function useAuditEvents(params: ListAuditEventsParams) {
  return useQuery(listAuditEventsOptions(params))
}
