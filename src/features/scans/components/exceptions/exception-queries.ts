import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CreateVulnExceptionBody } from '@contract/exceptions'
import { callOperation } from '@/api/client'
import { queryRoots } from '@/api/query-roots'
import { sessionOptions } from '@/api/session'
import { toast } from '@/lib/toast'
import { scanKeys } from '../../api/keys'
import { decisionNote } from './exception-decision-note'

/**
 * Keys of a finding's exceptions. They sit under the exceptions' root key (queryRoots),
 * so a decision on the exceptions page and a request here both refresh every exception view.
 */
export const findingExceptionKeys = {
  all: queryRoots.exceptions,
  findings: () => [...findingExceptionKeys.all, 'finding'] as const,
  finding: (scanTaskId: string, cveName: string, componentId: string) =>
    [...findingExceptionKeys.findings(), scanTaskId, cveName, componentId] as const,
}

/**
 * A finding's state now and every exception, in any status, that covers it, each with its
 * history, newest request first. The server decides coverage with the rule the lists and
 * counts use, so the expanded row cannot disagree with them.
 */
export function findingExceptionsOptions(scanTaskId: string, cveName: string, componentId: string) {
  return queryOptions({
    queryKey: findingExceptionKeys.finding(scanTaskId, cveName, componentId),
    queryFn: ({ signal }) =>
      callOperation('getFindingExceptions', { scanTaskId, cveName, componentId }, { signal }),
  })
}

export function useFindingExceptions(scanTaskId: string, cveName: string, componentId: string) {
  return useQuery(findingExceptionsOptions(scanTaskId, cveName, componentId))
}

export function requestException(body: CreateVulnExceptionBody) {
  return callOperation('createVulnException', body)
}

/**
 * Requests an exception for one or more findings of a scan. A failure is shown in the
 * dialog, next to the field the server names (no toast); success toasts and refreshes
 * the exception views and the scan's lists, whose rows say what is pending.
 */
export function useRequestException() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: requestException,
    onSuccess: async ({ items }, body) => {
      toast.success(
        `Requested ${items.length === 1 ? 'an exception' : `${items.length} exceptions`}`,
        decisionNote(queryClient.getQueryData(sessionOptions().queryKey)?.authMode),
      )
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: findingExceptionKeys.all }),
        queryClient.invalidateQueries({ queryKey: scanKeys.results(body.scanTaskId) }),
      ])
    },
  })
}
