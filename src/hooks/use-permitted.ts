import { useQuery } from '@tanstack/react-query'
import type { Role, Session } from '@contract/auth'
import type { OperationName } from '@contract/operations'
import { sessionOptions } from '@/api/session'

/** Whether an action may be offered, and if not, why, in words for a tooltip or accessible name. */
export interface Permission {
  allowed: boolean
  /** Null when allowed. */
  reason: string | null
}

/**
 * Whether the session may call an operation: the server answers the list in getSession
 * (server/auth/operation-roles.ts decides), so the SPA never keeps a second copy of the rules.
 *
 * @example
 * can(session, 'createApiToken') // false for an operator
 */
export function can(session: Session | undefined, operation: OperationName): boolean {
  return Boolean(session?.permissions.includes(operation))
}

export const roleLabel: Record<Role, string> = {
  viewer: 'Viewer',
  operator: 'Operator',
  approver: 'Approver',
  admin: 'Admin',
}

/**
 * `can`, with the reason an action is unavailable: still loading, not signed in, or a
 * role that may not call it.
 *
 * @example
 * permission(viewerSession, 'createScanRule') // { allowed: false, reason: 'Your role (Viewer) cannot do this' }
 */
export function permission(session: Session | undefined, operation: OperationName): Permission {
  if (can(session, operation)) return { allowed: true, reason: null }
  if (!session) return { allowed: false, reason: 'Checking your permissions…' }
  const role = session.principal?.role
  return { allowed: false, reason: role ? `Your role (${roleLabel[role]}) cannot do this` : 'Sign in to do this' }
}

/**
 * The signed-in principal's permission for one operation, from the shared session query.
 *
 * @example
 * const start = usePermitted('createRepoTagScanTask')
 * <Button disabled={!start.allowed} title={start.reason ?? undefined}>Scan</Button>
 */
export function usePermitted(operation: OperationName): Permission {
  const session = useQuery(sessionOptions())
  return permission(session.data, operation)
}
