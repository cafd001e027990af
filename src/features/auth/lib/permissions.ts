import type { Role, Session } from '@contract/auth'
import type { OperationName } from '@contract/operations'

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

/** "Ada (Admin)", or what the app calls the person when sign-in is off. */
export function principalLabel(session: Session | undefined): string | null {
  const p = session?.principal
  if (!p) return null
  return p.via === 'loopback' ? 'Local operator' : `${p.name} (${roleLabel[p.role]})`
}
