import { useQueryClient } from '@tanstack/react-query'
import { useEffect, type ReactNode } from 'react'
import { Outlet } from 'react-router'
import { onSignedOut } from '@/api/client'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { useSession } from '../api/get-session'
import { authKeys } from '../api/keys'
import { SignInPanel } from './sign-in-panel'

export interface SessionGateProps {
  /** What to show once the session is known and allows it; default the matched child route. */
  children?: ReactNode
}

/**
 * Every page but sign-in renders inside this. Nobody signed in (a shared link opened
 * cold, a session that expired mid-visit): the sign-in card is shown at the same URL, and
 * once signed in the page itself appears — never a blank page, never a lost link.
 * Nothing inside mounts before the session is known, so no data query of a page (or of
 * its breadcrumbs) is sent before sign-in only to fail and be sent again.
 */
export function SessionGate({ children }: SessionGateProps) {
  const session = useSession()
  const queryClient = useQueryClient()

  // Any call answered UNAUTHENTICATED means the session is gone: ask again, and the card appears.
  useEffect(
    () => onSignedOut(() => void queryClient.invalidateQueries({ queryKey: authKeys.session() })),
    [queryClient],
  )

  if (session.isPending) return <LoadingState label="Checking sign-in" lines={4} className="max-w-2xl" />
  if (session.isError) {
    return (
      <ErrorState
        error={session.error}
        title="Could not reach the Layerscope server"
        onRetry={() => void session.refetch()}
        retrying={session.isFetching}
      />
    )
  }
  if (session.data.authMode === 'required' && !session.data.principal)
    return <SignInPanel proxy={session.data.signIn.proxy} />
  return children ?? <Outlet />
}
