import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { VulnerabilityItem } from '@contract/scans'
import { callOperation, type CallOptions } from '@/api/client'
import type { z } from 'zod'
import type { vulnerabilityUrlSchema } from '../lib/report-url-state'
import { scanKeys } from './keys'

export type ListVulnerabilitiesParams = z.output<typeof vulnerabilityUrlSchema> & { scanTaskId: string }

const isFullItem = (item: object): item is VulnerabilityItem => 'cveName' in item

/** One page of a scan's vulnerabilities, as full items (never the FixCmd-only shape). */
export async function listVulnerabilities(params: ListVulnerabilitiesParams, options?: CallOptions) {
  const page = await callOperation('listRepoTagScanResult', params, options)
  return { ...page, items: page.items.filter(isFullItem) }
}

export function listVulnerabilitiesOptions(params: ListVulnerabilitiesParams) {
  return queryOptions({
    queryKey: scanKeys.vulnerabilities(params),
    queryFn: ({ signal }) => listVulnerabilities(params, { signal }),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useVulnerabilities(params: ListVulnerabilitiesParams) {
  return useQuery(listVulnerabilitiesOptions(params))
}
