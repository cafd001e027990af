import type { ReactNode } from 'react'
import type { Role } from '@contract/auth'
import type { OperationName } from '@contract/operations'
import { LoadingState } from '@/components/ui/loading-state'
import { can } from '@/hooks/use-permitted'
import { useSession } from '../api/get-session'
import { AccessDenied, type AccessBackLink } from './access-denied'

export interface RequirePermissionProps {
  /** The operation the page cannot do without. */
  operation: OperationName
  /** What the page lets people do, as a sentence's subject: "Seeing the API tokens". */
  what: string
  /** The role `operation` needs (server/auth/operation-roles.ts; e2e/access-viewer.spec.ts checks the words). */
  needs: Role
  /** Where "back" leads; default the instances. */
  back?: AccessBackLink | undefined
  children: ReactNode
}

/**
 * Renders the page when the session may call `operation`, else "You need access" at the
 * same URL. Wrap the whole page, above anything that mounts its form or sets the title:
 * the children are not rendered at all for a role that may not use them.
 *
 * @example
 * <RequirePermission operation="createScanRule" what="Creating scan rules" needs="operator"><NewRuleForm /></RequirePermission>
 */
export function RequirePermission({ operation, what, needs, back, children }: RequirePermissionProps) {
  const session = useSession()
  if (!session.data) return <LoadingState label="Checking access" lines={3} className="max-w-2xl" />
  return can(session.data, operation) ? (
    children
  ) : (
    <AccessDenied session={session.data} what={what} needs={needs} back={back} />
  )
}
