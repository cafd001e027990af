import type { ListAuditEventsParams } from './list-audit-events'

/** Query keys of the audit log; every fetcher input is in its key. */
export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (params: ListAuditEventsParams) => [...auditKeys.lists(), params] as const,
}
