import { Link } from 'react-router'
import type { Session } from '@contract/auth'
import { Button, buttonClasses } from '@/components/ui/button'
import { AlertIcon } from '@/components/ui/icons'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useSignOut } from '../api/delete-session'
import { principalLabel } from '../lib/permissions'
import { HOME_PATH } from '../lib/return-to'

export interface AccessDeniedProps {
  session: Session
  /** What the page is, for the message: "the API tokens". */
  what: string
  /** The role it needs. */
  needs: string
}

/**
 * "You need access": says who is signed in, what the page needs, and offers to sign in
 * as someone else — which shows sign-in right here, so the same page opens afterwards.
 */
export function AccessDenied({ session, what, needs }: AccessDeniedProps) {
  useDocumentTitle('You need access')
  const signOut = useSignOut()
  const who = principalLabel(session)
  const canSwitch = session.authMode === 'required' && session.principal?.via === 'session'
  return (
    <section aria-labelledby="access-title" className="mx-auto mt-8 flex w-full max-w-lg flex-col items-center gap-3 rounded-lg border border-line bg-surface p-6 text-center">
      <AlertIcon className="size-6 text-warning" />
      <h1 id="access-title" className="text-xl font-semibold text-fg">
        You need access
      </h1>
      <p className="text-sm text-fg-muted">
        {who ? `You are signed in as ${who}. ` : null}
        {`Seeing ${what} needs the ${needs} role. Ask an admin for a token with that role, or sign in with one you have.`}
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        {canSwitch ? (
          <Button
            variant="primary"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate()}
          >
            Sign in as someone else
          </Button>
        ) : null}
        <Link to={HOME_PATH} className={buttonClasses()}>
          Go to instances
        </Link>
      </div>
    </section>
  )
}
