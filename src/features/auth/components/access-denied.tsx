import { Link } from 'react-router'
import type { Role, Session } from '@contract/auth'
import { Button, buttonClasses } from '@/components/ui/button'
import { AlertIcon } from '@/components/ui/icons'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useSignOut } from '../api/delete-session'
import { principalLabel } from '../lib/permissions'
import { HOME_PATH } from '../lib/return-to'

export interface AccessDeniedProps {
  session: Session
  /** What the page lets people do, as the sentence's subject: "Seeing the API tokens", "Creating scan rules". */
  what: string
  /** The role it needs. */
  needs: Role
  /** The way back to where the person came from (the page above this one); default the instances. */
  back?: AccessBackLink | undefined
}

export interface AccessBackLink {
  to: string
  label: string
}

const HOME_LINK: AccessBackLink = { to: HOME_PATH, label: 'Go to instances' }

/**
 * "You need access": says who is signed in, what the page needs, and offers to sign in
 * as someone else — which shows sign-in right here, so the same page opens afterwards.
 */
export function AccessDenied({ session, what, needs, back = HOME_LINK }: AccessDeniedProps) {
  useDocumentTitle('You need access')
  const signOut = useSignOut()
  const who = principalLabel(session)
  const canSwitch = session.authMode === 'required' && session.principal?.via === 'session'
  return (
    <section
      aria-labelledby="access-title"
      className="border-line bg-surface mx-auto mt-8 flex w-full max-w-lg flex-col items-center gap-3 rounded-lg border p-6 text-center"
    >
      <AlertIcon className="text-warning size-6" />
      <h1 id="access-title" className="text-fg text-xl font-semibold">
        You need access
      </h1>
      <p className="text-fg-muted text-sm">
        {who ? `You are signed in as ${who}. ` : null}
        {`${what} needs the ${needs} role. Ask an admin for a token with that role, or sign in with one you have.`}
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        {canSwitch ? (
          <Button variant="primary" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            Sign in as someone else
          </Button>
        ) : null}
        <Link to={back.to} className={buttonClasses()}>
          {back.label}
        </Link>
      </div>
    </section>
  )
}
