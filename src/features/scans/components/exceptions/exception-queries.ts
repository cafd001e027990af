import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CreateVulnExceptionBody, VulnExceptionWithHistory } from '@contract/exceptions'
import { callOperation, type CallOptions } from '@/api/client'
import { toast } from '@/lib/toast'
import { scanKeys } from '../../api/keys'
import { coversFinding, type FindingPackage, type ScanImage } from './finding-coverage'

/**
 * Keys of a finding's exceptions. They sit under the exceptions feature's root key
 * (`['exceptions']`, which the scans feature may not import), so a decision on the
 * exceptions page and a request here both refresh every exception view.
 */
export const findingExceptionKeys = {
  all: ['exceptions'] as const,
  findings: () => [...findingExceptionKeys.all, 'finding'] as const,
  finding: (image: ScanImage, finding: FindingPackage) =>
    [...findingExceptionKeys.findings(), image, finding] as const,
}

// The list answers at most 100 rows a page; more exceptions for one CVE in one instance is not a case worth paging for.
const PAGE_SIZE = 100

/**
 * Every exception, in any status, that is about this finding in this image, each with its
 * history, newest request first: the list narrowed by CVE in SQL, then by package and
 * scope here (see coversFinding), then each read with its history.
 */
export async function listFindingExceptions(
  image: ScanImage,
  finding: FindingPackage,
  options?: CallOptions,
): Promise<VulnExceptionWithHistory[]> {
  const page = await callOperation(
    'listVulnException',
    { instanceId: image.instanceId, cveName: finding.cveName, pageSize: PAGE_SIZE },
    options,
  )
  const covering = page.items.filter((e) => coversFinding(e, image, finding))
  const detailed = await Promise.all(
    covering.map((e) => callOperation('getVulnException', { exceptionId: e.exceptionId }, options)),
  )
  return detailed.sort((a, b) => b.requestTime - a.requestTime)
}

export function findingExceptionsOptions(image: ScanImage, finding: FindingPackage) {
  return queryOptions({
    queryKey: findingExceptionKeys.finding(image, finding),
    queryFn: ({ signal }) => listFindingExceptions(image, finding, { signal }),
  })
}

/** The exceptions of one finding; waits until the image is known. */
export function useFindingExceptions(image: ScanImage | undefined, finding: FindingPackage) {
  return useQuery({
    ...findingExceptionsOptions(image ?? { instanceId: '', repoId: '', digest: '' }, finding),
    enabled: image !== undefined,
  })
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
        'An approver decides it on the Exceptions page.',
      )
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: findingExceptionKeys.all }),
        queryClient.invalidateQueries({ queryKey: scanKeys.results(body.scanTaskId) }),
      ])
    },
  })
}
