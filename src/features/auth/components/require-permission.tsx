import type { ReactNode } from 'react'
import type { OperationName } from '@contract/operations'
import { LoadingState } from '@/components/ui/loading-state'
import { can } from '@/hooks/use-permitted'
import { useSession } from '../api/get-session'
import { AccessDenied } from './access-denied'

export interface RequirePermissionProps {
  /** The operation the page cannot do without. */
  operation: OperationName
  what: string
  needs: string
  children: ReactNode
}

/** Renders the page when the session may call `operation`, else "You need access" at the same URL. */
export function RequirePermission({ operation, what, needs, children }: RequirePermissionProps) {
  const session = useSession()
  if (!session.data) return <LoadingState label="Checking access" lines={3} className="max-w-2xl" />
  return can(session.data, operation) ? children : <AccessDenied session={session.data} what={what} needs={needs} />
}
