import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useSession } from '../api/get-session'
import { safeReturnTo } from '../lib/return-to'
import { SignInPanel } from './sign-in-panel'

/** `/sign-in?returnTo=…`: signs in, then goes back to the page that sent the person here. */
export function SignInPage() {
  useDocumentTitle('Sign in')
  const [params] = useSearchParams()
  const returnTo = safeReturnTo(params.get('returnTo'))
  const navigate = useNavigate()
  const session = useSession()

  if (session.isPending)
    return <LoadingState label="Checking sign-in" lines={3} className="mx-auto mt-8 w-full max-w-md" />
  if (session.isError)
    return (
      <ErrorState
        error={session.error}
        title="Could not reach the server"
        onRetry={() => void session.refetch()}
        retrying={session.isFetching}
      />
    )
  if (session.data.authMode === 'off' || session.data.principal) return <Navigate to={returnTo} replace />
  return (
    <SignInPanel
      proxy={session.data.signIn.proxy}
      onSignedIn={() => void navigate(returnTo, { replace: true })}
    />
  )
}
