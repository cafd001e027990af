import { z } from 'zod'
import { optionalParam } from '@contract/common'
import { listVulnExceptionQuery, type ListVulnExceptionQuery } from '@contract/exceptions'

/** The page's tabs: what waits for a decision, what holds, what ends soon, what has ended. */
export const exceptionsTab = z.enum(['pending', 'approved', 'expiring', 'expired'])
export type ExceptionsTab = z.infer<typeof exceptionsTab>

/** Deferrals ending within this many days count as "expiring soon". */
export const EXPIRING_SOON_DAYS = 14

export const EXCEPTIONS_TABS: ReadonlyArray<{ id: ExceptionsTab; label: string }> = [
  { id: 'pending', label: 'Pending' },
  { id: 'approved', label: 'Approved' },
  { id: 'expiring', label: `Expiring within ${EXPIRING_SOON_DAYS} days` },
  { id: 'expired', label: 'Expired' },
]

/**
 * The page's URL: the list's own filters (from the contract) and the tab, which stands for
 * the status filter. Pending is the default and stays out of the URL.
 */
export const exceptionsUrlSchema = listVulnExceptionQuery.omit({ status: true, expiringWithinDays: true }).extend({ tab: optionalParam(exceptionsTab) })
export type ExceptionsUrlState = z.output<typeof exceptionsUrlSchema>

/**
 * The list query a tab means.
 *
 * @example
 * listQueryOf({ tab: 'expiring', pageNo: 1, pageSize: 30 })
 * // { pageNo: 1, pageSize: 30, expiringWithinDays: 14, sortBy: 'expiresAt' }
 */
export function listQueryOf(state: ExceptionsUrlState): ListVulnExceptionQuery {
  const { tab = 'pending', ...filters } = state
  switch (tab) {
    case 'pending':
      return { ...filters, status: ['PENDING'] }
    case 'approved':
      return { ...filters, status: ['APPROVED'] }
    case 'expiring':
      return { sortBy: 'expiresAt', ...filters, expiringWithinDays: EXPIRING_SOON_DAYS }
    case 'expired':
      return { ...filters, status: ['EXPIRED'] }
  }
}
