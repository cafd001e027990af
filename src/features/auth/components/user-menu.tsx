import { Link, useLocation } from 'react-router'
import { Badge } from '@/components/ui/badge'
import { Button, buttonClasses } from '@/components/ui/button'
import { useSignOut } from '../api/delete-session'
import { useSession } from '../api/get-session'
import { principalLabel } from '../lib/permissions'
import { signInPath } from '../lib/return-to'

/** The header's corner: who is signed in and sign-out, or a sign-in link that comes back here. */
export function UserMenu() {
  const session = useSession()
  const signOut = useSignOut()
  const location = useLocation()
  const data = session.data
  if (!data) return null
  if (data.authMode === 'off') {
    return (
      <Badge tone="neutral" title="Sign-in is off while the server listens on this machine only">
        Local operator
      </Badge>
    )
  }
  if (!data.principal) {
    if (location.pathname === '/sign-in') return null
    return (
      <Link
        to={signInPath(`${location.pathname}${location.search}${location.hash}`)}
        className={buttonClasses({ size: 'sm' })}
      >
        Sign in
      </Link>
    )
  }
  return (
    <div className="flex items-center gap-2">
      <span className="text-fg-muted text-sm">{principalLabel(data)}</span>
      {data.principal.via === 'session' ? (
        <Button size="sm" variant="ghost" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
          Sign out
        </Button>
      ) : null}
    </div>
  )
}
