import type { ReactNode } from 'react'
import type { OperationName } from '@contract/operations'
import { can } from '@/hooks/use-permitted'
import { useSession } from '../api/get-session'

export interface PermittedProps {
  operation: OperationName
  children: ReactNode
}

/**
 * Shows its children only to a session that may call `operation`: actions a role cannot
 * take are not offered (the server refuses them anyway).
 *
 * @example
 * <Permitted operation="listAuditEvent"><NavLink to="/audit">Audit log</NavLink></Permitted>
 */
export function Permitted({ operation, children }: PermittedProps) {
  const session = useSession()
  return can(session.data, operation) ? children : null
}
